/**
 * The window's size and position, remembered in the settings table across restarts. A saved
 * position is used only if the window would still show on one of today's screens (a laptop
 * unplugged from its second monitor must not open its window off-screen). Pure but for the
 * two settings functions.
 */
import { z } from 'zod';
import type { Db } from '../db/connection';
import { readSetting, writeSetting } from '../db/settings';

export const WINDOW_STATE_KEY = 'desktop.window';
export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 900, height: 600 };

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  width: number;
  height: number;
  x?: number;
  y?: number;
  maximized: boolean;
}

const int = z.number().int().min(-100_000).max(100_000);
const stateSchema = z.object({ x: int.optional(), y: int.optional(), width: int.positive(), height: int.positive(), maximized: z.boolean() });

/** What was saved, or the default size when nothing valid was (a value from another version is ignored). */
export function readWindowState(db: Db): WindowState {
  const parsed = stateSchema.safeParse(readSetting(db, WINDOW_STATE_KEY));
  return parsed.success ? parsed.data : { ...DEFAULT_SIZE, maximized: false };
}

export function writeWindowState(db: Db, bounds: Rectangle, maximized: boolean): void {
  const round = (n: number) => Math.round(n);
  writeSetting(db, WINDOW_STATE_KEY, { x: round(bounds.x), y: round(bounds.y), width: round(bounds.width), height: round(bounds.height), maximized });
}

/** Enough of the window's top (its title bar) must lie on a screen for the owner to grab it. */
function reachable(state: Required<Pick<WindowState, 'x' | 'y' | 'width'>>, area: Rectangle): boolean {
  const visibleWidth = Math.min(state.x + state.width, area.x + area.width) - Math.max(state.x, area.x);
  return visibleWidth >= 100 && state.y >= area.y && state.y <= area.y + area.height - 50;
}

/** The state to open with on these screens' work areas: the size capped to the largest, the position dropped if unreachable. */
export function fitToScreens(state: WindowState, workAreas: Rectangle[]): WindowState {
  const maxWidth = Math.max(MIN_SIZE.width, ...workAreas.map((a) => a.width));
  const maxHeight = Math.max(MIN_SIZE.height, ...workAreas.map((a) => a.height));
  const width = Math.min(Math.max(state.width, MIN_SIZE.width), maxWidth);
  const height = Math.min(Math.max(state.height, MIN_SIZE.height), maxHeight);
  const { x, y } = state;
  if (x === undefined || y === undefined || !workAreas.some((area) => reachable({ x, y, width }, area))) {
    return { width, height, maximized: state.maximized };
  }
  return { x, y, width, height, maximized: state.maximized };
}
