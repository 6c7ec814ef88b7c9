/**
 * The issue form's state and its conversion to a POST /api/permits request (src/permit/model.ts
 * PermitRequest) and back. Every input is a string as typed; the request leaves out empty
 * fields and fields the document type or source does not show, so the agent's rules
 * (src/permit/rules.ts) judge what the officer sees. Browser-safe, no DOM.
 */
import type { PermitRequest } from '../../../../src/permit/model.js';

export interface PartyForm { name: string; address: string; country: string }

export interface BlockForm {
  scientificName: string; commonName: string; description: string; term: string; marks: string;
  appendix: string; source: string; quantity: string; unit: string;
  quotaExported: string; quotaAnnual: string;
  originCountry: string; originPermit: string; originDate: string;
  lastCountry: string; lastCertificate: string; lastDate: string;
  operationNumber: string; acquisitionDate: string;
}

export interface FormState {
  documentType: string; otherDocumentType: string; validUntil: string;
  importer: PartyForm; exporter: PartyForm;
  specialConditions: string; purpose: string; securityStampNumber: string;
  importPermitNumber: string; importPermitIssuer: string; importPermitCountry: string; importPermitDate: string;
  specimens: BlockForm[];
}

export const emptyBlock = (): BlockForm => ({
  scientificName: '', commonName: '', description: '', term: '', marks: '', appendix: '', source: '', quantity: '', unit: '',
  quotaExported: '', quotaAnnual: '', originCountry: '', originPermit: '', originDate: '',
  lastCountry: '', lastCertificate: '', lastDate: '', operationNumber: '', acquisitionDate: '',
});

export const emptyForm = (): FormState => ({
  documentType: 'export', otherDocumentType: '', validUntil: '',
  importer: { name: '', address: '', country: '' }, exporter: { name: '', address: '', country: '' },
  specialConditions: '', purpose: '', securityStampNumber: '',
  importPermitNumber: '', importPermitIssuer: '', importPermitCountry: '', importPermitDate: '',
  specimens: [emptyBlock()],
});

/** The id of the input for a JSON pointer into the request: "/specimens/0/quantity" → "f-specimens-0-quantity". */
export const fieldId = (pointer: string): string => `f${pointer.replace(/\//g, '-')}`;

const isReExport = (f: FormState) => f.documentType === 're-export';
const isExportish = (f: FormState) => f.documentType === 'export' || f.documentType === 're-export';

/** Art. III(2)(d), rules.ts importPermitForAppendixI: an (re-)export with an Appendix I block not of source D. */
export const needsImportPermit = (f: FormState): boolean =>
  isExportish(f) && f.specimens.some((b) => b.appendix === 'I' && b.source !== 'D');
export const showsImportPermit = (f: FormState): boolean =>
  needsImportPermit(f) || (isExportish(f) && f.importPermitNumber !== '');
/** Box 12 and 12a: rules.ts originForReExport; an origin typed in before stays visible. */
export const showsOrigin = (f: FormState, b: BlockForm): boolean => isReExport(f) || b.originCountry !== '';
export const showsLastReExport = (f: FormState, b: BlockForm): boolean => isReExport(f) || b.lastCountry !== '';
/** Box 12b: rules.ts operationNumberForSourceD and acquisitionDateForSourceO. */
export const showsOperationNumber = (b: BlockForm): boolean => b.source === 'D' || b.operationNumber !== '';
export const showsAcquisitionDate = (b: BlockForm): boolean => b.source === 'O' || b.acquisitionDate !== '';

type Json = Record<string, unknown>;
/** Keeps only the keys with something in them, so that an empty input is a missing field. */
const compact = (o: Json): Json | undefined => {
  const kept = Object.entries(o).filter(([, v]) => v !== '' && v !== undefined);
  return kept.length ? Object.fromEntries(kept) : undefined;
};
/** A number as typed; what does not read as one goes as typed, for the schema to name. */
const numberOf = (text: string): number | string => (text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);

export function toRequest(f: FormState): Json {
  const specimens = f.specimens.map((b) =>
    compact({
      scientificName: b.scientificName, commonName: b.commonName, description: b.description, term: b.term, marks: b.marks,
      appendix: b.appendix, source: b.source, quantity: b.quantity === '' ? '' : numberOf(b.quantity), unit: b.unit,
      quota: compact({ exportedToDate: b.quotaExported === '' ? '' : numberOf(b.quotaExported), annual: b.quotaAnnual === '' ? '' : numberOf(b.quotaAnnual) }),
      origin: showsOrigin(f, b) ? compact({ country: b.originCountry, permitNumber: b.originPermit, date: b.originDate }) : undefined,
      lastReExport: showsLastReExport(f, b) ? compact({ country: b.lastCountry, certificateNumber: b.lastCertificate, date: b.lastDate }) : undefined,
      operationNumber: showsOperationNumber(b) ? b.operationNumber : '',
      acquisitionDate: showsAcquisitionDate(b) ? b.acquisitionDate : '',
    }) ?? {},
  );
  const conditions = f.specialConditions.split('\n').map((line) => line.trim()).filter(Boolean);
  return {
    documentType: f.documentType,
    ...compact({
      otherDocumentType: f.documentType === 'other' ? f.otherDocumentType : '',
      validUntil: f.validUntil,
      importer: compact({ ...f.importer }) ?? {},
      exporter: compact({ ...f.exporter }) ?? {},
      purpose: f.purpose,
      specialConditions: conditions.length ? conditions : undefined,
      securityStampNumber: f.securityStampNumber,
      importPermit: showsImportPermit(f)
        ? compact({ permitNumber: f.importPermitNumber, issuer: f.importPermitIssuer, country: f.importPermitCountry, date: f.importPermitDate })
        : undefined,
    }),
    specimens,
  };
}

const s = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** A stored permit's or a request's boxes into the form: not its number nor its dates of issue and validity. */
export function fromRequest(r: Partial<PermitRequest>): FormState {
  const party = (p?: { name?: string; address?: string; country?: string }): PartyForm => ({ name: s(p?.name), address: s(p?.address), country: s(p?.country) });
  return {
    documentType: s(r.documentType) || 'export', otherDocumentType: s(r.otherDocumentType), validUntil: '',
    importer: party(r.importer), exporter: party(r.exporter),
    specialConditions: (r.specialConditions ?? []).join('\n'), purpose: s(r.purpose), securityStampNumber: s(r.securityStampNumber),
    importPermitNumber: s(r.importPermit?.permitNumber), importPermitIssuer: s(r.importPermit?.issuer),
    importPermitCountry: s(r.importPermit?.country), importPermitDate: s(r.importPermit?.date),
    specimens: (r.specimens?.length ? r.specimens : [undefined]).map((b) => (b === undefined ? emptyBlock() : {
      scientificName: s(b.scientificName), commonName: s(b.commonName), description: s(b.description), term: s(b.term), marks: s(b.marks),
      appendix: s(b.appendix), source: s(b.source), quantity: s(b.quantity), unit: s(b.unit),
      quotaExported: s(b.quota?.exportedToDate), quotaAnnual: s(b.quota?.annual),
      originCountry: s(b.origin?.country), originPermit: s(b.origin?.permitNumber), originDate: s(b.origin?.date),
      lastCountry: s(b.lastReExport?.country), lastCertificate: s(b.lastReExport?.certificateNumber), lastDate: s(b.lastReExport?.date),
      operationNumber: s(b.operationNumber), acquisitionDate: s(b.acquisitionDate),
    })),
  };
}
