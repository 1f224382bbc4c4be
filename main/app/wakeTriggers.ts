/**
 * The laptop sleeps and loses Wi-Fi: when it wakes, or the network comes back, the loop reads
 * at once instead of waiting for its timer (DESIGN §7).
 */
import { net, powerMonitor } from 'electron';

const NETWORK_CHECK_MS = 30_000;

export function watchWakeAndNetwork(wake: () => void): () => void {
  powerMonitor.on('resume', wake);
  powerMonitor.on('unlock-screen', wake);
  // Electron's main process has no "online" event: look now and then, act on offline → online.
  let online = net.isOnline();
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now && !online) wake();
    online = now;
  }, NETWORK_CHECK_MS);
  return () => {
    clearInterval(timer);
    powerMonitor.off('resume', wake);
    powerMonitor.off('unlock-screen', wake);
  };
}
