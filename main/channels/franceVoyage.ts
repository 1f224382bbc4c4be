/**
 * France-Voyage (seed 003): two-way iCal, one pair of links per room; needs at least the
 * Connect subscription and a commercial contract; France-Voyage polls at its own interval and
 * commissions stay in its extranet. A booking it removes drops out of its calendar: cancelled.
 */
import type { ChannelPreset } from './presets';

const k = 'channels.franceVoyage';

export const franceVoyage: ChannelPreset = {
  channel: 'france_voyage',
  kind: 'ical',
  sendsCancellations: true,
  prerequisites: [`${k}.prerequisites.connect`, `${k}.prerequisites.contract`],
  maxRooms: null,
  giteSingleLink: false,
  importTitle: `${k}.import.title`,
  importSteps: [1, 2, 3, 4].map((n) => `${k}.import.step${n}`),
  exportTitle: `${k}.export.title`,
  exportSteps: [1, 2, 3, 4].map((n) => `${k}.export.step${n}`),
  notes: [`${k}.perRoom`, `${k}.notes.interval`, `${k}.notes.commissions`, 'channels.cancellations.sent'],
};
