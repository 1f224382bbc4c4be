/**
 * fast-xml-parser set up once for OpenTravel, both ways.
 *
 * Writing: documents are built as objects and serialised by XMLBuilder, which escapes every
 * attribute and text (a password with `<&"'` cannot break out of its attribute).
 *
 * Reading, defensively (the answer comes from the network):
 * - any `<!` other than a comment or CDATA (a DOCTYPE, an ENTITY declaration) is refused before
 *   parsing: internal entities are the "billion laughs", external ones read local files;
 * - entities: the five of XML and numeric character references only, decoded by our own small
 *   decoder; any other `&name;` is an error, as in any conforming XML parser;
 * - the document must be well formed (XMLValidator), else fast-xml-parser would guess;
 * - every element becomes an array of nodes and every node an object (`alwaysCreateTextNode`),
 *   so one reservation and fifty read the same way; attributes stay strings ("007" stays "007");
 * - namespace prefixes are dropped (`ota:OTA_PingRS` is `OTA_PingRS`).
 */
import { XMLBuilder, XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser';

/** A parsed element: `@_Name` attributes (strings), `#text` its text, other keys its children. */
export interface XmlNode {
  [name: string]: XmlNode[] | string | undefined;
}

export const ATTR = '@_';
const TEXT = '#text';

/** Raised for any document we refuse to read; `key` is the alma.errors.* reason, `detail` for diagnosis. */
export class XmlRefused extends Error {
  constructor(
    readonly key: 'doctype' | 'brokenXml' | 'entity',
    readonly detail: string = '',
  ) {
    super(`${key}${detail ? `: ${detail}` : ''}`);
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(?:#(\d+)|#x([0-9a-fA-F]+)|([A-Za-z_][\w.-]*));/g;

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Stateless, so one instance serves every parse. */
const xmlEntities: EntityDecoderOptions = {
  setExternalEntities: () => {},
  // Only reachable through a DOCTYPE, which is refused earlier: belt and braces.
  addInputEntities: (entities) => {
    if (Object.keys(entities).length > 0) throw new XmlRefused('doctype');
  },
  reset: () => {},
  setXmlVersion: () => {},
  decode: (text) =>
    text.includes('&')
      ? text.replace(REFERENCE, (_match, decimal?: string, hex?: string, name?: string) => {
          if (name !== undefined) {
            const value = NAMED[name];
            if (value === undefined) throw new XmlRefused('entity', `&${name};`);
            return value;
          }
          const code = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
          if (!isXmlChar(code)) throw new XmlRefused('entity', `&#${decimal ?? `x${hex}`};`);
          return String.fromCodePoint(code);
        })
      : text,
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  parseAttributeValue: false,
  parseTagValue: false,
  alwaysCreateTextNode: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: true,
  htmlEntities: false,
  entityDecoder: xmlEntities,
});

/** Markup declarations (`<!DOCTYPE`, `<!ENTITY`, `<!ELEMENT`…): anything after `<!` but a comment or CDATA. */
const DECLARATION = /<!(?!--|\[CDATA\[)/;

/** The document's one root element, with its (prefix-free) name. Throws XmlRefused. */
export function parseXml(text: string): { name: string; node: XmlNode } {
  if (DECLARATION.test(text)) throw new XmlRefused('doctype');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlRefused('brokenXml', `${valid.err.msg} (${valid.err.line}:${valid.err.col})`);
  let document: XmlNode;
  try {
    document = parser.parse(text) as XmlNode;
  } catch (error) {
    if (error instanceof XmlRefused) throw error;
    throw new XmlRefused('brokenXml', error instanceof Error ? error.message : String(error));
  }
  const roots = Object.entries(document).filter(([name]) => name !== TEXT);
  const [name, nodes] = roots[0] ?? [];
  if (roots.length !== 1 || name === undefined || !Array.isArray(nodes) || nodes.length !== 1 || !nodes[0]) {
    throw new XmlRefused('brokenXml', 'not exactly one root element');
  }
  return { name, node: nodes[0] };
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** The first node down a path of element names (`path(root, 'A', 'B')` is root/A/B). */
export function path(node: XmlNode | undefined, ...names: string[]): XmlNode | undefined {
  let current = node;
  for (const name of names) current = child(current, name);
  return current;
}

/** An attribute's value exactly as sent (entities decoded, surrounding spaces trimmed); undefined when absent. */
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`${ATTR}${name}`];
  return typeof value === 'string' ? value : undefined;
}

/** The element's own text (trimmed); '' when it has none. */
export function text(node: XmlNode | undefined): string {
  const value = node?.[TEXT];
  return typeof value === 'string' ? value : '';
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: ATTR, suppressEmptyNode: true });

/** Serialises `{ Root: { '@_Attr': 'v', Child: {...} } }` as one XML document with its declaration. */
export function buildXml(document: Record<string, unknown>): string {
  return builder.build({ '?xml': { [`${ATTR}version`]: '1.0', [`${ATTR}encoding`]: 'UTF-8' }, ...document }) as string;
}

/** A parsed element written back as XML (one element, no declaration): for the raw text kept for diagnosis. */
export function nodeToXml(name: string, node: XmlNode): string {
  return builder.build({ [name]: node }) as string;
}
