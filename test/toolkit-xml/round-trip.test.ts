/**
 * Issue 10 §2: every example permit goes Saiga → toolkit XML (v2, and v1) → Saiga request and
 * comes back equal in boxes 1–15: the request (boxes 2–12b) equals the issued permit's, and box 1,
 * box 6, box 13 and (when endorsed) boxes 14–15 come back as the document's original.
 */
import { describe, expect, it } from 'vitest';
import { readToolkitPermit } from '../../src/toolkit-xml/read-permit.js';
import { permitToToolkitXml } from '../../src/toolkit-xml/write-permit.js';
import { requestOfPermit } from '../../src/toolkit-xml/import-permit.js';
import type { Permit } from '../../src/permit/model.js';
import { EXAMPLE_FILES, issuedPermitFrom } from '../permit/helpers.js';
import { endorsementOf, fullPermit } from './helpers.js';

function expectRoundTrip(permit: Permit, version: 1 | 2, endorsed?: number[]) {
  const endorsement = endorsed && endorsementOf(permit, endorsed);
  const reading = readToolkitPermit(permitToToolkitXml(permit, { version, ...(endorsement && { endorsement }) }));
  expect(reading.findings).toEqual([]);
  expect(reading.ok).toBe(true);
  expect(reading.version).toBe(version);
  expect(reading.request).toEqual(requestOfPermit(permit));
  expect(reading.original).toEqual({
    permitNumber: permit.permitNumber,
    managementAuthority: permit.managementAuthority,
    issued: permit.issued,
    blocks: permit.specimens.map((s) => s.block),
    ...(endorsement && {
      examination: {
        date: endorsement.date,
        port: endorsement.portOfExport,
        transportDocument: endorsement.transportDocument,
        officer: endorsement.officer,
        country: endorsement.country,
        blocks: endorsement.blocks,
      },
    }),
  });
}

describe('the round trip Saiga → toolkit XML → Saiga request', () => {
  it.each(EXAMPLE_FILES)('gives back %s in boxes 1–15 (version 2)', (file) => expectRoundTrip(issuedPermitFrom(file), 2));
  it.each(EXAMPLE_FILES)('gives back %s in boxes 1–15 (version 1)', (file) => expectRoundTrip(issuedPermitFrom(file), 1));
  it.each(EXAMPLE_FILES)('gives back %s with its export endorsement (boxes 14, 15)', (file) => {
    const permit = issuedPermitFrom(file);
    expectRoundTrip(permit, 2, permit.specimens.map((s) => Math.max(0, s.quantity - 1)));
  });
  it('gives back a permit with every optional box filled (5b, replacement, 11a, 12a, marks), endorsed, in both versions', () => {
    expectRoundTrip(fullPermit(), 2, [240, 0]);
    expectRoundTrip(fullPermit(), 1, [240, 0]);
  });
});
