/**
 * The other iCal partners (DESIGN §5): the same two-way iCal, each with where to find its export
 * link, where to paste ours, and whether it sends cancellations. All of these drop a cancelled
 * booking from their calendar, so a vanished booking is cancelled after the next read.
 */
import type { Channel } from '../../shared/domain';
import type { ChannelPreset } from './presets';

export const ICAL_PRESET_CHANNELS = ['airbnb', 'booking_com', 'abritel', 'amivac', 'tripadvisor', 'clevacances', 'google', 'other_ical'] as const satisfies readonly Channel[];

function icalPreset(channel: (typeof ICAL_PRESET_CHANNELS)[number]): ChannelPreset {
  return {
    channel,
    kind: 'ical',
    sendsCancellations: true,
    prerequisites: [],
    maxRooms: null,
    giteSingleLink: false,
    importTitle: 'channels.ical.import.title',
    importSteps: [`channels.ical.${channel}.where`],
    exportTitle: 'channels.ical.export.title',
    exportSteps: [`channels.ical.${channel}.paste`],
    notes: ['channels.cancellations.sent'],
  };
}

export const icalPresets = Object.fromEntries(ICAL_PRESET_CHANNELS.map((channel) => [channel, icalPreset(channel)])) as Record<
  (typeof ICAL_PRESET_CHANNELS)[number],
  ChannelPreset
>;
