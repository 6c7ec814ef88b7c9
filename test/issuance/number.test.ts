import { describe, expect, it } from 'vitest';
import { formatPermitNumber, numberScope, parseNumberFormat } from '../../src/issuance/number.js';
import { blockLetter } from '../../src/permit/findings.js';

const ctx = { country: 'LK', documentType: 'export' as const, issuedAt: new Date('2026-11-29T10:00:00Z') };

describe('permit numbers (box 1)', () => {
  it('fills the default format', () => {
    const format = parseNumberFormat('{CC}{YY}-{T}{SEQ:6}');
    expect(formatPermitNumber(format, ctx, 42)).toBe('LK26-E000042');
    expect(formatPermitNumber(format, { ...ctx, documentType: 're-export' }, 1)).toBe('LK26-R000001');
    expect(numberScope(format, ctx)).toBe('LK26-E#');
  });

  it('counts per year and type: the scope is the number without its sequence', () => {
    const format = parseNumberFormat('{YYYY}{CC}{SEQ:5}');
    expect(numberScope(format, ctx)).toBe('2026LK#');
    expect(numberScope(format, { ...ctx, issuedAt: new Date('2027-01-01T00:00:00Z') })).toBe('2027LK#');
    expect(formatPermitNumber(format, ctx, 7)).toBe('2026LK00007');
  });

  it('refuses formats that would not give unique, safe numbers', () => {
    expect(() => parseNumberFormat('{CC}{YY}')).toThrow('needs {SEQ:n} exactly once');
    expect(() => parseNumberFormat('{SEQ:4}{SEQ:4}')).toThrow('exactly once');
    expect(() => parseNumberFormat('{CC}/{SEQ:6}')).toThrow('only letters, digits');
    expect(() => parseNumberFormat('{SEQ:0}')).toThrow('width from 1 to 12');
    expect(() => parseNumberFormat('ABCDEFGHIJKLMNOPQRSTUVWXYZ-{YYYY}{SEQ:9}')).toThrow('exceed 35 characters');
  });

  it('refuses a sequence that no longer fits its width', () => {
    expect(() => formatPermitNumber(parseNumberFormat('{SEQ:2}'), ctx, 100)).toThrow('exhausted');
  });

  it('letters blocks A, B, … Z, AA', () => {
    expect([0, 1, 3, 25, 26, 27].map(blockLetter)).toEqual(['A', 'B', 'D', 'Z', 'AA', 'AB']);
  });
});
