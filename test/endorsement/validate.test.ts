import { describe, expect, it } from 'vitest';
import { exportedQuantities, validateEndorsementRequest, validateEndorsementSubject } from '../../src/endorsement/validate.js';
import type { Endorsement } from '../../src/endorsement/model.js';
import { context, pairs, permit, request } from './fixtures.js';
import { BOUNDARY_CASES, REQUEST_CASES } from './request-cases.js';

describe('validateEndorsementRequest', () => {
  it('accepts the valid request and returns every block in the permit order, with its unit', () => {
    const r = validateEndorsementRequest(request(), context());
    expect(r).toEqual({
      ok: true,
      errors: [],
      blocks: [
        { block: 'A', quantity: 250, unit: 'NAR' },
        { block: 'B', quantity: 100, unit: 'NAR' },
      ],
    });
  });

  it.each(BOUNDARY_CASES)('accepts $name', ({ mutate, ctx }) => {
    const body = request();
    mutate(body);
    const r = validateEndorsementRequest(body, ctx ? ctx() : context());
    expect(r.errors).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it.each(REQUEST_CASES)('$name', (c) => {
    const body = request();
    c.mutate(body);
    const r = validateEndorsementRequest('input' in c ? c.input : body, c.ctx ? c.ctx() : context());
    expect(pairs(r.errors)).toEqual(c.errors);
    expect(r.ok).toBe(false);
    expect('blocks' in r).toBe(false);
  });

  it('names the value and the limit in its messages', () => {
    const body = request();
    body.blocks[1].quantity = 300;
    body.blocks[0].unit = 'KGM';
    body.portOfExport = 'LKCMB';
    body.date = '2026-05-03';
    body.blocks.push({ block: 'D', quantity: 1 });
    const r = validateEndorsementRequest(body, context());
    const byCode = Object.fromEntries(r.errors.map((e) => [e.code, e.message]));
    expect(byCode['QUANTITY_EXCEEDED']).toBe(
      'The exported quantity is more than the permit allows for this block. Block A: 300 NAR exported, the permit allows 250 NAR.',
    );
    expect(byCode['UNIT_MISMATCH']).toContain("Block B: KGM given, the permit's unit is NAR.");
    expect(byCode['PORT_NOT_DOMESTIC']).toContain('Port LKCMB is in LK; this authority endorses exports from CH only.');
    expect(byCode['DATE_BEFORE_ISSUE']).toContain('Export date 2026-05-03 is before the permit was issued, on 2026-05-04.');
    expect(byCode['UNKNOWN_BLOCK']).toContain('Block D is not on permit 26CH000123, which has blocks A, B.');
  });

  it('names the missing blocks, the bad value and the state in its messages', () => {
    const missing = validateEndorsementRequest({ ...request(), blocks: [] }, context());
    expect(missing.errors[0]!.message).toContain('Blocks A, B are not given.');

    const nan = request();
    nan.blocks[0].quantity = Number.NaN;
    expect(validateEndorsementRequest(nan, context()).errors[0]!.message).toContain('Block B quantity must be a number, found NaN.');

    const port = { ...request(), portOfExport: 'CH-GVA' };
    expect(validateEndorsementRequest(port, context()).errors[0]!.message).toContain('found "CH-GVA"');

    const expired = validateEndorsementRequest(request(), context({ now: new Date('2026-11-05T00:00:00Z') }));
    expect(expired.errors[0]!.message).toBe('The permit has expired. Permit 26CH000123 was valid until 2026-11-04 (end of day, UTC); today is 2026-11-05.');
  });

  it('never throws, whatever the input', () => {
    const cyclic: any = { ...request() };
    cyclic.self = cyclic;
    for (const input of [undefined, 42, 'text', [], { blocks: [null, 7, 'A'] }, cyclic, { blocks: [{ block: 'A', quantity: 1n }] }]) {
      const r = validateEndorsementRequest(input, context());
      expect(r.ok).toBe(false);
      expect(r.errors.length).toBeGreaterThan(0);
    }
  });

  it('does not change the request or the permit', () => {
    const body = request();
    const ctx = context();
    const before = JSON.stringify([body, ctx.permit]);
    validateEndorsementRequest(body, ctx);
    expect(JSON.stringify([body, ctx.permit])).toBe(before);
  });
});

describe('validateEndorsementSubject', () => {
  const subject = (): Endorsement => ({
    permit: { id: 'urn:uuid:8f2d3c1e-5b6a-4c7d-9e8f-0a1b2c3d4e5f', permitNumber: '26CH000123', issuer: 'did:web:cites.ch.example' },
    blocks: [
      { block: 'A', quantity: 250, unit: 'NAR' },
      { block: 'B', quantity: 0, unit: 'NAR' },
    ],
    portOfExport: 'CHGVA',
    date: '2026-06-09',
    transportDocument: '057-12345675',
    officer: 'Anna Keller',
    country: 'CH',
  });

  it('accepts a well-formed subject', () => {
    expect(validateEndorsementSubject(subject())).toEqual({ ok: true, errors: [] });
  });

  it('reports every schema error of a bad subject', () => {
    const bad: any = subject();
    delete bad.officer;
    delete bad.blocks[1].unit;
    bad.permit.issuer = 'cites.ch.example';
    bad.country = 'XX';
    bad.signature = 'x';
    const r = validateEndorsementSubject(bad);
    expect(r.ok).toBe(false);
    expect(pairs(r.errors)).toEqual([
      ['FIELD_REQUIRED', '/officer'],
      ['FIELD_UNKNOWN', '/signature'],
      ['FIELD_INVALID', '/permit/issuer'],
      ['FIELD_REQUIRED', '/blocks/1/unit'],
      ['FIELD_INVALID', '/country'],
    ]);
  });

  it('needs at least one block, and an object', () => {
    expect(pairs(validateEndorsementSubject({ ...subject(), blocks: [] }).errors)).toEqual([['FIELD_REQUIRED', '/blocks']]);
    expect(pairs(validateEndorsementSubject('eyJ...').errors)).toEqual([['FIELD_INVALID', '']]);
  });
});

describe('exportedQuantities', () => {
  it('a partial shipment: A fully, B not shipped', () => {
    const blocks = [
      { block: 'A', quantity: 250, unit: 'NAR' },
      { block: 'B', quantity: 0, unit: 'NAR' },
    ];
    expect(exportedQuantities(permit(), { blocks })).toEqual([
      { block: 'A', permitted: { quantity: 250, unit: 'NAR' }, exported: { quantity: 250, unit: 'NAR' }, exceeded: false, unitMismatch: false },
      { block: 'B', permitted: { quantity: 120, unit: 'NAR' }, exported: { quantity: 0, unit: 'NAR' }, exceeded: false, unitMismatch: false },
    ]);
  });

  it('an over-quantity, a block not named', () => {
    expect(exportedQuantities(permit(), { blocks: [{ block: 'A', quantity: 251, unit: 'NAR' }] })).toEqual([
      { block: 'A', permitted: { quantity: 250, unit: 'NAR' }, exported: { quantity: 251, unit: 'NAR' }, exceeded: true, unitMismatch: false },
      { block: 'B', permitted: { quantity: 120, unit: 'NAR' }, exported: null, exceeded: false, unitMismatch: false },
    ]);
  });

  it('another unit is a mismatch, not a comparison', () => {
    const [a] = exportedQuantities(permit(), { blocks: [{ block: 'A', quantity: 3, unit: 'KGM' }] });
    expect(a).toMatchObject({ exported: { quantity: 3, unit: 'KGM' }, exceeded: false, unitMismatch: true });
  });

  it('a block named twice counts with the sum of its entries', () => {
    const blocks = [
      { block: 'B', quantity: 70, unit: 'NAR' },
      { block: 'B', quantity: 70, unit: 'NAR' },
    ];
    expect(exportedQuantities(permit(), { blocks })[1]).toMatchObject({ exported: { quantity: 140, unit: 'NAR' }, exceeded: true });
  });

  it('ignores blocks the permit does not have', () => {
    const q = exportedQuantities(permit(), { blocks: [{ block: 'Z', quantity: 9, unit: 'NAR' }] });
    expect(q.map((b) => b.exported)).toEqual([null, null]);
  });
});
