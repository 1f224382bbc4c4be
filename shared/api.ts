/**
 * The one contract between the page and the main process: every call (its name, its input
 * schema, its result type) and every event pushed back. Electron IPC (preload) and the
 * headless HTTP bridge are both built from this list; the page only ever sees `Api`.
 *
 * Names read `domain:verb`.
 */
import { z } from 'zod';
import type {
  Alert,
  NightOverride,
  Overbooking,
  Property,
  Reservation,
  ReservationHistoryEntry,
  StayCheck,
  Unit,
  UnitAvailability,
} from './domain';
import { API_CALL_NAMES as CALL_NAMES, API_EVENT_NAMES as EVENT_NAMES, type ApiCallNameListed, type ApiEventNameListed } from './apiNames';
import type { ApiErrorBody } from './errors';
import type { FeedServerInfo, OutgoingFeedLink } from './outgoingFeeds';
import * as s from './schemas';
import * as cs from './connectionSchemas';
import * as as_ from './almaSchemas';
import type { AlmaConnectionView, AlmaEligibility, AlmaMessage } from './alma';
import type { ChannelPreset, ConnectionWithFeeds, LinkCheckResult } from './channelPresets';
import type { SyncProgress, SyncSettings, SyncStatus } from './sync';
import { payoutsListSchema } from './payoutSchemas';
import type { PayoutsResult } from './payouts';

const none = z.undefined();

export const callSchemas = {
  'property:get': none,
  'property:save': s.propertySaveSchema,
  'units:list': none,
  'units:create': s.unitCreateSchema,
  'units:update': s.unitUpdateSchema,
  'overrides:list': s.rangeQuerySchema,
  'overrides:set': s.overridesSetSchema,
  'availability:get': s.rangeQuerySchema,
  'availability:overbookings': s.rangeQuerySchema,
  'reservations:list': s.reservationsListSchema,
  'reservations:get': s.idInputSchema,
  'reservations:history': s.idInputSchema,
  'reservations:check': s.reservationCheckSchema,
  'reservations:create': s.reservationCreateSchema,
  'reservations:update': s.reservationUpdateSchema,
  'reservations:cancel': s.reservationCancelSchema,
  'reservations:confirm': s.idInputSchema,
  'reservations:refuse': s.reservationRefuseSchema,
  'reservations:resolveFlag': s.reservationResolveFlagSchema,
  'reservations:exportCsv': s.reservationsExportSchema,
  'units:reorder': s.unitsReorderSchema,
  'demo:load': none,
  'alerts:list': none,
  'alerts:dismiss': s.idInputSchema,
  'feeds:list': none,
  'feeds:regenerateToken': s.feedRegenerateSchema,
  'settings:getFeedServer': none,
  'settings:saveFeedServer': s.feedServerSaveSchema,
  'sync:status': none,
  'sync:now': s.syncNowSchema,
  'sync:pause': none,
  'sync:resume': none,
  'settings:getSync': none,
  'settings:saveSync': s.syncSettingsSaveSchema,
  'channels:presets': none,
  'connections:list': none,
  'connections:create': cs.connectionCreateSchema,
  'connections:update': cs.connectionUpdateSchema,
  'connections:remove': cs.connectionIdSchema,
  'connections:checkLink': cs.connectionCheckSchema,
  'payouts:list': payoutsListSchema,
  'alma:eligibility': none,
  'alma:open': none,
  'alma:get': none,
  'alma:saveCredentials': as_.almaCredentialsSchema,
  'alma:checkCredentials': as_.almaIdSchema,
  'alma:confirmContract': as_.almaIdSchema,
  'alma:saveMapping': as_.almaMappingSchema,
  'alma:activate': as_.almaIdSchema,
  'alma:resendAll': as_.almaIdSchema,
  'alma:saveCommission': as_.almaCommissionSchema,
} as const satisfies Record<ApiCallNameListed, z.ZodType>;

interface Results {
  'property:get': Property | null;
  'property:save': Property;
  'units:list': Unit[];
  'units:create': Unit;
  'units:update': Unit;
  'overrides:list': NightOverride[];
  'overrides:set': { nightsChanged: number; overbookings: Overbooking[] };
  'availability:get': UnitAvailability[];
  'availability:overbookings': Overbooking[];
  'reservations:list': { items: Reservation[]; total: number };
  'reservations:get': Reservation;
  'reservations:history': ReservationHistoryEntry[];
  'reservations:check': StayCheck;
  'reservations:create': { reservation: Reservation; overbookings: Overbooking[] };
  'reservations:update': { reservation: Reservation; overbookings: Overbooking[] };
  'reservations:cancel': Reservation;
  /** A pending (on-request) booking accepted by the owner. */
  'reservations:confirm': Reservation;
  /** A pending booking turned down: it frees its nights. */
  'reservations:refuse': Reservation;
  'reservations:resolveFlag': Reservation;
  /** The accountant's file: UTF-8 with a BOM, French or English spreadsheet habits. */
  'reservations:exportCsv': { filename: string; content: string };
  /** The rooms in their new order. */
  'units:reorder': Unit[];
  /** Fills an empty schedule with the demo guest house; refused once anything is there. */
  'demo:load': { units: number; reservations: number };
  'alerts:list': Alert[];
  'alerts:dismiss': Alert;
  'feeds:list': OutgoingFeedLink[];
  /** The feed's new link; the old one answers 404 from now on. */
  'feeds:regenerateToken': OutgoingFeedLink;
  'settings:getFeedServer': FeedServerInfo;
  'settings:saveFeedServer': FeedServerInfo;
  'sync:status': SyncStatus;
  /** Starts the reads and answers at once; progress and outcome arrive as events. */
  'sync:now': SyncStatus;
  'sync:pause': SyncStatus;
  'sync:resume': SyncStatus;
  'settings:getSync': SyncSettings;
  'settings:saveSync': SyncSettings;
  /** The wizards' steps and rules per channel (main/channels/). */
  'channels:presets': ChannelPreset[];
  'connections:list': ConnectionWithFeeds[];
  'connections:create': ConnectionWithFeeds;
  /** A replaced link keeps the connection, its files and their history. */
  'connections:update': ConnectionWithFeeds;
  /** Marks it removed and revokes its outgoing links; its reservation files stay. */
  'connections:remove': ConnectionWithFeeds;
  /** Refuses a non-http(s) link at once; else answers a check id, the result arrives as 'connections:linkChecked'. */
  'connections:checkLink': { checkId: string };
  /** Per payout month and channel: gross, commission, net, payout date; the month's commission invoices. */
  'payouts:list': PayoutsResult;
  /** Who may open Alma Heritage: metropolitan France, not a hotel or a campsite; else why not. */
  'alma:eligibility': AlmaEligibility;
  /** "Open the channel": a pending connection and the date the e-mail should arrive by; refused when not eligible or already open. */
  'alma:open': AlmaConnectionView;
  /** The channel's set-up and sync as it stands; null until it is opened (or once removed). */
  'alma:get': AlmaConnectionView | null;
  /** The details from Alma Heritage's e-mail; the password goes to the secret store and never comes back. */
  'alma:saveCredentials': AlmaConnectionView;
  /** Pings with the saved details after the call returns; the result arrives as 'alma:credentialsChecked'. */
  'alma:checkCredentials': { checkId: string };
  'alma:confirmContract': AlmaConnectionView;
  /** Each room's room type and rate plan codes at Alma Heritage (the whole mapping). */
  'alma:saveMapping': AlmaConnectionView;
  /** Refused with what is still missing; queues the whole schedule for the first push. */
  'alma:activate': AlmaConnectionView;
  /** Queues every night of every mapped room again (active or paused only). */
  'alma:resendAll': AlmaConnectionView;
  'alma:saveCommission': AlmaConnectionView;
}

export type ApiCallName = keyof typeof callSchemas;
/** From shared/apiNames.ts; `satisfies` above keeps it and the schemas in step. */
export const API_CALL_NAMES: readonly ApiCallName[] = CALL_NAMES;

/** What the caller passes (defaults not yet applied). */
export type ApiInput<K extends ApiCallName> = z.input<(typeof callSchemas)[K]>;
/** What the handler receives, after validation and defaults. */
export type ApiParsedInput<K extends ApiCallName> = z.output<(typeof callSchemas)[K]>;
export type ApiResult<K extends ApiCallName> = Results[K];

type Args<K extends ApiCallName> = undefined extends ApiInput<K> ? [input?: ApiInput<K>] : [input: ApiInput<K>];

/** The page's view of the main process, whatever carries the calls. */
export type Api = { [K in ApiCallName]: (...args: Args<K>) => Promise<ApiResult<K>> };

export function isApiCallName(name: unknown): name is ApiCallName {
  return typeof name === 'string' && Object.hasOwn(callSchemas, name);
}

/** Pushed by the main process; the page refreshes what it shows. */
export interface ApiEvents {
  'property:changed': Record<string, never>;
  'units:changed': Record<string, never>;
  'reservations:changed': { reservationIds: number[] };
  'availability:changed': { unitIds: number[]; firstNight: string; lastNight: string };
  'alerts:new': Alert;
  /** Outgoing links changed (a token regenerated, the feed server's address): show them again. */
  'feeds:changed': Record<string, never>;
  'sync:status': SyncStatus;
  'sync:progress': SyncProgress;
  /** Desktop only, from the main process itself: the owner clicked a notification or the tray; show this. */
  'app:navigate': AppNavigation;
  'connections:changed': Record<string, never>;
  'connections:linkChecked': LinkCheckResult;
  'alma:credentialsChecked': { checkId: string; ok: boolean; problem: AlmaMessage | null };
  /** Page only, from its event stream: it reconnected after a drop, so what was pushed meanwhile was missed; read everything shown again. */
  'app:resync': Record<string, never>;
}
export type ApiEventName = keyof ApiEvents;
/** From shared/apiNames.ts; the type below fails to compile if the list and ApiEvents differ. */
export const API_EVENT_NAMES: readonly ApiEventName[] = EVENT_NAMES;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _eventNamesListed: Same<ApiEventName, ApiEventNameListed> = true;

/** Where the page goes for 'app:navigate': a reservation file, a channel (connection), or the alerts. */
export type AppNavigation = { target: 'reservation' | 'channel'; id: number } | { target: 'alerts' };

export interface ApiEventMessage<E extends ApiEventName = ApiEventName> {
  event: E;
  payload: ApiEvents[E];
}

export type ApiEventListener = (message: ApiEventMessage) => void;

/** How every transport carries a result: never a thrown string across the boundary. */
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** A transport: sends one call, returns its envelope; subscribes to pushed events. */
export interface ApiTransport {
  invoke(name: ApiCallName, input: unknown): Promise<ApiEnvelope<unknown>>;
  subscribe(listener: ApiEventListener): () => void;
}
