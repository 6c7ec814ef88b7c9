/**
 * The import confirmation request against the permit that reached the importing authority:
 * a golden request, then one mutated request (or context) per defect, each with its exact
 * codes and JSON pointers. The Swiss re-export of watch straps to Japan (A: 250 NAR, B: 120
 * NAR), confirmed by the Japanese authority; the export endorsement received says A 250, B 100.
 */
import { describe, expect, it } from 'vitest';
import { validateConfirmationRequest, type ConfirmationContext } from '../../src/import-confirmation/validate.js';
import { issuedPermitFrom } from '../permit/helpers.js';

const NOW = new Date('2026-06-12T12:00:00Z');

function context(overrides: Partial<ConfirmationContext> = {}): ConfirmationContext {
  return {
    permit: issuedPermitFrom('re-export-ch-watch-straps.json', { issuedAt: '2026-05-04T09:30:00Z', validUntil: '2026-11-04' }),
    status: 'valid',
    endorsement: { blocks: [{ block: 'A', quantity: 250, unit: 'NAR' }, { block: 'B', quantity: 100, unit: 'NAR' }] },
    confirmed: false,
    authorityCountry: 'JP',
    now: NOW,
    ...overrides,
  };
}

/** A valid request: blocks out of order, B's unit given, less of B than exported. */
function request(): any {
  return {
    issuer: 'did:web:cites.example.ch',
    permitNumber: '26CH000123',
    blocks: [{ block: 'B', quantity: 98, unit: 'NAR' }, { block: 'A', quantity: 250 }],
    portOfImport: 'JPTYO',
    date: '2026-06-11',
  };
}

const pairs = (r: ReturnType<typeof validateConfirmationRequest>) => (r.ok ? [] : r.errors.map((e) => [e.code, e.path]));

describe('validateConfirmationRequest', () => {
  it('accepts the golden request: every block in the permit order, with its unit, nothing flagged', () => {
    expect(validateConfirmationRequest(request(), context())).toEqual({
      ok: true,
      blocks: [{ block: 'A', quantity: 250, unit: 'NAR' }, { block: 'B', quantity: 98, unit: 'NAR' }],
      exceedsPermitted: false,
      warnings: [],
    });
  });

  const CASES: { name: string; mutate?: (r: any) => void; ctx?: Partial<ConfirmationContext>; errors: [string, string][] }[] = [
    { name: 'refuses a second confirmation (Art. VI(5))', ctx: { confirmed: true }, errors: [['IMPORT_ALREADY_CONFIRMED', '']] },
    { name: 'refuses a permit its issuer notified as revoked', ctx: { status: 'revoked' }, errors: [['IMPORTED_PERMIT_REVOKED', '']] },
    { name: 'refuses a permit its issuer notified as suspended', ctx: { status: 'suspended' }, errors: [['IMPORTED_PERMIT_SUSPENDED', '']] },
    { name: 'refuses more than was exported', mutate: (r) => (r.blocks[0].quantity = 101), errors: [['IMPORT_QUANTITY_ABOVE_EXPORTED', '/blocks/0/quantity']] },
    { name: 'refuses a block the permit lacks', mutate: (r) => r.blocks.push({ block: 'C', quantity: 1 }), errors: [['UNKNOWN_BLOCK', '/blocks/2/block']] },
    { name: 'refuses a block given twice', mutate: (r) => r.blocks.push({ block: 'A', quantity: 0 }), errors: [['DUPLICATE_BLOCK', '/blocks/2/block']] },
    { name: 'refuses a missing block', mutate: (r) => r.blocks.pop(), errors: [['BLOCK_MISSING', '/blocks']] },
    { name: 'refuses another unit than the permit', mutate: (r) => (r.blocks[0].unit = 'KGM'), errors: [['UNIT_MISMATCH', '/blocks/0/unit']] },
    { name: 'refuses a confirmation of nothing', mutate: (r) => r.blocks.forEach((b: any) => (b.quantity = 0)), errors: [['IMPORT_NOTHING_IMPORTED', '/blocks']] },
    { name: 'refuses a port outside this country', mutate: (r) => (r.portOfImport = 'CHZRH'), errors: [['IMPORT_PORT_NOT_DOMESTIC', '/portOfImport']] },
    { name: 'refuses a date in the future', mutate: (r) => (r.date = '2026-06-13'), errors: [['DATE_IN_FUTURE', '/date']] },
    { name: 'refuses a date before the permit was issued', mutate: (r) => (r.date = '2026-05-03'), errors: [['DATE_BEFORE_ISSUE', '/date']] },
    { name: 'refuses a port that is not a UN/LOCODE, writing nothing of it', mutate: (r) => (r.portOfImport = 'Tokyo'), errors: [['FIELD_INVALID', '/portOfImport']] },
    { name: 'refuses a date that is not a calendar date', mutate: (r) => (r.date = '2026-02-30'), errors: [['FIELD_INVALID', '/date']] },
    { name: 'refuses a negative quantity', mutate: (r) => (r.blocks[1].quantity = -1), errors: [['FIELD_INVALID', '/blocks/1/quantity']] },
    { name: 'refuses a missing port', mutate: (r) => delete r.portOfImport, errors: [['FIELD_REQUIRED', '/portOfImport']] },
    { name: 'refuses an unknown field', mutate: (r) => (r.transportDocument = 'x'), errors: [['FIELD_UNKNOWN', '/transportDocument']] },
  ];

  it.each(CASES)('$name', ({ mutate, ctx, errors }) => {
    const body = request();
    mutate?.(body);
    expect(pairs(validateConfirmationRequest(body, context(ctx)))).toEqual(errors);
  });

  it('with no export endorsement, accepts more than permitted but flags it, with a warning that names the block', () => {
    const body = request();
    body.blocks[0].quantity = 121;
    const r = validateConfirmationRequest(body, context({ endorsement: null }));
    expect(r).toMatchObject({ ok: true, exceedsPermitted: true, blocks: [{ block: 'A', quantity: 250, unit: 'NAR' }, { block: 'B', quantity: 121, unit: 'NAR' }] });
    expect(r.ok && r.warnings).toEqual([
      {
        code: 'IMPORT_QUANTITY_ABOVE_PERMITTED',
        path: '/blocks/0/quantity',
        message:
          'More arrived than the permit allows for this block, and no export endorsement was received to compare with: the import is recorded and flagged as exceeding the permit. Block B: 121 NAR imported, 120 NAR permitted.',
      },
    ]);
  });

  it('with an export endorsement, holds the import against what left, not the permit', () => {
    const body = request();
    body.blocks[0].quantity = 110;
    const r = validateConfirmationRequest(body, context());
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      'More is declared as imported than the customs of the exporting country endorsed as exported for this block. Block B: 110 NAR imported, 100 NAR exported.',
    ]);
  });

  it('never throws on input that is not an object', () => {
    expect(pairs(validateConfirmationRequest('nonsense', context()))).toEqual([['FIELD_INVALID', '']]);
  });
});
