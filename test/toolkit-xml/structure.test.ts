/**
 * docs/toolkit-xml.md §4: with no toolkit XSD the project can ship, what the writer produces is
 * checked against the documented element structure (src/toolkit-xml/structure.ts): every element
 * is a documented path, in its namespace (rsm for the root's children, ram below), its children
 * in the documented order; and docs/toolkit-xml.md lists every documented path.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CBF_SHIP_V1, CITES_EPERMIT_V2, RAM } from '../../src/toolkit-xml/namespaces.js';
import type { XmlElement } from '../../src/toolkit-xml/safe-parse.js';
import { STRUCTURE, structureOf } from '../../src/toolkit-xml/structure.js';
import { permitToToolkitXml } from '../../src/toolkit-xml/write-permit.js';
import { EXAMPLE_FILES, issuedPermitFrom } from '../permit/helpers.js';
import { endorsementOf, fullPermit, rootOf } from './helpers.js';

function structureFindings(root: XmlElement, version: 1 | 2): string[] {
  const documented = structureOf(version);
  const rsm = version === 2 ? CITES_EPERMIT_V2 : CBF_SHIP_V1;
  const out: string[] = [];
  const walk = (el: XmlElement, path: string) => {
    let last = -1;
    for (const child of el.children) {
      const childPath = path ? `${path}/${child.name}` : child.name;
      const index = documented.indexOf(childPath);
      if (index < 0) out.push(`undocumented ${childPath}`);
      if (child.ns !== (path ? RAM : rsm)) out.push(`namespace of ${childPath}: ${child.ns}`);
      if (index >= 0 && index < last) out.push(`order: ${childPath}`);
      last = Math.max(last, index);
      walk(child, childPath);
    }
  };
  walk(root, '');
  return out;
}

describe('the documented element structure', () => {
  const documents = [
    ...EXAMPLE_FILES.map((f) => [f, issuedPermitFrom(f), undefined] as const),
    ['every optional box, endorsed', fullPermit(), [240, 0]] as const,
  ];
  for (const version of [2, 1] as const) {
    it.each(documents)(`holds the version ${version} document of %s`, (_name, permit, endorsed) => {
      const xml = permitToToolkitXml(permit, { version, ...(endorsed && { endorsement: endorsementOf(permit, [...endorsed]) }) });
      const root = rootOf(xml);
      expect([root.ns, root.name]).toEqual(version === 2 ? [CITES_EPERMIT_V2, 'CITESEPermit'] : [CBF_SHIP_V1, 'CBFShip']);
      expect(structureFindings(root, version)).toEqual([]);
    });
  }

  it('is listed path by path in docs/toolkit-xml.md', () => {
    const doc = readFileSync(new URL('../../docs/toolkit-xml.md', import.meta.url), 'utf8');
    const missing = STRUCTURE.map((e) => e.path.split('/').at(-1)!).filter((leaf) => !doc.includes(leaf));
    expect(missing).toEqual([]);
  });
});
