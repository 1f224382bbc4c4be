/**
 * What the tray shows for a sync status: its icon file, its tooltip and its menu. Pure: a
 * function of (status, settings, translator, actions), so every state is tested without
 * Electron; tray.ts hands the result to Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { OverallSyncState, SyncStatus } from '../../shared/sync';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface TrayActions {
  open(): void;
  syncNow(): void;
  pause(): void;
  resume(): void;
  setStartAtLogin(on: boolean): void;
  openChannel(connectionId: number): void;
  openAlerts(): void;
  quit(): void;
}

export interface TraySettings {
  startAtLogin: boolean;
  /** A moment as the owner reads it ("14:32"). */
  formatMoment(iso: string): string;
}

export type TrayPlatform = 'darwin' | 'win32' | 'linux';
export const TRAY_STATES: readonly OverallSyncState[] = ['inStep', 'syncing', 'failing', 'conflict', 'paused'];

/**
 * macOS: a template image (black and alpha; the menu bar recolours it). Windows: the variant
 * drawn for the taskbar's colour. Linux: the variant for dark panels, which most desktops'
 * top bars are whatever the theme. Files come in 1x and @2x; Electron picks by screen density.
 */
export function trayIconFile(state: OverallSyncState, platform: TrayPlatform, darkTaskbar: boolean): string {
  if (platform === 'darwin') return `${state}Template.png`;
  if (platform === 'linux') return `${state}-dark.png`;
  return `${state}-${darkTaskbar ? 'dark' : 'light'}.png`;
}

export function trayTooltip(status: SyncStatus, t: Translate): string {
  return t('desktop.tray.tooltip', { state: t(`desktop.tray.state.${status.overall}`) });
}

/** The last time every calendar was read: the loop's last round, else the latest success on record. */
function lastSync(status: SyncStatus): string | null {
  const successes = status.connections.map((c) => c.lastSuccessAt).filter((at): at is string => at !== null);
  return status.lastRoundAt ?? (successes.length ? successes.reduce((a, b) => (a > b ? a : b)) : null);
}

export function trayMenuTemplate(status: SyncStatus, settings: TraySettings, t: Translate, actions: TrayActions): MenuItemConstructorOptions[] {
  const last = lastSync(status);
  const failing = status.connections.filter((c) => c.failingSince !== null);
  return [
    { id: 'open', label: t('desktop.tray.open'), click: () => actions.open() },
    { id: 'syncNow', label: t('desktop.tray.syncNow'), click: () => actions.syncNow() },
    { type: 'separator' },
    { id: 'state', label: t(`desktop.tray.state.${status.overall}`), enabled: false },
    { id: 'lastSync', label: last ? t('desktop.tray.lastSync', { time: settings.formatMoment(last) }) : t('desktop.tray.neverSynced'), enabled: false },
    ...failing.map(
      (c): MenuItemConstructorOptions => ({
        id: `failing:${c.connectionId}`,
        label: t('desktop.tray.failing', { name: c.name, since: settings.formatMoment(c.failingSince!) }),
        click: () => actions.openChannel(c.connectionId),
      }),
    ),
    ...(status.overall === 'conflict' ? [{ id: 'conflict', label: t('desktop.tray.conflict'), click: () => actions.openAlerts() }] : []),
    { type: 'separator' },
    status.paused
      ? { id: 'resume', label: t('desktop.tray.resume'), click: () => actions.resume() }
      : { id: 'pause', label: t('desktop.tray.pause'), click: () => actions.pause() },
    {
      id: 'startAtLogin',
      label: t('desktop.tray.startAtLogin'),
      type: 'checkbox',
      checked: settings.startAtLogin,
      click: () => actions.setStartAtLogin(!settings.startAtLogin),
    },
    { type: 'separator' },
    { id: 'quit', label: t('desktop.tray.quit'), click: () => actions.quit() },
  ];
}
