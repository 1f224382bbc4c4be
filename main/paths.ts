/**
 * Where the owner's data lives when nobody says otherwise. It is the folder the desktop app
 * uses (Electron's userData for the product name Pigeonnier, plus /data), computed here without
 * Electron so that `npm run serve` on the same machine opens the same schedule.
 */
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Pigeonnier';

/** Electron's `app.getPath('appData')`, by its documented rule per platform. */
export function appDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? path.join(home, '.config');
}

/** PIGEONNIER_DATA wins, so a support person can point any command at a copy. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PIGEONNIER_DATA ?? path.join(appDataDir(), PRODUCT_NAME, 'data');
}
