import path from 'node:path';
import { defaultDataDir } from '../paths';

export function resolveDataDir(option: string | undefined): string {
  return path.resolve(option ?? defaultDataDir());
}

/** Thrown for what the person typing must fix: printed as is, exit code 2. */
export class UsageError extends Error {}
