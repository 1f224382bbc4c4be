/**
 * Inputs of the connection calls (issue 8). The http(s)-only rule on a pasted link is checked
 * by the handler (main/handlers/connections.ts) so its refusal can say it in the wizard's words.
 */
import { z } from 'zod';
import { CHANNELS } from './domain';
import { idSchema } from './schemas';

const urlText = z.string().trim().min(1).max(2000);

export const connectionRoomSchema = z.strictObject({
  unitId: idSchema,
  importUrl: urlText.nullish(),
  importEnabled: z.boolean().default(true),
  exportEnabled: z.boolean().default(true),
});

export const connectionCreateSchema = z.strictObject({
  channel: z.enum(CHANNELS),
  name: z.string().trim().min(1).max(100).optional(),
  rooms: z.array(connectionRoomSchema).max(100),
});

export const connectionUpdateSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1).max(100).optional(),
  /** Pause (not read, links still served so partners keep seeing the closed nights) or resume. */
  status: z.enum(['active', 'paused']).optional(),
  /** Rooms whose link or switches change (the connection and its history stay), or new rooms. */
  rooms: z
    .array(
      z.strictObject({
        unitId: idSchema,
        importUrl: urlText.nullish(),
        importEnabled: z.boolean().optional(),
        exportEnabled: z.boolean().optional(),
      }),
    )
    .max(100)
    .optional(),
});

export const connectionCheckSchema = z.strictObject({ url: z.string().trim().max(2000) });

export const connectionIdSchema = z.strictObject({ id: idSchema });
