import { describe, it, expect } from 'vitest';
import {
  defaultValidUntil,
  isWithinValidity,
  maxValidUntil,
  recogniseArticleVIICertificate,
  validityMonths,
} from '../../src/permit/validity.js';

const at = (iso: string) => new Date(iso);

describe('maxValidUntil', () => {
  it('gives export and re-export documents 6 months (Art. VI(2))', () => {
    expect(maxValidUntil('export', undefined, at('2026-11-29T10:00:00Z'))).toBe('2027-05-29');
    expect(maxValidUntil('re-export', undefined, at('2026-11-29T10:00:00Z'))).toBe('2027-05-29');
  });

  it('gives import permits 12 months', () => {
    expect(maxValidUntil('import', undefined, at('2026-11-29T10:00:00Z'))).toBe('2027-11-29');
  });

  it('clamps the day to the end of a shorter month', () => {
    expect(maxValidUntil('export', undefined, at('2026-08-31T12:00:00Z'))).toBe('2027-02-28');
    expect(maxValidUntil('export', undefined, at('2027-08-31T12:00:00Z'))).toBe('2028-02-29');
    expect(maxValidUntil('export', undefined, at('2026-12-31T12:00:00Z'))).toBe('2027-06-30');
    expect(maxValidUntil('import', undefined, at('2028-02-29T12:00:00Z'))).toBe('2029-02-28');
  });

  it('counts in UTC', () => {
    // 23:30 in New York on 29 November is already 30 November in UTC.
    expect(maxValidUntil('export', undefined, at('2026-11-29T23:30:00-05:00'))).toBe('2027-05-30');
    expect(maxValidUntil('export', undefined, at('2026-11-30T00:30:00+02:00'))).toBe('2027-05-29');
  });

  it('gives a pre-Convention certificate 3 years', () => {
    expect(maxValidUntil('other', 'Pre-Convention certificate', at('2026-11-29T10:00:00Z'))).toBe('2029-11-29');
    expect(maxValidUntil('other', 'pre-convention certificate', at('2028-02-29T10:00:00Z'))).toBe('2031-02-28');
  });

  it('gives other documents 12 months unless they are a recognised Article VII certificate', () => {
    expect(maxValidUntil('other', 'Certificate of origin', at('2026-11-29T10:00:00Z'))).toBe('2027-11-29');
    expect(maxValidUntil('other', undefined, at('2026-11-29T10:00:00Z'))).toBe('2027-11-29');
  });

  it('defaults to the maximum', () => {
    expect(defaultValidUntil('export', undefined, at('2026-11-29T10:00:00Z'))).toBe('2027-05-29');
    expect(defaultValidUntil('other', 'Musical instrument certificate', at('2026-11-29T10:00:00Z'))).toBe('2029-11-29');
  });
});

describe('Article VII certificates', () => {
  it.each([
    ['Pre-Convention certificate', 'pre-convention'],
    ['Captive-breeding certificate', 'captive-breeding-or-artificial-propagation'],
    ['Certificate of artificial propagation', 'captive-breeding-or-artificial-propagation'],
    ['Travelling-exhibition certificate', 'travelling-exhibition'],
    ['Traveling exhibition certificate', 'travelling-exhibition'],
    ['Certificate of personal ownership', 'personal-ownership'],
    ['Musical instrument certificate', 'musical-instrument'],
  ])('recognises %s', (name, kind) => {
    expect(recogniseArticleVIICertificate(name)).toBe(kind);
    expect(validityMonths('other', name)).toBe(36);
  });

  it('does not recognise other names', () => {
    expect(recogniseArticleVIICertificate('Introduction from the sea certificate')).toBeUndefined();
    expect(validityMonths('other', 'Introduction from the sea certificate')).toBe(12);
  });
});

describe('isWithinValidity', () => {
  it('is valid through the end of the valid-until day, UTC', () => {
    expect(isWithinValidity('2027-05-29', at('2027-05-29T23:59:59Z'))).toBe(true);
    expect(isWithinValidity('2027-05-29', at('2027-05-30T00:00:00Z'))).toBe(false);
  });
});
