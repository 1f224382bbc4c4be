/**
 * Input schemas of every API call (zod). Messages are i18n keys; shared/validation.ts turns
 * zod's issues into ApiIssues. Rules that need the database (a known unit, guests within its
 * capacity) live in the handlers, which report them the same way.
 */
import { z } from 'zod';
import { CHANNELS, DEFAULT_TIME_ZONE, PROPERTY_TYPES, RESERVATION_STATUSES, STORED_FLAGS } from './domain';
import { MAX_INTERVAL_MINUTES, MIN_INTERVAL_MINUTES } from './sync';
import { canonicalTimeZone, daysBetween, isNight, isTimeZone } from './nights';

/** The longest range one call may touch: three years of nights. */
export const MAX_RANGE_DAYS = 3 * 366;
/** The longest stay accepted; anything longer is almost always a mistyped year. */
export const MAX_STAY_NIGHTS = 365;

export const nightSchema = z.string().refine(isNight, { message: 'errors.night' });
export const idSchema = z.int({ error: 'errors.id' }).positive({ error: 'errors.id' });
const cents = z.int({ error: 'errors.amount' }).min(0, { error: 'errors.amountNegative' }).max(100_000_000_00);
const trimmed = (max: number) => z.string().trim().max(max, { error: 'errors.tooLong' });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: 'errors.tooLong' })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const email = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(z.email({ error: 'errors.email' }).max(254).nullable())
  .nullable()
  .optional();

/** Digits, spaces, dots, dashes, parentheses and a leading +: what people really type. */
const phone = z
  .string()
  .trim()
  .transform((v) => (v === '' ? null : v))
  .pipe(
    z
      .string()
      .regex(/^\+?[0-9 ().\-/]{6,25}$/, { error: 'errors.phone', abort: true })
      .refine((v) => (v.match(/\d/g) ?? []).length >= 6, { error: 'errors.phone' })
      .nullable(),
  )
  .nullable()
  .optional();

export const propertySaveSchema = z.strictObject({
  name: z.string().trim().min(1, { error: 'errors.required' }).max(200, { error: 'errors.tooLong' }),
  type: z.enum(PROPERTY_TYPES, { error: 'errors.choice' }),
  addressLine: trimmed(300).default(''),
  postalCode: trimmed(20).default(''),
  city: trimmed(120).default(''),
  region: trimmed(120).default(''),
  country: z.string().regex(/^[A-Z]{2}$/, { error: 'errors.country' }).default('FR'),
  timeZone: z.string().refine(isTimeZone, { error: 'errors.timeZone' }).transform(canonicalTimeZone).default(DEFAULT_TIME_ZONE),
  termsOfSale: trimmed(50_000).default(''),
});

/** Refuses an empty change set, but only when nothing else is wrong: `{ colour: 'blue' }` is an unknown field, not "nothing". */
const nothingToChange = { error: 'errors.nothingToChange', when: (payload: { issues: unknown[] }) => payload.issues.length === 0 };

const unitFields = {
  name: z.string().trim().min(1, { error: 'errors.required' }).max(100, { error: 'errors.tooLong' }),
  capacity: z.int({ error: 'errors.integer' }).min(1, { error: 'errors.capacityMin' }).max(100, { error: 'errors.tooBig' }),
  stock: z.int({ error: 'errors.integer' }).min(0, { error: 'errors.stockNegative' }).max(999, { error: 'errors.tooBig' }),
  baseRateCents: cents,
  minStay: z.int({ error: 'errors.integer' }).min(1, { error: 'errors.minStayMin' }).max(MAX_STAY_NIGHTS, { error: 'errors.tooBig' }),
};

export const unitCreateSchema = z.strictObject({
  ...unitFields,
  stock: unitFields.stock.default(1),
  minStay: unitFields.minStay.default(1),
});

export const unitUpdateSchema = z.strictObject({
  id: idSchema,
  changes: z
    .strictObject({ ...unitFields, sortOrder: z.int().min(0) })
    .partial()
    .refine((c) => Object.keys(c).length > 0, nothingToChange),
});

/** A range of nights, both ends included, in order, and not absurdly long. */
function nightRange<T extends z.ZodRawShape>(shape: T) {
  return z
    .strictObject({ firstNight: nightSchema, lastNight: nightSchema, ...shape })
    .superRefine((value, ctx) => {
      const v = value as { firstNight: string; lastNight: string };
      if (!isNight(v.firstNight) || !isNight(v.lastNight)) return;
      const span = daysBetween(v.firstNight, v.lastNight);
      if (span < 0) ctx.addIssue({ code: 'custom', path: ['lastNight'], message: 'errors.rangeInverted' });
      else if (span >= MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['lastNight'], message: 'errors.rangeTooLong', params: { max: MAX_RANGE_DAYS } });
    });
}

const unitIds = z.array(idSchema).min(1, { error: 'errors.required' }).max(200);

export const overridesSetSchema = nightRange({
  unitIds,
  /** A value sets the override; null removes it (back to the unit's default); absent leaves it. */
  changes: z
    .strictObject({
      rateCents: cents.nullable(),
      stock: unitFields.stock.nullable(),
      minStay: unitFields.minStay.nullable(),
      closedToArrival: z.boolean().nullable(),
      closedToDeparture: z.boolean().nullable(),
      closed: z.boolean().nullable(),
    })
    .partial()
    .refine((c) => Object.keys(c).length > 0, nothingToChange),
});

export const rangeQuerySchema = nightRange({ unitIds: unitIds.optional() });

/** Arrival strictly before departure, and a stay of believable length. */
function stayRefinement(value: { arrival?: string; departure?: string }, ctx: z.RefinementCtx) {
  if (!isNight(value.arrival) || !isNight(value.departure)) return;
  const nights = daysBetween(value.arrival, value.departure);
  if (nights <= 0) ctx.addIssue({ code: 'custom', path: ['departure'], message: 'errors.departureNotAfterArrival' });
  else if (nights > MAX_STAY_NIGHTS) ctx.addIssue({ code: 'custom', path: ['departure'], message: 'errors.stayTooLong', params: { max: MAX_STAY_NIGHTS } });
}

const guestFields = {
  guests: z.int({ error: 'errors.integer' }).min(1, { error: 'errors.guestsMin' }),
  guestName: z.string().trim().min(1, { error: 'errors.required' }).max(200, { error: 'errors.tooLong' }),
  email,
  phone,
  address: optionalText(500),
  amountCents: cents.nullable().optional(),
  notes: trimmed(10_000).optional(),
};

export const reservationCreateSchema = z
  .strictObject({
    unitId: idSchema,
    arrival: nightSchema,
    departure: nightSchema,
    /** "pending" is a booking taken on request, awaiting the owner. */
    status: z.enum(['confirmed', 'pending'], { error: 'errors.choice' }).default('confirmed'),
    ...guestFields,
    /** The owner saw the overbooking warning and books anyway. */
    allowOverbooking: z.boolean().default(false),
  })
  .superRefine(stayRefinement);

export const reservationUpdateSchema = z.strictObject({
  id: idSchema,
  changes: z
    .strictObject({
      unitId: idSchema,
      arrival: nightSchema,
      departure: nightSchema,
      ...guestFields,
      guests: guestFields.guests.nullable(),
      guestName: guestFields.guestName.nullable(),
      commissionCents: cents.nullable(),
      payoutDate: nightSchema.nullable(),
      partnerReference: optionalText(200),
    })
    .partial()
    .refine((c) => Object.keys(c).length > 0, nothingToChange),
  allowOverbooking: z.boolean().default(false),
});

export const reservationCancelSchema = z.strictObject({
  id: idSchema,
  reason: trimmed(1000).optional(),
});

export const idInputSchema = z.strictObject({ id: idSchema });

/** Refusing an on-request booking; the reason goes into the file's history. */
export const reservationRefuseSchema = z.strictObject({
  id: idSchema,
  reason: trimmed(1000).optional(),
});

/** The owner's answer to a stored attention flag: keep the file as it is, or cancel it. */
export const reservationResolveFlagSchema = z.strictObject({
  id: idSchema,
  flag: z.enum(STORED_FLAGS, { error: 'errors.choice' }),
  action: z.enum(['keep', 'cancel'], { error: 'errors.choice' }),
});

/** The accountant's CSV, with headers and number style in this language. */
export const reservationsExportSchema = z.strictObject({
  language: z.enum(['fr', 'en'], { error: 'errors.choice' }),
});

/** Every room, in the order the owner wants them shown. */
export const unitsReorderSchema = z.strictObject({
  unitIds: z.array(idSchema).min(1, { error: 'errors.required' }).max(200, { error: 'errors.tooBig' }),
});

export const reservationsListSchema = z
  .strictObject({
    statuses: z.array(z.enum(RESERVATION_STATUSES, { error: 'errors.choice' })).optional(),
    /** A connection id, or 'direct' for bookings the owner entered. */
    source: z.union([idSchema, z.literal('direct')]).optional(),
    unitId: idSchema.optional(),
    /** Files whose stay overlaps this period (first night … last night, included). */
    firstNight: nightSchema.optional(),
    lastNight: nightSchema.optional(),
    search: trimmed(200).optional(),
    needsAttention: z.boolean().optional(),
    limit: z.int().min(1).max(5000).default(500),
    offset: z.int().min(0).default(0),
  })
  .default({ limit: 500, offset: 0 });

export const reservationCheckSchema = z
  .strictObject({
    unitId: idSchema,
    arrival: nightSchema,
    departure: nightSchema,
    guests: z.int().min(1).optional(),
    /** When editing, the file's own nights do not count against it. */
    excludeReservationId: idSchema.optional(),
  })
  .superRefine(stayRefinement);

export const channelSchema = z.enum(CHANNELS, { error: 'errors.choice' });

/** An outgoing feed is named by its connection and unit, as the links list shows them. */
export const feedRegenerateSchema = z.strictObject({ connectionId: idSchema, unitId: idSchema });

/** A base address partners can fetch: http(s), no credentials, query or fragment; no trailing slash. */
const publicBaseUrl = z
  .string()
  .trim()
  .max(500, { error: 'errors.tooLong' })
  .transform((v) => (v === '' ? null : v.replace(/\/+$/, '')))
  .pipe(
    z
      .url({ protocol: /^https?$/, error: 'errors.format', abort: true })
      .refine((v) => {
        const url = new URL(v);
        return url.username === '' && url.password === '' && url.search === '' && url.hash === '';
      }, { error: 'errors.format' })
      .nullable(),
  )
  .nullable();

/** Any of the three may change alone; what is left out keeps its stored value. */
export const feedServerSaveSchema = z
  .strictObject({
    host: z.union([z.ipv4(), z.ipv6()], { error: 'errors.format' }),
    port: z.int({ error: 'errors.integer' }).min(1, { error: 'errors.tooSmall' }).max(65535, { error: 'errors.tooBig' }),
    publicBaseUrl,
  })
  .partial()
  .refine((c) => Object.keys(c).length > 0, nothingToChange);

/** The sync loop's settings: how often partner calendars are read, and whether the loop is paused. */
export const syncSettingsSchema = z.strictObject({
  intervalMinutes: z
    .int({ error: 'errors.integer' })
    .min(MIN_INTERVAL_MINUTES, { error: 'errors.tooSmall' })
    .max(MAX_INTERVAL_MINUTES, { error: 'errors.tooBig' }),
  paused: z.boolean(),
});

export const syncSettingsSaveSchema = syncSettingsSchema.pick({ intervalMinutes: true });

/** Sync now: one connection, or everything. */
export const syncNowSchema = z.strictObject({ connectionId: idSchema.optional() }).optional();
