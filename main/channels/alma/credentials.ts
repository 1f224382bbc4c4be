/**
 * Where Alma Heritage's set-up is kept: the wizard's answers as JSON on the connection
 * (main/db/apiConnections.ts), the password in the secret store (OS keychain on the desktop),
 * never in the settings JSON. Read back validated: a value written by another version of
 * Pigeonnier may not have the shape this one expects.
 */
import { z } from 'zod';
import type { Db } from '../../db/connection';
import { readConnectionSettings, writeConnectionSettings } from '../../db/apiConnections';
import type { SecretStore } from '../../secrets';

/** The connection details from Alma Heritage's e-mail. */
export interface AlmaCredentials {
  serviceUrl: string;
  propertyCode: string;
  userName: string;
  password: string;
}

const night = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const almaSettingsSchema = z.object({
  requestedAt: z.string(),
  expectedBy: night,
  serviceUrl: z.string().optional(),
  propertyCode: z.string().optional(),
  userName: z.string().optional(),
  contractConfirmedAt: z.string().optional(),
  activatedAt: z.string().optional(),
  /**
   * Bumped each time the owner saves connection details: a stop for refused credentials records
   * the revision it was about, and is lifted once it changes. A counter, never anything derived
   * from the password (a hash of it in the database could be guessed offline).
   */
  credentialsRevision: z.number().int().nonnegative().optional(),
});

export type AlmaSettings = z.infer<typeof almaSettingsSchema>;

export const almaPasswordSecret = (connectionId: number): string => `alma-heritage:${connectionId}:password`;

export function readAlmaSettings(db: Db, connectionId: number): AlmaSettings | null {
  const parsed = almaSettingsSchema.safeParse(readConnectionSettings(db, connectionId));
  return parsed.success ? parsed.data : null;
}

export function writeAlmaSettings(db: Db, connectionId: number, settings: AlmaSettings, now: Date): void {
  writeConnectionSettings(db, connectionId, settings, now);
}

/** Everything needed to talk to the partner, or null while any of it is missing. */
export function readAlmaCredentials(db: Db, secrets: SecretStore, connectionId: number): AlmaCredentials | null {
  const settings = readAlmaSettings(db, connectionId);
  if (!settings?.serviceUrl || !settings.propertyCode || !settings.userName) return null;
  const password = secrets.get(almaPasswordSecret(connectionId));
  if (password === null) return null;
  return { serviceUrl: settings.serviceUrl, propertyCode: settings.propertyCode, userName: settings.userName, password };
}

/** Which saved connection details are in use (0 before any save recorded one). */
export function credentialsRevisionOf(db: Db, connectionId: number): number {
  return readAlmaSettings(db, connectionId)?.credentialsRevision ?? 0;
}
