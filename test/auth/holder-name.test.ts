import { describe, expect, it } from 'vitest';
import { checkHolderName } from '../../src/auth/token-input.js';

describe("a token holder's name (printed in box 13 and recorded as the actor)", () => {
  it('is trimmed and normalised to NFC', () => {
    expect(checkHolderName('  Rene\u0301 Favre ', 'officer')).toEqual({ ok: true, name: 'Ren\u00e9 Favre' });
  });

  it('keeps the joiners that names in Persian and Indic scripts need', () => {
    expect(checkHolderName('\u0645\u06cc\u200c\u0631\u0627', 'officer')).toEqual({ ok: true, name: '\u0645\u06cc\u200c\u0631\u0627' });
  });

  it.each([
    ['a right-to-left override', 'Kamal \u202ePerera', 'U+202E'],
    ['a zero-width space', 'Kamal\u200bPerera', 'U+200B'],
    ['a byte-order mark inside', 'Kamal\ufeffPerera', 'U+FEFF'],
    ['a NUL', 'Kamal\u0000Perera', 'U+0000'],
    ['a private-use character', 'Kamal Perera\ue000', 'U+E000'],
  ])('refuses %s', (_name, raw, hex) => {
    expect(checkHolderName(raw, 'officer')).toEqual({
      ok: false,
      issue: { path: '/name', message: `The name must not hold control, invisible or direction characters or line breaks (it holds ${hex}).` },
    });
  });
});
