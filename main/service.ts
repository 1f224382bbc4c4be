/**
 * The application service: implements shared/api.ts on top of the database. Every transport
 * (Electron IPC, the headless HTTP bridge, the command line, tests) calls `invoke`, which
 * validates the input against the contract's schema, runs the handler in one transaction, and
 * only then announces what changed. A refused call throws before anything is written, or
 * inside the transaction, which is then rolled back.
 */
import { EventEmitter } from 'node:events';
import type { ZodType } from 'zod';
import {
  callSchemas,
  isApiCallName,
  type ApiCallName,
  type ApiEnvelope,
  type ApiEventListener,
  type ApiEventMessage,
  type ApiParsedInput,
  type ApiResult,
} from '../shared/api';
import { ApiError } from '../shared/errors';
import { parseInput } from '../shared/validation';
import { createKeyFileCipher } from './keyFileCipher';
import { createSecretStore, type SecretCipher, type SecretStore } from './secrets';
import { openDatabase, type Db } from './db/connection';
import type { MigrationReport } from './db/migrate';
import type { Context, SyncControl } from './handlers/context';
import { alertHandlers } from './handlers/alerts';
import { almaHandlers } from './handlers/alma';
import { connectionHandlers } from './handlers/connections';
import { demoHandlers } from './handlers/demo';
import { feedHandlers } from './handlers/feeds';
import { overrideHandlers } from './handlers/overrides';
import { payoutHandlers } from './handlers/payouts';
import { propertyHandlers } from './handlers/property';
import { reservationDecisionHandlers } from './handlers/reservationDecisions';
import { reservationQueryHandlers } from './handlers/reservationQueries';
import { reservationHandlers } from './handlers/reservations';
import type { Handler, Handlers } from './handlers/types';
import { syncHandlers } from './handlers/sync';
import { unitHandlers } from './handlers/units';

const handlers: Handlers = {
  ...propertyHandlers,
  ...unitHandlers,
  ...overrideHandlers,
  ...reservationQueryHandlers,
  ...reservationHandlers,
  ...reservationDecisionHandlers,
  ...alertHandlers,
  ...demoHandlers,
  ...feedHandlers,
  ...syncHandlers,
  ...connectionHandlers,
  ...payoutHandlers,
  ...almaHandlers,
};

export interface ServiceOptions {
  dataDir: string;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
  /** See OpenOptions.nativeBinding. */
  nativeBinding?: string;
  /** See Context.feedLinkBase. */
  feedLinkBase?: () => string;
  /** How partner passwords are encrypted: the OS keychain on the desktop; by default a key file in dataDir ('weak'). */
  secretCipher?: SecretCipher;
  /** Where the secret store's warnings go (the desktop app's log). */
  warn?: (message: string) => void;
}

export interface Service {
  readonly dataDir: string;
  readonly db: Db;
  readonly migration: MigrationReport;
  /** Partner passwords (Alma Heritage), encrypted. */
  readonly secrets: SecretStore;
  /** The service's clock. */
  now(): Date;
  /** Runs one call; throws ApiError when it is refused. */
  call<K extends ApiCallName>(name: K, input?: unknown): ApiResult<K>;
  /** The same, as the envelope every transport carries. */
  invoke(name: string, input: unknown): ApiEnvelope<unknown>;
  subscribe(listener: ApiEventListener): () => void;
  /** Announces an event from outside a call (the sync loop's reads commit on their own). */
  publish(message: ApiEventMessage): void;
  /** Gives the calls access to the sync loop, once the process has started one. */
  attachSync(control: SyncControl | undefined): void;
  close(): void;
}

export function createService(options: ServiceOptions): Service {
  const { db, migration } = openDatabase(options.dataDir, { nativeBinding: options.nativeBinding });
  const now = options.now ?? (() => new Date());
  const bus = new EventEmitter();
  bus.setMaxListeners(0);
  let sync: SyncControl | undefined;
  const secrets = createSecretStore(db, options.secretCipher ?? createKeyFileCipher(options.dataDir), options.warn ?? ((m) => console.warn(`Pigeonnier: ${m}`)));

  function call<K extends ApiCallName>(name: K, rawInput?: unknown): ApiResult<K> {
    const input = parseInput(callSchemas[name] as ZodType, rawInput) as ApiParsedInput<K>;
    const pending: ApiEventMessage[] = [];
    const ctx: Context = {
      db,
      now,
      emit: (event, payload) => void pending.push({ event, payload } as ApiEventMessage),
      feedLinkBase: options.feedLinkBase,
      secrets,
      sync,
      publish: (message) => void bus.emit('event', message),
      call: (inner, innerInput) => (handlers[inner] as Handler<typeof inner>)(parseInput(callSchemas[inner] as ZodType, innerInput) as never, ctx),
    };
    const handler = handlers[name] as Handler<K>;
    // .immediate takes the write lock at once, so a read-then-write can't be overtaken.
    const result = db.transaction(() => handler(input, ctx)).immediate();
    for (const message of pending) bus.emit('event', message);
    return result;
  }

  return {
    dataDir: options.dataDir,
    db,
    migration,
    secrets,
    now,
    call,
    invoke(name, input) {
      if (!isApiCallName(name)) {
        return { ok: false, error: { code: 'unknown_call', key: 'errors.unknownCall', params: { name: String(name).slice(0, 100) }, issues: [] } };
      }
      try {
        return { ok: true, value: call(name, input) };
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, error: error.body };
        console.error(`Pigeonnier: ${name} failed`, error);
        return { ok: false, error: { code: 'internal', key: 'errors.internal', issues: [] } };
      }
    },
    subscribe(listener) {
      bus.on('event', listener);
      return () => bus.off('event', listener);
    },
    publish(message) {
      bus.emit('event', message);
    },
    attachSync(control) {
      sync = control;
    },
    close() {
      bus.removeAllListeners();
      db.close();
    },
  };
}
