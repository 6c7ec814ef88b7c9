/**
 * The mirror comparison of one shipment (src/report/mirror.ts), each kind of discrepancy from
 * one record with one defect; and the CSV field rule (RFC 4180 §2) the report files use.
 */
import { describe, expect, it } from 'vitest';
import { compareShipment } from '../../src/report/mirror.js';
import { csvField } from '../../src/report/sinks.js';

const side = (date: string, blocks: [string, number, string][]) => ({ date, blocks: blocks.map(([block, quantity, unit]) => ({ block, quantity, unit })) });
const record = (exported: unknown, imported: unknown) => ({ permitNumber: 'LK26-E000001', permit: {}, exported, imported });
const codes = (r: ReturnType<typeof record>) => compareShipment(r).map((d) => [d.code, d.block]);

describe('compareShipment', () => {
  const exported = side('2026-05-02', [['A', 10, 'NAR'], ['B', 2, 'KGM']]);

  it('finds nothing when both sides agree (a block named twice counts with its sum)', () => {
    expect(codes(record(exported, side('2026-05-04', [['A', 4, 'NAR'], ['A', 6, 'NAR'], ['B', 2, 'KGM']])))).toEqual([]);
  });

  it.each([
    ['a quantity difference', side('2026-05-04', [['A', 9, 'NAR'], ['B', 2, 'KGM']]), [['REPORT_MIRROR_QUANTITY_DIFFERS', 'A']]],
    ['a unit mismatch', side('2026-05-04', [['A', 10, 'NAR'], ['B', 2000, 'GRM']]), [['REPORT_MIRROR_UNIT_MISMATCH', 'B']]],
    ['a block one side lacks', side('2026-05-04', [['A', 10, 'NAR']]), [['REPORT_MIRROR_BLOCK_MISSING', 'B']]],
    ['another calendar year', side('2027-01-03', [['A', 10, 'NAR'], ['B', 2, 'KGM']]), [['REPORT_MIRROR_YEAR_DIFFERS', '']]],
  ] as const)('%s', (_name, imported, expected) => {
    expect(codes(record(exported, imported))).toEqual(expected);
  });

  it('a block missing on one side with 0 on the other is no discrepancy (both list every block)', () => {
    expect(codes(record(side('2026-05-02', [['A', 10, 'NAR'], ['B', 0, 'KGM']]), side('2026-05-04', [['A', 10, 'NAR']])))).toEqual([]);
  });

  it('names the side that has no record', () => {
    expect(codes(record(null, exported))).toEqual([['REPORT_MIRROR_EXPORT_MISSING', '']]);
    expect(codes(record(exported, null))).toEqual([['REPORT_MIRROR_IMPORT_MISSING', '']]);
  });
});

describe('csvField', () => {
  it('quotes a field with a comma, quote or line break, doubling its quotes; leaves the rest', () => {
    expect([csvField('Vanda, blue'), csvField('12" pot'), csvField('a\nb'), csvField('LK26-E000001'), csvField(1150)]).toEqual(['"Vanda, blue"', '"12"" pot"', '"a\nb"', 'LK26-E000001', '1150']);
  });
});
