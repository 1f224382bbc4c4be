/**
 * Reading and writing the OTA documents. Requests are checked for well-formedness, then parsed
 * with every element as an array (so "appears twice" is visible, not silently collapsed) and
 * wrapped in a small element type; answers are built with XMLBuilder, never by pasting strings,
 * so every attribute and text is escaped.
 */
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

export const OTA_NAMESPACE = 'http://www.opentravel.org/OTA/2003/05';

const ATTR = '@_';
const TEXT = '#text';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  textNodeName: TEXT,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  textNodeName: TEXT,
  suppressEmptyNode: true,
  format: true,
});

/** One element of a request: its attributes, its text and its child elements by name. */
export class Element {
  constructor(
    readonly name: string,
    private readonly raw: unknown,
  ) {}

  attr(name: string): string | undefined {
    if (typeof this.raw !== 'object' || this.raw === null) return undefined;
    const value = (this.raw as Record<string, unknown>)[ATTR + name];
    return typeof value === 'string' ? value : undefined;
  }

  get text(): string {
    if (typeof this.raw === 'string') return this.raw;
    if (typeof this.raw === 'object' && this.raw !== null) {
      const text = (this.raw as Record<string, unknown>)[TEXT];
      return typeof text === 'string' ? text : '';
    }
    return '';
  }

  /** Every child element called `name`, in document order. */
  all(name: string): Element[] {
    if (typeof this.raw !== 'object' || this.raw === null) return [];
    const children = (this.raw as Record<string, unknown>)[name];
    return Array.isArray(children) ? children.map((child) => new Element(name, child)) : [];
  }

  /** Follows a path of child names, each expected once; undefined as soon as one is absent. */
  at(...names: string[]): Element | undefined {
    const [first, ...rest] = names;
    if (first === undefined) return this;
    return this.all(first)[0]?.at(...rest);
  }
}

export type ParsedRequest = { ok: true; root: Element } | { ok: false; reason: string };

/** The request's root element, or why the body is not one XML document. */
export function parseRequest(body: string): ParsedRequest {
  const valid = XMLValidator.validate(body);
  if (valid !== true) return { ok: false, reason: `Malformed XML: ${valid.err.msg} (line ${valid.err.line})` };
  const document = parser.parse(body) as Record<string, unknown[]>;
  const roots = Object.keys(document);
  if (roots.length !== 1) return { ok: false, reason: 'The document must have exactly one root element' };
  const name = roots[0]!;
  const nodes = document[name]!;
  if (nodes.length !== 1) return { ok: false, reason: 'The document must have exactly one root element' };
  return { ok: true, root: new Element(name, nodes[0]) };
}

/**
 * A JSON shape for XMLBuilder: attributes are `@_Name`, text is `#text`, '' is an empty
 * element (`<Success/>`), arrays repeat an element.
 */
export type XmlContent = { [key: string]: string | number | XmlContent | XmlContent[] | string[] };

/** One answer document: the root with the protocol's envelope attributes, then `content`. */
export function buildAnswer(rootName: string, envelope: { timeStamp: string; echoToken?: string }, content: XmlContent): string {
  const root: XmlContent = {
    [`${ATTR}xmlns`]: OTA_NAMESPACE,
    [`${ATTR}Version`]: '1.0',
    [`${ATTR}TimeStamp`]: envelope.timeStamp,
    ...(envelope.echoToken !== undefined ? { [`${ATTR}EchoToken`]: envelope.echoToken } : {}),
    ...content,
  };
  return builder.build({ '?xml': { [`${ATTR}version`]: '1.0', [`${ATTR}encoding`]: 'UTF-8' }, [rootName]: root }) as string;
}

/** Attribute key for {@link XmlContent}. */
export function a(name: string): string {
  return ATTR + name;
}

export const TEXT_KEY = TEXT;
