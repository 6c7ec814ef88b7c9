/** Shared test helpers for the toolkit XML: issued example permits, a full-boxes permit, an endorsement, and element lookups by path. */
import { readFileSync } from 'node:fs';
import type { Permit } from '../../src/permit/model.js';
import type { Endorsement } from '../../src/vocab/endorsement.js';
import { parseXmlSafely, type XmlElement } from '../../src/toolkit-xml/safe-parse.js';
import { issuedPermitFrom } from '../permit/helpers.js';

export const FIXTURES = new URL('./fixtures/', import.meta.url);
export const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/**
 * A permit that fills every box the examples leave empty: box 1 "other" aside, a security stamp
 * (5b), a quota (11a), a last re-export (12a), a replacement (box 5), an explicit box 2.
 */
export function fullPermit(): Permit {
  const permit = issuedPermitFrom('re-export-ch-watch-straps.json');
  permit.securityStampNumber = 'CH-0042117';
  permit.replaces = { permitNumber: 'CH26-R000007', reason: 'lost' };
  permit.specimens[0]!.quota = { exportedToDate: 1200, annual: 5000, unit: 'NAR' };
  permit.specimens[0]!.marks = 'Tags US-AM 0001 to 0250';
  permit.specimens[1]!.lastReExport = { country: 'FR', certificateNumber: 'FR2601234-R', date: '2026-02-10' };
  permit.specimens[1]!.quota = { exportedToDate: 10, annual: 100 };
  return permit;
}

export function endorsementOf(permit: Permit, quantities: number[]): Endorsement {
  return {
    permit: { id: 'urn:uuid:5f0c3a4e-2b1d-4c7a-9e8f-0a1b2c3d4e5f', permitNumber: permit.permitNumber, issuer: permit.managementAuthority.did },
    blocks: permit.specimens.map((s, i) => ({ block: s.block, quantity: quantities[i] ?? 0, unit: s.unit })),
    portOfExport: 'CHGVA',
    date: '2026-12-03',
    transportDocument: '057-12345675',
    officer: 'Karin Perrin',
    country: permit.managementAuthority.country,
  };
}

/** The root of a document this project wrote (it must parse). */
export function rootOf(xml: string): XmlElement {
  const parsed = parseXmlSafely(xml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.findings));
  return parsed.root;
}

/** Every element at an XPath-like path of local names (`HeaderExchangedDocument/ID`), below the root. */
export function at(root: XmlElement, path: string): XmlElement[] {
  let level = [root];
  for (const step of path.split('/')) level = level.flatMap((el) => el.children.filter((c) => c.name === step));
  return level;
}

/** The one text at a path (fails the test's expectation when there are none or several). */
export function textAt(root: XmlElement, path: string): string | undefined {
  const found = at(root, path);
  return found.length === 1 ? found[0]!.text : found.length === 0 ? undefined : `(${found.length} elements)`;
}
