import type { PigeonnierBridge } from '../../shared/bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser served by headless mode. */
    pigeonnier?: PigeonnierBridge;
  }
}

export {};
