/**
 * The protocol's envelope, both ways: what every request's root must carry (namespace,
 * Version, TimeStamp, EchoToken, credentials, the content type) and how every answer is dressed
 * (the same envelope, echoing the EchoToken, then <Success/> with optional <Warnings>, or
 * <Errors>).
 */
import { isUtcInstant } from './dates';
import { errors, type OtaError, type OtaWarning } from './errors';
import type { Outcome } from './messages/common';
import type { AlmaProperty } from './state';
import { a, buildAnswer, OTA_NAMESPACE, TEXT_KEY, type Element, type XmlContent } from './xml';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function answer(rootName: string, timeStamp: string, echoToken: string | undefined, outcome: Outcome): string {
  return buildAnswer(rootName, { timeStamp, echoToken }, 'errors' in outcome ? errorsContent(outcome.errors) : successContent(outcome.content, outcome.warnings ?? []));
}

function errorsContent(list: OtaError[]): XmlContent {
  return { Errors: { Error: list.map((e) => ({ [a('Type')]: String(e.type), [a('Code')]: String(e.code), [a('ShortText')]: e.shortText, [TEXT_KEY]: e.text })) } };
}

function successContent(content: XmlContent, warnings: OtaWarning[]): XmlContent {
  const success: XmlContent = { Success: '' };
  if (warnings.length > 0) success.Warnings = { Warning: warnings.map((w) => ({ [a('Type')]: String(w.type), [a('ShortText')]: w.shortText, [TEXT_KEY]: w.text })) };
  return { ...success, ...content };
}

/** The root's namespace, Version, TimeStamp and EchoToken, as the protocol's Transport says. */
export function envelopeErrors(root: Element): { errors: OtaError[] } | null {
  const found: OtaError[] = [];
  const check = (attribute: string, ok: (value: string) => boolean, expected: string) => {
    const value = root.attr(attribute);
    if (value === undefined) found.push(errors.missing(`${root.name} has no ${attribute}`));
    else if (!ok(value)) found.push(errors.invalid(`${root.name} ${attribute}="${value}": expected ${expected}`));
  };
  check('xmlns', (v) => v === OTA_NAMESPACE, OTA_NAMESPACE);
  check('Version', (v) => v === '1.0', '1.0');
  check('TimeStamp', isUtcInstant, 'an ISO instant in UTC (2026-11-21T09:00:00Z)');
  check('EchoToken', (v) => UUID.test(v), 'a UUID');
  return found.length > 0 ? { errors: found } : null;
}

export function credentialErrors(root: Element, property: AlmaProperty): { errors: OtaError[] } | null {
  const requestor = root.at('POS', 'Source', 'RequestorID')!;
  if (requestor.attr('ID') === property.userName && requestor.attr('MessagePassword') === property.password) return null;
  return { errors: [errors.credentials('Wrong user name or password')] };
}

/** `application/xml`, with no charset or charset=utf-8. */
export function isXmlContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/xml') return false;
  return params.every((param) => !param.startsWith('charset=') || param.replace(/"/g, '') === 'charset=utf-8');
}
