/**
 * The verifier page's logic without a browser: the verdict mapping, the translations, the
 * code meanings, the permit laid out by box, and input parsing.
 */
import { describe, expect, it } from 'vitest';
import { QR_CODES, SHOWN_CODES, VERIFY_CODES } from '../../src/codes.js';
import { APPENDICES, PURPOSES, SOURCES, TERMS, UNITS } from '../../src/permit/tables/index.js';
import type { VerificationCheck, VerificationResult } from '../../src/verify/index.js';
import { codeName, countryName, translatedCodes } from '../../verifier-web/src/code-names.js';
import { codeMessage, fill, formatAge, formatDate, LANGS, pickLanguage, UI } from '../../verifier-web/src/i18n.js';
import { blockFacts, permitView } from '../../verifier-web/src/permit-view.js';
import { fillSegments, segmentsText } from '../../verifier-web/src/segments.js';
import { VERDICT_TEXT } from '../../verifier-web/src/verdict-texts.js';
import { CHECK_DETAIL_TEXT } from '../../verifier-web/src/check-details.js';
import { ICON, inputVerdict, TONE, VERDICTS, verdictForCode, verdictOf } from '../../verifier-web/src/verdict.js';
import { ISSUER, PERMIT } from '../verify/helpers.js';

const ok = (check: VerificationCheck['check']): VerificationCheck => ({ check, ok: true, code: 'OK', message: '' });
const fail = (check: VerificationCheck['check'], code: VerificationCheck['code']): VerificationCheck => ({ check, ok: false, code, message: (VERIFY_CODES as Record<string, string>)[code] ?? '' });
const SIGNED = [ok('format'), ok('algorithm'), ok('trust'), ok('issuer'), ok('signature')];
const result = (state: VerificationResult['state'], checks: VerificationCheck[], verified = checks.every((c) => c.ok)) => ({ state, checks, verified });

describe('verdict', () => {
  it('valid only when verified, state valid, and the status check passed', () => {
    expect(verdictOf(result('valid', [...SIGNED, ok('validity'), ok('permit'), ok('status'), ok('endorsement')]))).toEqual({ kind: 'valid' });
  });

  it('never valid when the status could not be checked, whatever the state and verified flag claim', () => {
    for (const code of ['STATUS_UNAVAILABLE', 'RECORD_UNAVAILABLE'] as const) {
      const checks = [...SIGNED, ok('validity'), ok('permit'), fail(code === 'STATUS_UNAVAILABLE' ? 'status' : 'endorsement', code)];
      for (const state of ['valid', 'unknown', undefined] as const) {
        for (const verified of [true, false]) {
          expect(verdictOf(result(state, checks, verified)).kind, `${code} ${state} ${verified}`).toBe('status-unchecked');
        }
      }
    }
    // No status check at all: not valid either.
    expect(verdictOf(result('valid', [...SIGNED, ok('validity')], true)).kind).not.toBe('valid');
  });

  it('maps the states first: revoked, suspended, expired, used', () => {
    expect(verdictOf(result('revoked', [...SIGNED, fail('status', 'REVOKED')]))).toEqual({ kind: 'revoked', code: 'REVOKED' });
    expect(verdictOf(result('suspended', [...SIGNED, fail('status', 'SUSPENDED')]))).toEqual({ kind: 'suspended', code: 'SUSPENDED' });
    expect(verdictOf(result('expired', [...SIGNED, fail('validity', 'EXPIRED'), ok('status')]))).toEqual({ kind: 'expired', code: 'EXPIRED' });
    // Revocation outranks expiry: the state says revoked.
    expect(verdictOf(result('revoked', [...SIGNED, fail('validity', 'EXPIRED'), fail('status', 'REVOKED')])).kind).toBe('revoked');
    expect(verdictOf(result('used', [...SIGNED, ok('status'), ok('endorsement')]))).toEqual({ kind: 'used' });
    // "used" reads as valid at import: a use with more exported than allowed is refused instead.
    expect(verdictOf(result('used', [...SIGNED, ok('status'), fail('endorsement', 'QUANTITY_EXCEEDED')]))).toEqual({ kind: 'invalid', code: 'QUANTITY_EXCEEDED' });
  });

  it('maps the first failing check before the signature held', () => {
    // Damaged text and a signature that does not match get one verdict (defect 11).
    expect(verdictOf(result(undefined, [fail('format', 'MALFORMED')]))).toEqual({ kind: 'damaged-or-altered', code: 'MALFORMED' });
    expect(verdictOf(result(undefined, [fail('format', 'NOT_A_PERMIT')])).kind).toBe('not-a-permit');
    expect(verdictOf(result(undefined, [ok('format'), ok('algorithm'), fail('trust', 'ISSUER_UNTRUSTED')])).kind).toBe('untrusted');
    expect(verdictOf(result(undefined, [ok('format'), ok('algorithm'), ok('trust'), ok('issuer'), fail('signature', 'SIGNATURE_INVALID')]))).toEqual({ kind: 'damaged-or-altered', code: 'SIGNATURE_INVALID' });
    expect(verdictOf(result(undefined, [ok('format'), fail('algorithm', 'ALG_NOT_ALLOWED')]))).toEqual({ kind: 'invalid', code: 'ALG_NOT_ALLOWED' });
    expect(verdictOf(result(undefined, [ok('format'), ok('algorithm'), ok('trust'), fail('issuer', 'ISSUER_UNRESOLVABLE')]))).toEqual({ kind: 'invalid', code: 'ISSUER_UNRESOLVABLE' });
  });

  it('an unknown state is decided by the first failing check', () => {
    expect(verdictOf(result('unknown', [...SIGNED, ok('validity'), fail('permit', 'PERMIT_INVALID'), ok('status')]))).toEqual({ kind: 'invalid', code: 'PERMIT_INVALID' });
    expect(verdictOf(result('unknown', [...SIGNED, fail('validity', 'NOT_YET_VALID'), ok('status')]))).toEqual({ kind: 'invalid', code: 'NOT_YET_VALID' });
    expect(verdictOf(result('unknown', [...SIGNED, ok('validity'), ok('status'), fail('endorsement', 'ENDORSEMENT_INVALID')])).kind).toBe('invalid');
    expect(verdictOf(result('unknown', [...SIGNED, ok('validity'), fail('status', 'STATUS_INVALID')])).kind).toBe('invalid');
  });

  it('every code maps to a verdict; a damaged code or a reference hash mismatch is "damaged or altered", never "not a permit"', () => {
    for (const code of [...Object.keys(VERIFY_CODES), ...Object.keys(QR_CODES)]) expect(VERDICTS).toContain(verdictForCode(code));
    expect(verdictForCode('QR_NOT_A_PERMIT')).toBe('not-a-permit');
    expect(verdictForCode('QR_TOO_LARGE')).toBe('not-a-permit');
    expect(verdictForCode('QR_EMPTY')).toBe('not-a-permit');
    expect(verdictForCode('QR_UNKNOWN_VERSION')).toBe('newer-format');
    expect(verdictForCode('QR_MALFORMED')).toBe('damaged-or-altered');
    expect(verdictForCode('QR_REFERENCE_MISMATCH')).toBe('damaged-or-altered');
    // A QR code this page does not know yet fails closed.
    expect(verdictForCode('QR_CHECKSUM')).toBe('damaged-or-altered');
    expect(inputVerdict('QR_NOT_A_PERMIT')).toEqual({ kind: 'not-a-permit', code: 'QR_NOT_A_PERMIT' });
    expect(inputVerdict('QR_MALFORMED')).toEqual({ kind: 'damaged-or-altered', code: 'QR_MALFORMED' });
    // A reference code naming an untrusted issuer, or whose agent cannot be reached.
    expect(inputVerdict('ISSUER_UNTRUSTED')).toEqual({ kind: 'untrusted', code: 'ISSUER_UNTRUSTED' });
    expect(inputVerdict('STATUS_UNAVAILABLE')).toEqual({ kind: 'status-unchecked', code: 'STATUS_UNAVAILABLE' });
  });

  it('"used" has its own tone and icon, apart from every refusal; damaged or altered has one tone and one icon', () => {
    const refusals = VERDICTS.filter((k) => k !== 'valid' && k !== 'used');
    expect(TONE.used).toBe('info');
    for (const kind of refusals) {
      expect(TONE[kind], kind).not.toBe('info');
      expect(ICON[kind], kind).not.toBe(ICON.used);
    }
    expect(TONE['damaged-or-altered']).toBe('bad');
    expect(ICON['damaged-or-altered']).toBe('✖');
  });
});

describe('translations', () => {
  it('every UI text exists and is non-empty in English, French and Spanish', () => {
    const walk = (value: unknown, path: string, lang: string): void => {
      if (typeof value === 'string') {
        // `invalid` has no fixed detail: its detail is the failing code's message.
        if (path !== '.verdicts.invalid.detail') expect(value.trim(), `${lang}${path}`).not.toBe('');
        return;
      }
      for (const [k, v] of Object.entries(value as object)) walk(v, `${path}.${k}`, lang);
    };
    const keys = (value: object): string[] => Object.entries(value).flatMap(([k, v]) => (typeof v === 'string' ? [k] : keys(v).map((s) => `${k}.${s}`)));
    for (const lang of LANGS) {
      walk(UI[lang], '', lang);
      expect(keys(UI[lang]).sort()).toEqual(keys(UI.en).sort());
    }
    for (const lang of LANGS) {
      walk(VERDICT_TEXT[lang], '', lang);
      expect(keys(VERDICT_TEXT[lang]).sort()).toEqual(keys(VERDICT_TEXT.en).sort());
      walk(CHECK_DETAIL_TEXT[lang], '', lang);
      expect(keys(CHECK_DETAIL_TEXT[lang]).sort()).toEqual(keys(CHECK_DETAIL_TEXT.en).sort());
    }
    expect(Object.keys(VERDICT_TEXT.en.verdicts).sort()).toEqual([...VERDICTS].sort());
    for (const kind of VERDICTS) {
      expect(VERDICT_TEXT.fr.verdicts[kind].title).not.toBe(VERDICT_TEXT.en.verdicts[kind].title);
      expect(VERDICT_TEXT.es.verdicts[kind].title).not.toBe(VERDICT_TEXT.en.verdicts[kind].title);
    }
  });

  it('the "used" headline says, in each language, that it is valid and expected at import, with the date and port', () => {
    const title = (lang: 'en' | 'fr' | 'es') => segmentsText(fillSegments(VERDICT_TEXT[lang].usedTitle, { date: formatDate('2026-03-01', lang), port: 'LKCMB' }));
    expect(title('en')).toBe('Valid — exported on March 1, 2026 at LKCMB; expected at import');
    expect(title('fr')).toBe('Valable — exporté le 1 mars 2026 à LKCMB\u00a0; attendu à l’importation');
    expect(title('es')).toBe('Válido — exportado el 1 de marzo de 2026 en LKCMB; esperado en la importación');
    // The values are separate segments, for the page to isolate.
    expect(fillSegments(VERDICT_TEXT.en.usedTitle, { date: 'D', port: '\u202eP' })).toEqual(['Valid — exported on ', { value: 'D' }, ' at ', { value: '\u202eP' }, '; expected at import']);
  });

  it('every code the page shows has its English message from src/codes.ts and a French and a Spanish one', () => {
    for (const code of Object.keys(SHOWN_CODES) as (keyof typeof SHOWN_CODES)[]) {
      expect(codeMessage('en', code)).toEqual({ text: SHOWN_CODES[code], translated: true });
      for (const lang of ['fr', 'es'] as const) {
        const m = codeMessage(lang, code);
        expect(m.translated, `${lang} ${code}`).toBe(true);
        expect(m.text).not.toBe(SHOWN_CODES[code]);
      }
    }
    // A code the page does not know (a newer core) is shown as it is, flagged as English.
    expect(codeMessage('fr', 'SOMETHING_NEW')).toEqual({ text: 'SOMETHING_NEW', translated: false });
    expect(codeMessage('es', 'QR_BAD_CHECKSUM')).toEqual({ text: 'QR_BAD_CHECKSUM', translated: false });
  });

  it('picks the language from the browser, by primary subtag, else the first offered', () => {
    expect(pickLanguage(['fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(['de-DE', 'es-419'])).toBe('es');
    expect(pickLanguage(['de'])).toBe('en');
    expect(pickLanguage(['en-GB'], ['fr', 'es'])).toBe('fr');
  });

  it('formats ages, dates and templates', () => {
    expect(formatAge(30_000, 'en')).toBe('less than a minute');
    expect(formatAge(5 * 60_000, 'en')).toBe('5 min');
    expect(formatAge(3 * 3_600_000 + 59 * 60_000, 'en')).toBe('3 h');
    expect(formatAge(3 * 86_400_000, 'fr')).toBe('3\u00a0j');
    expect(formatDate('2026-08-14', 'en')).toBe('August 14, 2026');
    expect(formatDate('2026-08-14', 'fr')).toBe('14 août 2026');
    expect(formatDate('2026-08-14', 'es')).toBe('14 de agosto de 2026');
    expect(fill(UI.en.trustFromCache, { age: '3 h', name: 'L', version: 2 })).toBe('Trust list from cache, 3 h old (“L”, version 2).');
  });
});

describe('code meanings', () => {
  it('every current purpose, appendix, source, term and unit has a French and a Spanish meaning', () => {
    const tables = { purpose: PURPOSES, appendix: APPENDICES, source: SOURCES, term: TERMS, unit: UNITS } as const;
    for (const [table, entries] of Object.entries(tables)) {
      const translated = translatedCodes(table as keyof typeof tables);
      const codes = entries.map((e) => e.code).sort();
      expect([...translated.fr].sort(), `${table} fr`).toEqual(codes);
      expect([...translated.es].sort(), `${table} es`).toEqual(codes);
    }
  });

  it('writes codes out in the chosen language, falling back to English, and countries by name', () => {
    expect(codeName('purpose', 'T', 'en')).toBe('Commercial');
    expect(codeName('purpose', 'Z', 'fr')).toBe('Parc zoologique');
    expect(codeName('term', 'LIV', 'es')).toBe('Vivo');
    expect(codeName('unit', 'BAG', 'fr')).toBe('bags');
    expect(codeName('term', 'XYZ', 'fr')).toBeUndefined();
    expect(countryName('CH', 'fr')).toBe('Suisse');
    expect(countryName('LK', 'es')).toBe('Sri Lanka');
    expect(countryName('ZZ', 'en')).toBe('ZZ');
  });
});

describe('the permit by box', () => {
  const blocks = [{ block: 'A', scientificName: 'Elephas maximus', permitted: { quantity: 40, unit: 'MLT' }, exported: { quantity: 25, unit: 'MLT' } }];
  const endorsement = { endorsedBy: 'did:key:z6Mk', authority: 'Sri Lanka Customs', date: '2026-03-01', portOfExport: 'LKCMB', transportDocument: '176-12345675', officer: 'K. Perera' };

  it('lays out boxes 1–13 with meanings and country names, blocks with permitted and exported quantities, and boxes 14–15', () => {
    const view = permitView({ permit: PERMIT, blocks, endorsement }, 'fr')!;
    const byBox = Object.fromEntries(view.rows.map((r) => [r.box, r]));
    expect(byBox['1']).toMatchObject({ label: 'Permis / certificat no', value: 'LK-2026-EX-000123', note: 'Permis d’exportation' });
    expect(byBox['2']!.value).toBe('14 août 2026');
    expect(byBox['3a']!.value).toBe('Suisse');
    expect(byBox['4']!.value).toContain('Sri Lanka');
    expect(byBox['5a']).toMatchObject({ value: 'S', note: 'Fins scientifiques' });
    expect(byBox['6']).toMatchObject({ value: 'Department of Wildlife Conservation, Sri Lanka', note: ISSUER.didKey });
    expect(byBox['13']!.value).toBe('Battaramulla, 15 février 2026, A. PERERA');
    const [a] = view.blocks;
    expect(a).toMatchObject({ block: 'A', title: 'Bloc A', permitted: '40 MLT (millilitre)', exported: '25 MLT' });
    expect(a!.rows.map((r) => [r.box, r.value, r.note])).toEqual([
      ['7', 'Elephas maximus', undefined],
      ['8', 'Asian elephant', undefined],
      ['9', 'Blood samples in EDTA tubes', undefined],
      ['9', 'SPE', 'Spécimen (scientifique)'],
      ['10', 'I', APPENDIX_I_FR],
      ['10', 'W', 'Spécimens prélevés dans la nature'],
    ]);
    expect(view.endorsement.map((r) => r.box)).toEqual(['14', '14', '15']);
    expect(view.endorsement[0]!.value).toBe('1 mars 2026, LKCMB');
  });

  it('exported: a quantity, null when not endorsed, undefined when unknown; the "used" lines give exported of permitted', () => {
    const notEndorsed = [{ ...blocks[0]!, exported: null }];
    expect(permitView({ permit: PERMIT, blocks: notEndorsed }, 'en')!.blocks[0]!.exported).toBeNull();
    // The record could not be read, or an endorsement on it is not genuine: whether it was used is unknown, never "not endorsed".
    expect(permitView({ permit: PERMIT }, 'en')!.blocks[0]!.exported).toBeUndefined();
    expect(permitView({ permit: PERMIT, blocks: notEndorsed, checks: [fail('endorsement', 'ENDORSEMENT_INVALID')] }, 'en')!.blocks[0]!.exported).toBeUndefined();
  });

  it('the verdict lists, per block, the species and the permitted and exported quantity with unit (defect 12)', () => {
    const lines = (b: Parameters<typeof blockFacts>[0], lang: 'en' | 'fr' | 'es') => blockFacts(b, lang).map(segmentsText);
    expect(lines({ permit: PERMIT, blocks }, 'en')).toEqual(['Block A — Elephas maximus: permitted 40 MLT, exported 25 MLT']);
    expect(lines({ permit: PERMIT, blocks: [{ ...blocks[0]!, permitted: { quantity: 1200, unit: 'NAR' }, exported: null }] }, 'es')).toEqual(['Bloque A — Elephas maximus: autorizado 1200 NAR; aún no exportado']);
    expect(lines({ permit: PERMIT, blocks }, 'fr')).toEqual(['Bloc A — Elephas maximus\u00a0: autorisé 40 MLT, exporté 25 MLT']);
    // Without the record, what the permit allows.
    expect(lines({ permit: PERMIT }, 'en')).toEqual(['Block A — Elephas maximus: permitted 40 MLT']);
    // The species and quantities are value segments.
    expect(blockFacts({ permit: PERMIT, blocks }, 'en')[0]!.filter((s) => typeof s !== 'string')).toEqual([{ value: 'A' }, { value: 'Elephas maximus' }, { value: '40 MLT' }, { value: '25 MLT' }]);
  });

  it('a box holding several values keeps them as separate parts, to be isolated one by one', () => {
    const permit = { ...PERMIT, importer: { name: 'Evil \u202eImporter', address: 'Rue 1, Genève', country: 'CH' } };
    const row3 = permitView({ permit }, 'en')!.rows.find((r) => r.box === '3')!;
    expect(row3).toMatchObject({ value: 'Evil \u202eImporter, Rue 1, Genève', parts: ['Evil \u202eImporter', 'Rue 1, Genève'] });
  });

  it('no permit, no view (the signature did not verify)', () => {
    expect(permitView({}, 'en')).toBeUndefined();
  });
});
const APPENDIX_I_FR = codeName('appendix', 'I', 'fr');
