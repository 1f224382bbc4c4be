/**
 * Feratel Deskline, the Gîtes de France departmental centres' system (seed 002): two-way iCal
 * with the centre's agreement; a gîte has one calendar, a guest house one per room, five at
 * most; receiving and sending are separate switches; Deskline sends no cancellations, so a
 * booking that disappears is flagged for the owner to cancel.
 */
import type { ChannelPreset } from './presets';

const k = 'channels.deskline';

/** "as many iCal calendars as you want to update rooms (up to a limit of 5)". */
export const DESKLINE_MAX_ROOMS = 5;

export const feratelDeskline: ChannelPreset = {
  channel: 'feratel_deskline',
  kind: 'ical',
  sendsCancellations: false,
  prerequisites: [`${k}.prerequisites.agreement`],
  maxRooms: DESKLINE_MAX_ROOMS,
  giteSingleLink: true,
  importTitle: `${k}.import.title`,
  importSteps: [1, 2, 3].map((n) => `${k}.import.step${n}`),
  exportTitle: `${k}.export.title`,
  exportSteps: [1, 2, 3, 4].map((n) => `${k}.export.step${n}`),
  notes: [`${k}.rooms.gite`, `${k}.rooms.guestHouse`, `${k}.notes.noCancellations`, `${k}.notes.fields`],
};
