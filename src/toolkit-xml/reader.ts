/**
 * Reading a parsed toolkit document element by element, recording what was read, so that what
 * was not read can be reported (XML_ELEMENT_UNMAPPED) with its path: nothing in the document
 * is dropped silently.
 */
import { RAM } from './namespaces.js';
import { xmlFinding, type XmlFinding } from './findings.js';
import type { XmlElement } from './safe-parse.js';

export class ElementReader {
  readonly findings: XmlFinding[] = [];
  private readonly read = new Set<XmlElement>();

  /** Marks an element as read (its value is mapped, or it only repeats a value that is). */
  use(el: XmlElement | undefined): XmlElement | undefined {
    if (el) this.read.add(el);
    return el;
  }

  /** Marks an element and everything in it as read: it describes the message, not a box of the form. */
  useTree(el: XmlElement | undefined): void {
    if (!el) return;
    this.read.add(el);
    el.children.forEach((c) => this.useTree(c));
  }

  /** Every child of that name in that namespace (RAM unless told), marked as read. */
  all(parent: XmlElement | undefined, name: string, ns: string = RAM): XmlElement[] {
    const found = (parent?.children ?? []).filter((c) => c.name === name && c.ns === ns);
    for (const el of found) this.read.add(el);
    return found;
  }

  /** The one child of that name; a second is reported as repeated and left unread. */
  one(parent: XmlElement | undefined, name: string, ns: string = RAM): XmlElement | undefined {
    const [first, ...more] = (parent?.children ?? []).filter((c) => c.name === name && c.ns === ns);
    if (first) this.read.add(first);
    for (const extra of more) this.findings.push(xmlFinding('XML_ELEMENT_REPEATED', extra.path));
    return first;
  }

  /** The text of a path of single children (`a/b/c`); undefined when absent or empty. */
  text(parent: XmlElement | undefined, path: string): string | undefined {
    let el = parent;
    for (const step of path.split('/')) el = this.one(el, step);
    return el && el.text !== '' ? el.text : undefined;
  }

  /** Like text, but an error when missing: the box needs it. */
  required(parent: XmlElement | undefined, path: string, base: string): string | undefined {
    const value = this.text(parent, path);
    if (value === undefined) this.findings.push(xmlFinding('XML_REQUIRED_MISSING', `${parent?.path ?? base}/${path}`));
    return value;
  }

  invalid(path: string, detail: string): void {
    this.findings.push(xmlFinding('XML_VALUE_INVALID', path, detail));
  }

  /** The element at a path, for a finding about its value. */
  pathOf(parent: XmlElement | undefined, path: string, base: string): string {
    let el = parent;
    for (const step of path.split('/')) el = el?.children.find((c) => c.name === step);
    return el?.path ?? `${parent?.path ?? base}/${path}`;
  }

  /** A day (YYYY-MM-DD) from a toolkit date-time, as written (its own offset): undefined and a finding when not a date. */
  day(parent: XmlElement | undefined, path: string, base: string): string | undefined {
    const value = this.text(parent, path);
    if (value === undefined) return undefined;
    const match = /^(\d{4}-\d{2}-\d{2})(T|$)/.exec(value);
    if (!match || Number.isNaN(Date.parse(match[1]!))) return void this.invalid(this.pathOf(parent, path, base), `"${value}" is not a date.`);
    return match[1];
  }

  /** A decimal quantity and its unitCode attribute. */
  quantity(parent: XmlElement | undefined, path: string, base: string): { value?: number; unit?: string; present?: boolean } {
    const value = this.text(parent, path);
    let el = parent;
    for (const step of path.split('/')) el = el?.children.find((c) => c.name === step && c.ns === RAM);
    const unit = el?.attrs.unitCode && el.attrs.unitCode !== '?' ? el.attrs.unitCode : undefined;
    if (value === undefined) return { ...(unit && { unit }) };
    if (!/^\d+(\.\d+)?$/.test(value)) {
      this.invalid(this.pathOf(parent, path, base), `"${value}" is not a quantity.`);
      return { present: true, ...(unit && { unit }) };
    }
    return { value: Number(value), present: true, ...(unit && { unit }) };
  }

  /** Findings for every element with a value that nothing read: its leaves, each with its path. */
  unread(root: XmlElement): XmlFinding[] {
    const out: XmlFinding[] = [];
    const walk = (el: XmlElement): void => {
      if (el.children.length === 0) {
        const attrs = Object.entries(el.attrs).filter(([, v]) => v !== '' && v !== '?');
        if (!this.read.has(el) && (el.text !== '' || attrs.length > 0)) out.push(xmlFinding('XML_ELEMENT_UNMAPPED', el.path, el.text ? `Its value: "${el.text.slice(0, 80)}".` : undefined));
        return;
      }
      el.children.forEach(walk);
    };
    walk(root);
    return out;
  }
}
