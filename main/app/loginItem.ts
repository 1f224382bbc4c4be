/**
 * "Start at login". macOS and Windows: Electron's login item, started with --hidden so the
 * app opens in the tray. Linux has no such API in Electron: an XDG autostart entry
 * (~/.config/autostart/pigeonnier.desktop) does the same on every mainstream desktop.
 */
import { app } from 'electron';
import fs from 'node:fs';
import path from 'node:path';

export const HIDDEN_ARG = '--hidden';

export interface LoginItem {
  isEnabled(): boolean;
  setEnabled(on: boolean): void;
}

/**
 * The XDG entry, quoted per the Desktop Entry spec so a path with spaces still launches: `%` is
 * doubled (field codes), an argument with other characters is double-quoted with `"`, `` ` ``,
 * `$` and `\` escaped, then every backslash doubled again (the string escape applies first).
 */
export function autostartEntry(command: string[]): string {
  const quote = (arg: string) => {
    const text = arg.replace(/%/g, '%%');
    return /^[\w@%+=:,./-]+$/.test(text) ? text : `"${text.replace(/(["`$\\])/g, '\\$1').replace(/\\/g, '\\\\')}"`;
  };
  return ['[Desktop Entry]', 'Type=Application', 'Name=Pigeonnier', `Exec=${command.map(quote).join(' ')}`, 'X-GNOME-Autostart-enabled=true', 'NoDisplay=false', ''].join('\n');
}

export function linuxLoginItem(configDir: string, command: string[]): LoginItem {
  const file = path.join(configDir, 'autostart', 'pigeonnier.desktop');
  return {
    isEnabled: () => fs.existsSync(file),
    setEnabled(on) {
      if (!on) return fs.rmSync(file, { force: true });
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, autostartEntry(command));
    },
  };
}

/** The command that starts this copy of the app: the AppImage itself when run from one; Electron and the app folder in development. */
export function launchCommand(env: NodeJS.ProcessEnv = process.env): string[] {
  const executable = env.APPIMAGE ?? process.execPath;
  return [executable, ...(app.isPackaged ? [] : [app.getAppPath()]), HIDDEN_ARG];
}

export function createLoginItem(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): LoginItem {
  if (platform === 'linux') return linuxLoginItem(env.XDG_CONFIG_HOME ?? path.join(app.getPath('home'), '.config'), launchCommand(env));
  const args = [HIDDEN_ARG];
  return {
    isEnabled: () => app.getLoginItemSettings({ args }).openAtLogin,
    setEnabled: (on) => app.setLoginItemSettings({ openAtLogin: on, args }),
  };
}

/** Started by the login item: stay in the tray until the owner asks for the window. */
export function startedAtLogin(platform: NodeJS.Platform, argv: string[] = process.argv): boolean {
  if (argv.includes(HIDDEN_ARG)) return true;
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
