import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchWakeAndNetwork } from '../../../main/app/wakeTriggers';
import { net, powerMonitor, resetFakeElectron } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

describe('wake from sleep and network back', () => {
  beforeEach(() => {
    resetFakeElectron();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('wakes the loop when the computer resumes or the screen is unlocked', () => {
    const wake = vi.fn();
    watchWakeAndNetwork(wake);
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    expect(wake).toHaveBeenCalledTimes(2);
  });

  it('wakes the loop when the network comes back, not while it stays up or down', () => {
    const wake = vi.fn();
    watchWakeAndNetwork(wake);
    vi.advanceTimersByTime(90_000);
    expect(wake).not.toHaveBeenCalled();
    net.online = false;
    vi.advanceTimersByTime(60_000);
    expect(wake).not.toHaveBeenCalled();
    net.online = true;
    vi.advanceTimersByTime(30_000);
    expect(wake).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(90_000);
    expect(wake).toHaveBeenCalledTimes(1);
  });

  it('stops listening when told to', () => {
    const wake = vi.fn();
    const stop = watchWakeAndNetwork(wake);
    stop();
    powerMonitor.emit('resume');
    net.online = false;
    vi.advanceTimersByTime(30_000);
    net.online = true;
    vi.advanceTimersByTime(30_000);
    expect(wake).not.toHaveBeenCalled();
    expect(powerMonitor.listenerCount('resume')).toBe(0);
  });
});
