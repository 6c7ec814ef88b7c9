/**
 * The verified permit laid out as the boxes of the CITES standard form (Res. Conf. 12.3
 * Annex 2, boxes 1–15), with every code written out in the page's language. Pure: it builds
 * a view model (text only); the page renders it with textContent, never as HTML.
 */
import type { BlockQuantities, EndorsementInfo, VerificationResult } from '../../src/verify/index.js';
import type { IssuedSpecimen, Party, Permit } from '../../src/permit/model.js';
import { codeName, countryName } from './code-names.js';
import { formatDate, formatNumber, UI, type BoxKey, type Lang } from './i18n.js';
import { fillSegments, type Segments } from './segments.js';
import { VERDICT_TEXT } from './verdict-texts.js';

export interface Row {
  /** Box number as printed on the form ('1', '5a', …), or '' for a line without its own box. */
  box: string;
  label: string;
  value: string;
  /** The separate values that `value` joins with ", " (name, address, country…): each is shown isolated from the others. */
  parts?: string[];
  /** The code's meaning, or other explanation, shown under the value. */
  note?: string;
}

export interface BlockView {
  block: string;
  title: string;
  rows: Row[];
  /** Box 11, with the unit written out. */
  permitted: string;
  /** Box 14: what customs endorsed as exported; null when not endorsed; undefined when that is not known. */
  exported: string | null | undefined;
  /** Issue 9: what the importing country's customs confirmed as arrived; undefined when the record carries no genuine confirmation, null when it does not name the block. */
  imported?: string | null;
}

export interface PermitView {
  rows: Row[];
  blocks: BlockView[];
  endorsement: Row[];
}

const BOX_NUMBER: Partial<Record<BoxKey, string>> = { term: '9', marks: '9', source: '10', importPermit: '', replaces: '5', otherType: '1' };

function row(lang: Lang, key: BoxKey, value: string | Joined | undefined, note?: string): Row[] {
  const parts = value instanceof Joined ? value.parts : undefined;
  const text = value instanceof Joined ? value.text : value;
  if (text === undefined || text === '') return [];
  const r: Row = { box: BOX_NUMBER[key] ?? key, label: UI[lang].boxes[key], value: text };
  if (parts && parts.length > 1) r.parts = parts;
  if (note) r.note = note;
  return [r];
}

const party = (p: Party | undefined, lang: Lang): Joined | undefined =>
  p && typeof p === 'object' ? joined(p.name, p.address, p.country ? countryName(p.country, lang) : '') : undefined;

const coded = (table: Parameters<typeof codeName>[0], code: string | undefined, lang: Lang) => (code === undefined ? undefined : codeName(table, code, lang));

const quantity = (n: number, unit: string, lang: Lang) => `${formatNumber(n, lang)} ${unit}`;

/** Several values in one box, kept apart so that each is isolated on the page (bidi). */
class Joined {
  readonly parts: string[];
  constructor(parts: (string | undefined)[]) {
    this.parts = parts.filter((p): p is string => p !== undefined && p !== '');
  }
  get text(): string {
    return this.parts.join(', ');
  }
}

const joined = (...parts: (string | undefined)[]) => new Joined(parts);

/** Boxes 7–12b of a block; box 11 (quantity) is shown with the exported quantity, in BlockView. */
function specimenRows(s: IssuedSpecimen, lang: Lang): Row[] {
  return [
    ...row(lang, '7', s.scientificName),
    ...row(lang, '8', s.commonName),
    ...row(lang, '9', s.description),
    ...row(lang, 'term', s.term, coded('term', s.term, lang)),
    ...row(lang, 'marks', s.marks),
    ...row(lang, '10', s.appendix, coded('appendix', s.appendix, lang)),
    ...row(lang, 'source', s.source, coded('source', s.source, lang)),
    ...row(
      lang,
      '11a',
      s.quota ? `${formatNumber(s.quota.exportedToDate, lang)} / ${formatNumber(s.quota.annual, lang)}${s.quota.unit ? ` ${s.quota.unit}` : ''}` : undefined,
    ),
    ...row(lang, '12', s.origin ? joined(countryName(s.origin.country, lang), s.origin.permitNumber, formatDate(s.origin.date, lang)) : undefined),
    ...row(
      lang,
      '12a',
      s.lastReExport ? joined(countryName(s.lastReExport.country, lang), s.lastReExport.certificateNumber, formatDate(s.lastReExport.date, lang)) : undefined,
    ),
    ...row(lang, '12b', joined(s.operationNumber, formatDate(s.acquisitionDate, lang))),
  ];
}

function blockViews(permit: Permit, blocks: BlockQuantities[] | undefined, useKnown: boolean, lang: Lang): BlockView[] {
  const text = UI[lang];
  const specimens = Array.isArray(permit.specimens) ? permit.specimens : [];
  return specimens.map((s, i) => {
    const letter = s.block ?? String.fromCharCode(65 + i);
    const used = blocks?.find((b) => b.block === letter);
    const unitName = coded('unit', s.unit, lang);
    return {
      block: letter,
      title: `${text.block} ${letter}`,
      rows: specimenRows(s, lang),
      permitted: `${quantity(s.quantity, s.unit, lang)}${unitName ? ` (${unitName})` : ''}`,
      exported: !useKnown ? undefined : used?.exported ? quantity(used.exported.quantity, used.exported.unit, lang) : null,
      ...(used?.imported !== undefined && { imported: used.imported ? quantity(used.imported.quantity, used.imported.unit, lang) : null }),
    };
  });
}

function endorsementRows(e: EndorsementInfo | undefined, lang: Lang): Row[] {
  if (!e) return [];
  const text = UI[lang];
  const both = (box: string, label: string, j: Joined): Row => ({ box, label, value: j.text, parts: j.parts });
  return [
    both('14', `${text.date}, ${text.portOfExport.toLowerCase()}`, joined(formatDate(e.date, lang), e.portOfExport)),
    both('14', text.endorsedBy, joined(e.authority, e.officer)),
    { box: '15', label: text.boxes['15'], value: e.transportDocument },
  ];
}

/** The view of a verified permit; call only for a result whose signature verified. */
export function permitView(result: Pick<VerificationResult, 'permit' | 'blocks' | 'endorsement'> & Partial<Pick<VerificationResult, 'checks'>>, lang: Lang): PermitView | undefined {
  const p = result.permit;
  if (!p || typeof p !== 'object') return undefined;
  const text = UI[lang];
  const ma = p.managementAuthority;
  const rows: Row[] = [
    ...row(lang, '1', p.permitNumber, text.documentTypes[p.documentType] ?? p.documentType),
    ...row(lang, 'otherType', p.documentType === 'other' ? p.otherDocumentType : undefined),
    ...row(lang, '2', formatDate(p.validUntil, lang)),
    ...row(lang, '3', p.importer ? joined(p.importer.name, p.importer.address) : undefined),
    ...row(lang, '3a', p.importer?.country ? countryName(p.importer.country, lang) : undefined),
    ...row(lang, '4', party(p.exporter, lang)),
    ...row(lang, '5', Array.isArray(p.specialConditions) ? p.specialConditions.join(' · ') : undefined),
    ...row(lang, 'replaces', p.replaces ? p.replaces.permitNumber : undefined, p.replaces?.reason),
    ...row(lang, '5a', p.purpose, coded('purpose', p.purpose, lang)),
    ...row(lang, '5b', p.securityStampNumber),
    ...row(lang, '6', ma ? joined(ma.name, ma.address, ma.country ? countryName(ma.country, lang) : undefined) : undefined, ma?.did),
    ...row(
      lang,
      'importPermit',
      p.importPermit ? joined(p.importPermit.permitNumber, p.importPermit.country ? countryName(p.importPermit.country, lang) : undefined, formatDate(p.importPermit.date, lang)) : undefined,
      p.importPermit?.issuer,
    ),
    ...row(lang, '13', p.issued ? joined(p.issued.place, formatDate(p.issued.date, lang), p.issued.signatory) : undefined),
  ];
  // Whether customs endorsed it is known only from a record that was read and whose endorsements are genuine.
  const useKnown = result.blocks !== undefined && !(result.checks ?? []).some((c) => c.code === 'ENDORSEMENT_INVALID');
  return { rows, blocks: blockViews(p, result.blocks, useKnown, lang), endorsement: endorsementRows(result.endorsement, lang) };
}

/**
 * One line per block for the verdict: the species (box 7) and the permitted (box 11) and
 * exported (box 14) quantity with its unit, which the officer compares with the goods
 * (defect 12). From the record's blocks when it was read, else from the permit alone.
 */
export function blockFacts(result: Pick<VerificationResult, 'permit' | 'blocks'>, lang: Lang): Segments[] {
  const t = VERDICT_TEXT[lang];
  const specimens = Array.isArray(result.permit?.specimens) ? result.permit.specimens : [];
  const species = (block: string, i: number) => specimens.find((s) => s.block === block)?.scientificName ?? specimens[i]?.scientificName ?? '';
  if (result.blocks) {
    return result.blocks.map((b, i) =>
      b.imported !== undefined
        ? fillSegments(t.blockFactImported, {
            block: b.block,
            species: b.scientificName ?? species(b.block, i),
            permitted: quantity(b.permitted.quantity, b.permitted.unit, lang),
            exported: b.exported ? quantity(b.exported.quantity, b.exported.unit, lang) : '—',
            imported: b.imported ? quantity(b.imported.quantity, b.imported.unit, lang) : '—',
          })
        : b.exported
        ? fillSegments(t.blockFact, { block: b.block, species: b.scientificName ?? species(b.block, i), permitted: quantity(b.permitted.quantity, b.permitted.unit, lang), exported: quantity(b.exported.quantity, b.exported.unit, lang) })
        : fillSegments(t.blockFactNotExported, { block: b.block, species: b.scientificName ?? species(b.block, i), permitted: quantity(b.permitted.quantity, b.permitted.unit, lang) }),
    );
  }
  return specimens.map((s, i) =>
    fillSegments(t.blockFactPermitted, { block: s.block ?? String.fromCharCode(65 + i), species: s.scientificName, permitted: quantity(s.quantity, s.unit, lang) }),
  );
}
