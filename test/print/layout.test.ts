/**
 * The print's pieces without an agent: label sets, WinAnsi-safe text, the QR size rule,
 * and text that stays inside its box however long it is (checked on word boxes from
 * `pdftotext -bbox`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_LABELS, PRINT_LANGUAGES, qrGeometry, QrTooLargeError, QR_MIN_MODULE_MM, QR_MODULE_SIZES_MM, renderPermitPdf } from '../../src/print/index.js';
import { blockCells, LAYOUT, PAGE, type Rect } from '../../src/print/layout.js';
import { pdfSafe } from '../../src/print/text-fit.js';
import { crowdedPermit, endorsementOf } from './fixtures.js';
import { pdfPages, pdfText, writeTemp } from './helpers.js';

describe('label sets', () => {
  it('every language has every label, none empty', () => {
    const keys = Object.keys(FORM_LABELS.en).sort();
    for (const language of PRINT_LANGUAGES) {
      const labels = FORM_LABELS[language];
      expect(Object.keys(labels).sort(), language).toEqual(keys);
      for (const [key, value] of Object.entries(labels)) {
        if (typeof value === 'string') expect(value.trim(), `${language}.${key}`).not.toBe('');
      }
      expect(Object.values(labels.documentTypes).every((v) => v.length > 0)).toBe(true);
      expect(labels.footnotes).toHaveLength(3);
      // Everything on the form prints with the standard fonts as written.
      const strings = Object.values(labels).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v : typeof v === 'object' ? Object.values(v) : []));
      for (const s of strings) expect(pdfSafe(s as string)).toBe(s);
    }
  });

  it('uses the standard wording for the French and Spanish boxes', () => {
    const { fr, es } = FORM_LABELS;
    expect([fr.permitNo, fr.validUntil, fr.importer, fr.exporter, fr.specialConditions, fr.purpose, fr.securityStampNo, fr.managementAuthority]).toEqual([
      'PERMIS / CERTIFICAT No',
      'Valable jusqu’au',
      'Importateur (nom et adresse)',
      'Exportateur / réexportateur (nom, adresse et pays)',
      'Conditions particulières',
      'But de la transaction',
      'Timbre de sécurité no',
      'Organe de gestion (nom, adresse et pays)',
    ]);
    expect(Object.values(fr.documentTypes).join(' / ')).toBe('EXPORTATION / RÉEXPORTATION / IMPORTATION / AUTRE');
    expect([es.permitNo, es.validUntil, es.importer, es.exporter, es.specialConditions, es.purpose, es.securityStampNo, es.managementAuthority]).toEqual([
      'PERMISO / CERTIFICADO No.',
      'Válido hasta el',
      'Importador (nombre y dirección)',
      'Exportador / reexportador (nombre, dirección y país)',
      'Condiciones especiales',
      'Propósito de la transacción',
      'Estampilla de seguridad No.',
      'Autoridad Administrativa (nombre, dirección y país)',
    ]);
    expect(Object.values(es.documentTypes).join(' / ')).toBe('EXPORTACIÓN / REEXPORTACIÓN / IMPORTACIÓN / OTRO');
  });
});

describe('pdfSafe', () => {
  it('keeps WinAnsi (French and Spanish accents, €, dashes), strips other accents, replaces the rest', () => {
    expect(pdfSafe('Réexportation – Año € «œuvre»')).toBe('Réexportation – Año € «œuvre»');
    expect(pdfSafe('Ōsaka Łódź Đồng Nai')).toBe('Osaka Lódz Dong Nai');
    expect(pdfSafe('大阪\tA\r\nB')).toBe('?? A\nB');
  });
});

describe('QR size', () => {
  it('uses modules of 0.762 mm while the square stays within 60 mm, then 0.508 mm up to 66 mm, and refuses beyond', () => {
    expect(QR_MODULE_SIZES_MM).toEqual([0.762, 0.508].map((m) => expect.closeTo(m, 9)));
    let refused = 0;
    for (let length = 20; length <= 1700; length += 20) {
      const text = 'A'.repeat(length);
      let geometry;
      try {
        geometry = qrGeometry(text);
      } catch (error) {
        expect(error).toBeInstanceOf(QrTooLargeError);
        expect((error as QrTooLargeError).requiredMm).toBeGreaterThan(66);
        refused++;
        continue;
      }
      const total = geometry.modules + 8;
      expect(geometry.modules).toBe(17 + 4 * geometry.version);
      expect(geometry.moduleMm).toBeGreaterThanOrEqual(QR_MIN_MODULE_MM);
      expect(geometry.sizeMm).toBeCloseTo(total * geometry.moduleMm, 9);
      expect(geometry.sizeMm).toBeLessThanOrEqual(66);
      if (geometry.moduleMm > 0.6) expect(geometry.sizeMm).toBeLessThanOrEqual(60);
      else expect(total * 0.762).toBeGreaterThan(60);
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('fits version 26 (65.5 mm) and refuses version 27 (67.6 mm) and text beyond version 40', () => {
    const v26 = qrGeometry('A'.repeat(1500));
    expect([v26.version, v26.moduleMm]).toEqual([26, expect.closeTo(0.508, 9)]);
    expect(v26.sizeMm).toBeCloseTo(65.532, 6);
    expect(() => qrGeometry('A'.repeat(1600))).toThrow(/version 27.*67\.6 mm/);
    expect(() => qrGeometry('x'.repeat(3000))).toThrow(QrTooLargeError);
  });
});

interface Word {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function wordsOnPage(pdfPath: string, page: number): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdfPath, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x0: Number(m[1]),
    y0: Number(m[2]),
    x1: Number(m[3]),
    y1: Number(m[4]),
    text: m[5]!,
  }));
}

const inside = (w: Word, r: Rect, tolerance = 0.6) =>
  w.x0 >= r.x - tolerance && w.x1 <= r.x + r.w + tolerance && w.y0 >= r.y - tolerance && w.y1 <= r.y + r.h + tolerance;

describe('text stays inside its box', () => {
  let tmp: string;
  let pdf: string;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'saiga-print-layout-'));
    const permit = crowdedPermit();
    const buffer = await renderPermitPdf({ permit, qrText: 'HTTPS://CITES.DWC.GOV.LK/R/42C6ECA4', language: 'fr', issuerDid: permit.managementAuthority.did, endorsement: endorsementOf(permit) });
    pdf = writeTemp(tmp, 'crowded.pdf', buffer);
  });
  afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  it('wraps, shrinks or cuts long names, addresses, conditions and descriptions, on two pages', () => {
    expect(pdfPages(pdf)).toBe(2);
    const words = wordsOnPage(pdf, 1);
    const cases: [RegExp, Rect][] = [
      [/^Impaddr/, LAYOUT.box3],
      [/^Cond/, LAYOUT.box5],
      [/^Maaddr/, LAYOUT.box6],
      [/^(Desc|Mark)\d/, blockCells(1).description],
      [/^(Sci|Common)\d/, blockCells(2).names],
    ];
    for (const [pattern, rect] of cases) {
      const found = words.filter((w) => pattern.test(w.text));
      expect(found.length, String(pattern)).toBeGreaterThan(3);
      for (const w of found) expect(inside(w, rect), `${w.text} at ${w.x0},${w.y0}–${w.x1},${w.y1}`).toBe(true);
    }
    for (const w of words) expect(inside(w, { x: 0, y: 0, w: PAGE.width, h: PAGE.height }, 0), w.text).toBe(true);
  });

  it('puts the required notes of box 5 before the free text, and unknown codes print as they are', () => {
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Remplace le permis / certificat no LK26-E000099 (endommagé).');
    expect(text).toContain('Osaka branch (??)');
    expect(text).toContain('AUTRE : Travelling-exhibition certificate');
    expect(text).toContain('Q – Cirque ou exposition itinérante');
    expect(text).toContain('Date d’acquisition : 1969-05-01');
    expect(text).toContain('Terme : XXX');
    expect(text).toContain('Source Z');
    expect(text).toContain('Feuille annexe 1 sur 1');
  });
});
