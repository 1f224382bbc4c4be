/**
 * The tests' own reading of OpenTravel documents: a plain fast-xml-parser set up here, not the
 * connector's (main/channels/alma/ota/xml.ts), so a mistake in that one cannot hide itself.
 * Every element is a list of objects; attributes (under `$`) keep their names and stay strings.
 */
import { XMLParser } from 'fast-xml-parser';

export type OtaElement = { [name: string]: OtaElement[] | string };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '$',
  parseAttributeValue: false,
  parseTagValue: false,
  alwaysCreateTextNode: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

export function readDocument(xml: string): { root: string; element: OtaElement } {
  const document = parser.parse(xml, true) as Record<string, OtaElement[]>;
  const roots = Object.keys(document).filter((name) => name !== '?xml');
  if (roots.length !== 1) throw new Error(`expected one root, got ${roots.join(', ')}`);
  const root = roots[0]!;
  return { root, element: document[root]![0]! };
}

/** Every element at the end of a slash path ('A/B/C'), in document order. */
export function all(element: OtaElement, path: string): OtaElement[] {
  let current = [element];
  for (const name of path.split('/')) {
    current = current.flatMap((node) => {
      const value = node[name];
      return Array.isArray(value) ? value : [];
    });
  }
  return current;
}

export function one(element: OtaElement, path: string): OtaElement {
  const found = all(element, path);
  if (found.length !== 1) throw new Error(`expected one ${path}, found ${found.length}`);
  return found[0]!;
}

/** An element's attributes as a plain record (empty when it has none). */
export function attrs(element: OtaElement): Record<string, string> {
  const group = element.$ as unknown;
  return (group && typeof group === 'object' ? group : {}) as Record<string, string>;
}

export function textOf(element: OtaElement): string {
  return typeof element['#text'] === 'string' ? element['#text'] : '';
}
