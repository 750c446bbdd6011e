import { SaxesParser } from 'saxes';

/** A parsed XML element: enough of a DOM to read GraphML back in tests. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/**
 * Parses XML with saxes, a strict XML 1.0 + namespaces parser: any
 * well-formedness error throws (an unescaped "&", a control character, a
 * mismatched tag, an unbound prefix).
 */
export function parseXmlStrict(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attr] of Object.entries(tag.attributes))
      attributes[name] = typeof attr === 'string' ? attr : attr.value;
    const element: XmlElement = { name: tag.local ?? tag.name, attributes, children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error(`expected one root element, got ${root.children.length}`);
  return root.children[0];
}

/** Every element below (and including) `element` with this local name, in document order. */
export function elementsNamed(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = element.name === name ? [element] : [];
  for (const child of element.children) out.push(...elementsNamed(child, name));
  return out;
}

/** A GraphML node or edge's <data> values by the attr.name of their keys. */
export function graphmlData(element: XmlElement, keyNames: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const data of element.children.filter((c) => c.name === 'data'))
    out[keyNames.get(data.attributes.key) ?? data.attributes.key] = data.text;
  return out;
}
