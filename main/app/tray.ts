/**
 * The tray icon: its picture follows the sync state (and on Windows the taskbar's colour), its
 * menu is rebuilt from trayMenu.ts whenever the status or a setting changes. On Windows a click
 * opens the window; elsewhere a click opens the menu, as each desktop expects.
 */
import { Menu, nativeImage, nativeTheme, Tray } from 'electron';
import path from 'node:path';
import type { SyncStatus } from '../../shared/sync';
import { trayIconFile, trayMenuTemplate, trayTooltip, type TrayActions, type TrayPlatform, type Translate } from './trayMenu';

export interface TrayDeps {
  iconDir: string;
  platform: TrayPlatform;
  t: Translate;
  actions: TrayActions;
  startAtLogin(): boolean;
  formatMoment(iso: string): string;
}

export interface AppTray {
  update(status: SyncStatus): void;
  /** Re-reads the settings (start at login) into the menu. */
  refresh(): void;
  destroy(): void;
}

export function createTray(initial: SyncStatus, deps: TrayDeps): AppTray {
  let status = initial;
  const image = () => {
    const file = path.join(deps.iconDir, trayIconFile(status.overall, deps.platform, nativeTheme.shouldUseDarkColors));
    const picture = nativeImage.createFromPath(file);
    if (deps.platform === 'darwin') picture.setTemplateImage(true);
    return picture;
  };
  const tray = new Tray(image());
  const render = () => {
    tray.setImage(image());
    tray.setToolTip(trayTooltip(status, deps.t));
    // Linux needs the whole menu set again for a change to show.
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(status, { startAtLogin: deps.startAtLogin(), formatMoment: deps.formatMoment }, deps.t, deps.actions)));
  };
  render();
  nativeTheme.on('updated', render);
  if (deps.platform === 'win32') tray.on('click', () => deps.actions.open());
  return {
    update(next) {
      status = next;
      render();
    },
    refresh: render,
    destroy() {
      nativeTheme.off('updated', render);
      tray.destroy();
    },
  };
}
