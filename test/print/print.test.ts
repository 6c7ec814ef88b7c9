/**
 * The printed permit, end to end: permits issued by real agents, rendered to PDF, read
 * back with poppler-utils; the QR is decoded from the rendered page with jsQR and the
 * permit it carries verified by the agent.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endorsement } from '../../src/endorsement/model.js';
import type { Permit, PermitRequest, Specimen } from '../../src/permit/model.js';
import { qrGeometry, QrTooLargeError, QR_MIN_MODULE_MM, renderPermitPdf } from '../../src/print/index.js';
import {
  compactQrText,
  createAgent,
  decodeQrPng,
  jwtFromQrText,
  OUTPUT_DIR,
  pdfPages,
  pdfPageText,
  pdfText,
  readExample,
  recordUrlOf,
  renderPng,
  VERIFY_LINK,
  writeTemp,
  type TestAgent,
} from './helpers.js';

const DPI = 200;
const MM_PER_INCH = 25.4;

let lk: TestAgent;
let ch: TestAgent;
let tmp: string;
let orchids: { permit: Permit; jwt: string; qrText: string; pdf: string };

/** Collapses whitespace, so labels that wrap inside their box still match. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

async function issue(agent: TestAgent, request: PermitRequest) {
  const outcome = await agent.saiga.issuer.issue(request, { signatory: 'Nimal Perera' });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.record;
}

async function render(name: string, input: Omit<Parameters<typeof renderPermitPdf>[0], 'issuerDid'> & { issuerDid?: string }) {
  const pdf = await renderPermitPdf({ issuerDid: input.permit.managementAuthority.did, ...input });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  return writeTemp(tmp, `${name}.pdf`, pdf);
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'saiga-print-out-'));
  lk = await createAgent({
    country: 'LK',
    name: 'Department of Wildlife Conservation',
    address: '811A Jayanthipura Main Road, Battaramulla',
    place: 'Battaramulla',
    url: 'https://cites.dwc.gov.lk',
  });
  ch = await createAgent({
    country: 'CH',
    name: 'Federal Food Safety and Veterinary Office (FSVO), CITES Management Authority',
    address: 'Schwarzenburgstrasse 155, 3003 Bern',
    place: 'Bern',
    url: 'https://cites.blv.admin.ch',
  });
  const record = await issue(lk, readExample('export-lk-orchids.json'));
  const qrText = compactQrText(record.jwt);
  const pdf = await render('orchids-en', { permit: record.permit, qrText, language: 'en', issuerDid: lk.saiga.identity.did });
  orchids = { permit: record.permit, jwt: record.jwt, qrText, pdf };
});

afterAll(async () => {
  await lk?.close();
  await ch?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the QR code of the printed orchid permit', () => {
  it('decodes from the page rendered at 200 dpi to exactly the QR text, and the permit it carries verifies', async () => {
    const png = renderPng(orchids.pdf, 1, DPI);
    mkdirSync(OUTPUT_DIR, { recursive: true });
    copyFileSync(png, join(OUTPUT_DIR, 'permit-en.png'));
    const decoded = decodeQrPng(png);
    expect(decoded, 'jsQR found no QR code on the page').toBeDefined();
    expect(decoded!.text).toBe(orchids.qrText);
    const jwt = jwtFromQrText(decoded!.text);
    expect(jwt).toBe(orchids.jwt);
    const result = await lk.saiga.verifier.verify(jwt);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.verified).toBe(true);
    expect(result.permit?.permitNumber).toBe(orchids.permit.permitNumber);
  });

  it('prints modules of at least 0.5 mm with a 4-module quiet zone, in a square of at most 66 mm', () => {
    const geometry = qrGeometry(orchids.qrText);
    expect(geometry.modules).toBe(17 + 4 * geometry.version);
    expect(geometry.moduleMm).toBeGreaterThanOrEqual(QR_MIN_MODULE_MM);
    expect(geometry.sizeMm).toBeCloseTo(geometry.moduleMm * (geometry.modules + 8), 6);
    expect(geometry.sizeMm).toBeLessThanOrEqual(66);

    const decoded = decodeQrPng(renderPng(orchids.pdf, 1, DPI))!;
    expect(decoded.version).toBe(geometry.version);
    const moduleMm = ((decoded.widthPx / geometry.modules) * MM_PER_INCH) / DPI;
    // The corners jsQR reports are found to about a pixel (0.13 mm over the whole symbol).
    expect(moduleMm).toBeGreaterThanOrEqual(QR_MIN_MODULE_MM * 0.98);
    expect(Math.abs(moduleMm - geometry.moduleMm) / geometry.moduleMm).toBeLessThan(0.02);
  });

  it('refuses a QR text that needs more than the page has room for (the JWT itself behind a link)', async () => {
    const input = { permit: orchids.permit, qrText: `${VERIFY_LINK}${orchids.jwt}`, language: 'en' as const, issuerDid: orchids.permit.managementAuthority.did };
    await expect(renderPermitPdf(input)).rejects.toBeInstanceOf(QrTooLargeError);
    expect(() => qrGeometry('X'.repeat(2000) + 'x'.repeat(400))).toThrow(QrTooLargeError);
  });
});

describe('the form', () => {
  it('prints boxes 1 to 15 in English with the codes written out', () => {
    const text = flat(pdfText(orchids.pdf));
    const { permit } = orchids;
    for (const expected of [
      'CONVENTION ON INTERNATIONAL TRADE IN ENDANGERED SPECIES OF WILD FAUNA AND FLORA',
      'PERMIT / CERTIFICATE No.',
      permit.permitNumber,
      'EXPORT',
      'RE-EXPORT',
      'Valid until',
      permit.validUntil,
      'Gartenbau Meier AG',
      'Seestrasse 201, 8800 Thalwil',
      'Switzerland (CH)',
      'Kandy Orchid Nurseries (Pvt) Ltd',
      'Sri Lanka (LK)',
      'Special conditions',
      'T – Commercial',
      'Security stamp No.',
      'Department of Wildlife Conservation',
      'did:web:cites.dwc.gov.lk',
      'Phalaenopsis amabilis',
      'Moth orchid',
      'Artificially propagated flowering plants in pots',
      'LIV – Live',
      'Appendix II',
      'Source A',
      'Plants artificially propagated in accordance with Res. Conf. 11.11',
      '1200 NAR',
      'number of specimens',
      'Place: Battaramulla',
      `Date: ${permit.issued.date.slice(0, 10)}`,
      'Signatory: Nimal Perera',
      "Issued electronically; signed with the authority's key.",
      'Export endorsement',
      'Port of export',
      'Bill of Lading / Air waybill number',
      'The QR code is the authoritative check: scan it or open the verifier to confirm this permit is genuine, valid and how much was exported.',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(pdfPages(orchids.pdf)).toBe(1);
  });

  it('prints the French and Spanish labels, country names and meanings', async () => {
    const fr = flat(pdfText(await render('orchids-fr', { permit: orchids.permit, qrText: orchids.qrText, language: 'fr' })));
    for (const label of [
      'CONVENTION SUR LE COMMERCE INTERNATIONAL DES ESPÈCES DE FAUNE ET DE FLORE SAUVAGES MENACÉES D’EXTINCTION',
      'PERMIS / CERTIFICAT No',
      'EXPORTATION',
      'RÉEXPORTATION',
      'IMPORTATION',
      'AUTRE',
      'Valable jusqu’au',
      'Importateur (nom et adresse)',
      'Exportateur / réexportateur (nom, adresse et pays)',
      'Conditions particulières',
      'But de la transaction',
      'Timbre de sécurité no',
      'Organe de gestion (nom, adresse et pays)',
      'Nom scientifique',
      'Nom commun',
      'Description des spécimens',
      'Annexe et source',
      'Quantité',
      'Pays d’origine',
      'Pays de la dernière réexportation',
      'date d’acquisition',
      'délivré par',
      'Approbation de l’exportation',
      'Connaissement / lettre de transport aérien no',
      'T – Transaction commerciale',
      'Suisse (CH)',
      'nombre de spécimens',
      'Plantes reproduites artificiellement',
      'Le code QR fait foi',
    ]) {
      expect(fr).toContain(label);
    }
    const es = flat(pdfText(await render('orchids-es', { permit: orchids.permit, qrText: orchids.qrText, language: 'es' })));
    for (const label of [
      'CONVENCIÓN SOBRE EL COMERCIO INTERNACIONAL DE ESPECIES AMENAZADAS DE FAUNA Y FLORA SILVESTRES',
      'PERMISO / CERTIFICADO No.',
      'EXPORTACIÓN',
      'REEXPORTACIÓN',
      'IMPORTACIÓN',
      'OTRO',
      'Válido hasta el',
      'Importador (nombre y dirección)',
      'Exportador / reexportador (nombre, dirección y país)',
      'Condiciones especiales',
      'Propósito de la transacción',
      'Estampilla de seguridad No.',
      'Autoridad Administrativa (nombre, dirección y país)',
      'Nombre científico',
      'Aprobación de la exportación',
      'T – Comercial',
      'Suiza (CH)',
      'número de especímenes',
      'Plantas reproducidas artificialmente',
      'El código QR es la prueba que hace fe',
    ]) {
      expect(es).toContain(label);
    }
  });

  it('puts blocks beyond D on a continuation sheet that repeats the permit number (6 blocks, 2 pages)', async () => {
    const straps = readExample('re-export-ch-watch-straps.json');
    const [alligator, crocodile] = straps.specimens as [Specimen, Specimen];
    const more: Specimen[] = [
      { ...alligator, scientificName: 'Caiman crocodilus fuscus', commonName: 'Brown caiman', quantity: 80 },
      { ...crocodile, scientificName: 'Crocodylus porosus', commonName: 'Saltwater crocodile', quantity: 40 },
      { ...alligator, description: 'Watch straps, belly skin', quantity: 30 },
      { ...crocodile, scientificName: 'Crocodylus siamensis', commonName: 'Siamese crocodile', source: 'C', quantity: 15 },
    ];
    const record = await issue(ch, { ...straps, specimens: [...straps.specimens, ...more] });
    expect(record.permit.specimens.map((s) => s.block)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    // Six blocks are too many for the stand-in encoding's QR (version 30: 73.7 mm at 0.508 mm): print a reference QR.
    expect(() => qrGeometry(compactQrText(record.jwt))).toThrow(QrTooLargeError);
    const reference = recordUrlOf(record.jwt);
    const pdf = await render('straps-en', { permit: record.permit, qrText: reference, language: 'en' });
    expect(pdfPages(pdf)).toBe(2);

    const first = flat(pdfPageText(pdf, 1));
    expect(first).toContain('RE-EXPORT');
    expect(first).toContain('Page 1 of 2');
    expect(first).toContain('Further blocks on the continuation sheet.');
    expect(first).toContain('Crocodylus porosus'); // block D
    expect(first).not.toContain('Crocodylus siamensis'); // block F

    const second = flat(pdfPageText(pdf, 2));
    expect(second).toContain('Continuation sheet 1 of 1');
    expect(second).toContain(record.permit.permitNumber);
    expect(second).toContain('Page 2 of 2');
    expect(second).toContain('Crocodylus siamensis');
    expect(second).toContain('Animals bred in captivity in accordance with Res. Conf. 10.16');
    expect(second).toContain('Zimbabwe (ZW)'); // box 12, country of origin
    expect(second).toContain('ZW-2026-004411, 2026-01-19');
    expect(second).not.toContain('Phalaenopsis');
    // Every sheet carries the QR code.
    expect(decodeQrPng(renderPng(pdf, 2, DPI))?.text).toBe(reference);
  });

  it('reprints an endorsed permit with the recorded quantity, port, date, officer and transport document', async () => {
    const record = await issue(lk, readExample('export-lk-orchids.json'));
    const today = new Date().toISOString().slice(0, 10);
    const outcome = await lk.saiga.lifecycle.endorse(
      record.permitNumber,
      { blocks: [{ block: 'A', quantity: 1150 }], portOfExport: 'LKCMB', date: today, transportDocument: '176-12345675' },
      { name: 'Kamal Perera' },
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    const endorsement: Endorsement = outcome.endorsement;
    const pdf = await render('orchids-endorsed', { permit: record.permit, qrText: compactQrText(record.jwt), language: 'en', endorsement });
    const text = flat(pdfText(pdf));
    for (const expected of ['Recorded electronically by customs', '1150 NAR', 'LKCMB', today, 'Kamal Perera', '176-12345675']) {
      expect(text).toContain(expected);
    }
    // Before endorsement the same rows are blank.
    expect(flat(pdfText(orchids.pdf))).not.toContain('LKCMB');
  });

  it('watermarks a revoked or suspended permit, translated, and its QR still scans', async () => {
    const revoked = await render('orchids-revoked', { permit: orchids.permit, qrText: orchids.qrText, language: 'en', status: 'revoked' });
    expect(flat(pdfText(revoked, true))).toContain('REVOKED');
    expect(decodeQrPng(renderPng(revoked, 1, DPI))?.text).toBe(orchids.qrText);
    const suspended = await render('orchids-suspended-es', { permit: orchids.permit, qrText: orchids.qrText, language: 'es', status: 'suspended' });
    expect(flat(pdfText(suspended, true))).toContain('SUSPENDIDO');
    expect(flat(pdfText(orchids.pdf, true))).not.toContain('REVOKED');
  });

  it('prints a preview (POST /api/permits/preview) marked on every page, with no number and no QR code', async () => {
    const straps = readExample('re-export-ch-watch-straps.json');
    const six = { ...straps, specimens: [...straps.specimens, ...straps.specimens, ...straps.specimens] };
    const permits = await ch.saiga.permits.count();
    const outcome = await ch.saiga.issuer.preview(six, { signatory: 'Nimal Perera' });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(await ch.saiga.permits.count()).toBe(permits);
    const pdf = await render('straps-preview-en', { permit: outcome.permit, language: 'en', preview: true });
    expect(pdfPages(pdf)).toBe(2);
    for (const page of [1, 2]) {
      const text = flat(pdfPageText(pdf, page));
      expect(text).toContain('PERMIT / CERTIFICATE No. PREVIEW');
      expect(text).not.toContain(outcome.permit.permitNumber);
    }
    expect(flat(pdfText(pdf, true))).toContain('PREVIEW — NOT VALID');
    expect(flat(pdfPageText(pdf, 1))).toContain('PREVIEW — no QR code.');
    expect(decodeQrPng(renderPng(pdf, 1, DPI))).toBeUndefined();
  });
});
