/**
 * Inputs of the Alma Heritage calls (issue 9). The rules that need the database (eligibility,
 * what the stage allows, rooms that exist) are checked by main/handlers/alma.ts.
 */
import { z } from 'zod';
import { idSchema } from './schemas';

const code = z.string().trim().min(1).max(64);

export const almaIdSchema = z.strictObject({ id: idSchema });

export const almaCredentialsSchema = z.strictObject({
  id: idSchema,
  /** The service address from Alma Heritage's e-mail; http(s) only (checked with the wizard's words). */
  serviceUrl: z.string().trim().min(1).max(2000),
  propertyCode: code,
  userName: z.string().trim().min(1).max(200),
  /** Absent: keep the saved one. */
  password: z.string().min(1).max(500).optional(),
});

export const almaMappingSchema = z.strictObject({
  id: idSchema,
  rooms: z.array(z.strictObject({ unitId: idSchema, roomCode: code, rateCode: code })).max(100),
});

export const almaCommissionSchema = z.strictObject({
  id: idSchema,
  /** 1300 = 13 %. */
  basisPoints: z.number().int().min(0).max(10000),
});
