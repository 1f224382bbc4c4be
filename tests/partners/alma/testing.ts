/**
 * For the simulator's own tests: a simulator per test (closed afterwards) on a fixed day, and
 * raw HTTP posts whose answers are parsed with a plain XMLParser of the test's own, so the
 * assertions read the wire, not the simulator's objects.
 */
import { XMLParser } from 'fast-xml-parser';
import { afterEach } from 'vitest';
import { startAlmaSimulator, type AlmaSimulator, type AlmaSimulatorOptions } from './server';

export const TODAY = '2026-11-21';
export const NOW = '2026-11-21T09:00:00Z';

const running: AlmaSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

export async function startSimulator(options: AlmaSimulatorOptions = {}): Promise<AlmaSimulator> {
  const sim = await startAlmaSimulator({ today: TODAY, now: () => new Date(NOW), ...options });
  running.push(sim);
  return sim;
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The document's root element, parsed (repeated elements always arrays). */
  root: Record<string, unknown>;
  rootName: string;
}

const REPEATED = new Set(['Error', 'Warning', 'HotelReservation']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  isArray: (name, _path, _leaf, isAttribute) => !isAttribute && REPEATED.has(name),
});

export async function post(url: string, body: string, contentType = 'application/xml; charset=utf-8'): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body, signal: AbortSignal.timeout(5_000) });
  const text = await response.text();
  let rootName = '';
  let root: Record<string, unknown> = {};
  if ((response.headers.get('content-type') ?? '').startsWith('application/xml')) {
    const document = parser.parse(text) as Record<string, Record<string, unknown>>;
    rootName = Object.keys(document)[0] ?? '';
    root = document[rootName] ?? {};
  }
  return { status: response.status, headers: response.headers, text, root, rootName };
}

export interface AnsweredError {
  Type: string;
  Code: string;
  ShortText: string;
  '#text': string;
}

/** The answer's errors, [] when it has none. */
export function errorsOf(answer: Answer): AnsweredError[] {
  const list = (answer.root.Errors as { Error?: AnsweredError[] } | undefined)?.Error ?? [];
  return list.map((e) => (typeof e === 'string' ? { Type: '', Code: '', ShortText: '', '#text': e } : e));
}

/** `[[type, code]]` of the answer's errors, for compact assertions. */
export function codesOf(answer: Answer): [string, string][] {
  return errorsOf(answer).map((e) => [e.Type, e.Code]);
}

export function isSuccess(answer: Answer): boolean {
  return answer.status === 200 && 'Success' in answer.root && !('Errors' in answer.root);
}

/** The HotelReservation elements of an OTA_ResRetrieveRS. */
export function reservationsOf(answer: Answer): Record<string, unknown>[] {
  const list = answer.root.ReservationsList;
  return typeof list === 'object' && list !== null ? ((list as { HotelReservation?: Record<string, unknown>[] }).HotelReservation ?? []) : [];
}
