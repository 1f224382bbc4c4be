/**
 * The schema's history. Append only: a released migration is never edited, a change is a new
 * numbered file with its own test in tests/main/db/migrations/.
 */
import type Database from 'better-sqlite3';
import { initialSchema } from './001_initial';
import { feedReads } from './002_feed_reads';
import { syncRunsFailures } from './003_sync_runs_failures';
import { apiChannels } from './004_api_channels';
import { payoutMonthIndex } from './005_payout_month_index';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [initialSchema, feedReads, syncRunsFailures, apiChannels, payoutMonthIndex];
