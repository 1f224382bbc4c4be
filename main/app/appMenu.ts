/**
 * The application menu. macOS needs one (its Edit menu is what makes copy and paste work in
 * text fields, and Cmd+Q quits through it); Windows and Linux get none, which also removes
 * Electron's default one with its Reload and developer tools. Pure.
 */
import type { MenuItemConstructorOptions } from 'electron';

export function appMenuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] | null {
  if (platform !== 'darwin') return null;
  return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }];
}
