/**
 * Reads an XML document safely, with fast-xml-parser, into a tree of namespaced elements.
 *
 * XML bombs and external entities (OWASP XML External Entity Prevention): a DOCTYPE is refused
 * before anything is parsed (no DTD, no entity declaration, no external subset), so no entity
 * can be expanded or fetched; the parser's own entity processing is off, and only the five
 * predefined entities and character references are decoded, as XML 1.0 §4.6 defines them. The
 * size is capped (MAX_XML_BYTES) before parsing and the nesting depth (MAX_XML_DEPTH) after.
 * Namespace prefixes are resolved here against the xmlns declarations in scope (Namespaces in
 * XML 1.0 §6), so a document may use any prefixes.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_XML_BYTES, MAX_XML_DEPTH } from './namespaces.js';
import { xmlFinding, type XmlFinding } from './findings.js';

export interface XmlElement {
  /** Namespace URI; '' when the element is in no namespace. */
  ns: string;
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlElement[];
  /** XPath-like, from the document's root: local names, [n] where a name repeats among siblings. */
  path: string;
}

export type ParseOutcome = { ok: true; root: XmlElement } | { ok: false; findings: XmlFinding[] };

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };
const REFERENCE = /&([^;&\s]*);?/g;

/** Character data with its references decoded; undefined when it names an entity XML does not predefine (it would need a DTD). */
function decode(raw: string): string | undefined {
  let bad = false;
  const out = raw.replace(REFERENCE, (whole, name: string) => {
    if (!whole.endsWith(';')) return ((bad = true), whole);
    if (name in PREDEFINED) return PREDEFINED[name]!;
    const hex = /^#x([0-9a-fA-F]{1,6})$/.exec(name);
    const dec = /^#([0-9]{1,7})$/.exec(name);
    const point = hex ? parseInt(hex[1]!, 16) : dec ? parseInt(dec[1]!, 10) : NaN;
    if (Number.isNaN(point) || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff) || point === 0) return ((bad = true), whole);
    return String.fromCodePoint(point);
  });
  return bad ? undefined : out;
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // CDATA is character data as it stands (XML 1.0 §2.7): kept apart, so no reference in it is decoded.
  cdataPropName: '#cdata',
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

class Refusal extends Error {
  constructor(readonly finding: XmlFinding) {
    super(finding.message);
  }
}

function toElement(node: Ordered, scope: Map<string, string>, path: string, depth: number): XmlElement {
  if (depth > MAX_XML_DEPTH) throw new Refusal(xmlFinding('XML_TOO_DEEP', path, `More than ${MAX_XML_DEPTH} levels.`));
  const qname = Object.keys(node).find((k) => k !== ':@')!;
  const rawAttrs = node[':@'] ?? {};
  const inner = new Map(scope);
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttrs)) {
    const decoded = decode(String(value));
    if (decoded === undefined) throw new Refusal(xmlFinding('XML_MALFORMED', `${path}/@${key}`, 'An entity reference that XML does not define.'));
    if (key === 'xmlns') inner.set('', decoded);
    else if (key.startsWith('xmlns:')) inner.set(key.slice(6), decoded);
    else attrs[key.includes(':') ? key.slice(key.indexOf(':') + 1) : key] = decoded;
  }
  const [prefix, local] = qname.includes(':') ? [qname.slice(0, qname.indexOf(':')), qname.slice(qname.indexOf(':') + 1)] : ['', qname];
  const ns = inner.get(prefix);
  if (ns === undefined && prefix !== '') throw new Refusal(xmlFinding('XML_MALFORMED', path, `The prefix "${prefix}" is not declared.`));
  const items = (node[qname] as Ordered[]) ?? [];
  let text = '';
  const elements: Ordered[] = [];
  for (const child of items) {
    if ('#text' in child) {
      const decoded = decode(String(child['#text']));
      if (decoded === undefined) throw new Refusal(xmlFinding('XML_MALFORMED', path, 'An entity reference that XML does not define.'));
      text += decoded;
    } else if ('#cdata' in child) text += (child['#cdata'] as { '#text'?: unknown }[]).map((c) => String(c['#text'] ?? '')).join('');
    else if (!Object.keys(child).some((k) => k.startsWith('?') || k === '#comment')) elements.push(child);
  }
  const names = elements.map((c) => Object.keys(c).find((k) => k !== ':@')!.replace(/^[^:]*:/, ''));
  const seen = new Map<string, number>();
  const children = elements.map((child, i) => {
    const name = names[i]!;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    const repeated = names.filter((x) => x === name).length > 1;
    return toElement(child, inner, `${path}/${name}${repeated ? `[${n}]` : ''}`, depth + 1);
  });
  return { ns: ns ?? '', name: local, attrs, text, children, path };
}

/** Parses `input` (bytes or text) or refuses it with one finding: too large, a DOCTYPE, not well-formed, too deep. */
export function parseXmlSafely(input: string | Uint8Array): ParseOutcome {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (bytes > MAX_XML_BYTES) return { ok: false, findings: [xmlFinding('XML_TOO_LARGE', '/', `It has ${bytes} bytes.`)] };
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  // Refused before any parser sees it: wherever it stands (prolog, comment, CDATA), a DOCTYPE or an entity declaration is never needed by a permit.
  const dtd = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (dtd) {
    const before = text.slice(0, dtd.index).split('\n');
    return { ok: false, findings: [xmlFinding('XML_DOCTYPE_REFUSED', '/', undefined, { line: before.length, column: before.at(-1)!.length + 1 })] };
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return { ok: false, findings: [xmlFinding('XML_MALFORMED', '/', `${valid.err.msg}`, { line: valid.err.line, column: valid.err.col })] };
  }
  try {
    const top = (parser.parse(text) as Ordered[]).filter((n) => !Object.keys(n).some((k) => k.startsWith('?') || k === '#comment' || k === '#text'));
    if (top.length !== 1) return { ok: false, findings: [xmlFinding('XML_MALFORMED', '/', 'A document has exactly one root element.')] };
    const qname = Object.keys(top[0]!).find((k) => k !== ':@')!;
    return { ok: true, root: toElement(top[0]!, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]), `/${qname.replace(/^[^:]*:/, '')}`, 1) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, findings: [error.finding] };
    // A parser stack overflow on nesting beyond any limit is a refusal too, never a crash.
    if (error instanceof RangeError) return { ok: false, findings: [xmlFinding('XML_TOO_DEEP', '/')] };
    return { ok: false, findings: [xmlFinding('XML_MALFORMED', '/', (error as Error).message)] };
  }
}
