/**
 * Reads any OpenTravel answer (docs/alma-protocol.md, "Answers"): the expected root element,
 * the EchoToken we sent, then `<Success/>` (with its `<Warnings>`) or `<Errors>`. Anything else
 * is not the expected document: a transport failure, tried again later.
 */
import type { PartnerError } from '../messages';
import { almaMessage, type AlmaFailure } from '../result';
import { attr, child, children, parseXml, text, XmlRefused, type XmlNode } from './xml';

export type Answer = { ok: true; root: XmlNode; warnings: PartnerError[] } | { ok: false; failure: AlmaFailure };

/** OTA error types meaning "who you are" (4 authentication) or "what you may do" (6 authorisation). */
const CREDENTIAL_TYPES = new Set(['4', '6']);

const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);

function partnerErrors(list: XmlNode[]): PartnerError[] {
  return list.map((error) => ({
    type: orNull(attr(error, 'Type')),
    code: orNull(attr(error, 'Code')),
    shortText: orNull(attr(error, 'ShortText')),
    text: orNull(text(error)),
  }));
}

const malformed = (key: string, params?: Record<string, string | number>): Answer => ({
  ok: false,
  failure: { kind: 'malformed', message: almaMessage(key, params) },
});

/** The partner's words for the owner: the first error in full, and how many there were. */
function partnerFailure(errors: PartnerError[]): AlmaFailure {
  const credentials = errors.some((error) => error.type !== null && CREDENTIAL_TYPES.has(error.type));
  const first = errors[0];
  const params = {
    code: first?.code ?? '?',
    shortText: first?.shortText ?? '',
    text: first?.text ?? '',
    count: errors.length,
  };
  return { kind: 'partner', errors, credentials, message: almaMessage(credentials ? 'credentials' : 'partner', params) };
}

const HTML = /^\s*(?:<!doctype\s+html|<html[\s>])/i;

export function readAnswer(body: string, expectedRoot: string, echoToken: string): Answer {
  if (HTML.test(body)) return malformed('html');
  let document: { name: string; node: XmlNode };
  try {
    document = parseXml(body);
  } catch (error) {
    if (!(error instanceof XmlRefused)) throw error;
    return error.key === 'doctype' ? malformed('doctype') : malformed('brokenXml', { detail: error.detail.slice(0, 160) });
  }
  const { name, node } = document;
  if (name !== expectedRoot) return malformed('wrongRoot', { expected: expectedRoot, actual: name });
  // An echo that does not match is an answer to some other request (a proxy's cache, a mix-up).
  const echoed = attr(node, 'EchoToken');
  if (echoed !== echoToken) return malformed('echoToken', { sent: echoToken, received: echoed ?? '' });
  const errors = children(child(node, 'Errors'), 'Error');
  if (errors.length > 0) return { ok: false, failure: partnerFailure(partnerErrors(errors)) };
  // `<Errors/>` with nothing in it says "failed" without saying why: still not a success.
  if (!child(node, 'Success') || child(node, 'Errors')) return malformed('noOutcome', { root: name });
  return { ok: true, root: node, warnings: partnerErrors(children(child(node, 'Warnings'), 'Warning')) };
}
