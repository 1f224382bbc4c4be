/**
 * The two IPC channels between the preload and the main process: calls go one way on the
 * first (the call's name travels as the first argument and is checked against the contract),
 * pushed events come back on the second. No electron import, so the preload can share it.
 */
export const INVOKE_CHANNEL = 'pigeonnier:invoke';
export const EVENT_CHANNEL = 'pigeonnier:event';
