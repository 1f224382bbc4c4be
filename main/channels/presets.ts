/**
 * What the wizards and the connection rules know about each channel (DESIGN §5), one module per
 * channel kind: franceVoyage.ts, feratelDeskline.ts, icalPresets.ts. Texts are i18n keys in
 * shared/i18n/channels.ts (namespace `channels`), shown in the order listed here.
 */
import type { ChannelPreset } from '../../shared/channelPresets';
import type { Channel } from '../../shared/domain';
import { feratelDeskline } from './feratelDeskline';
import { franceVoyage } from './franceVoyage';
import { icalPresets } from './icalPresets';

export type { ChannelPreset };

export const PRESETS: Partial<Record<Channel, ChannelPreset>> = {
  france_voyage: franceVoyage,
  feratel_deskline: feratelDeskline,
  ...icalPresets,
};

export function presetOf(channel: Channel): ChannelPreset | null {
  return PRESETS[channel] ?? null;
}
