/** What every part of the print needs: the document, the permit, the language and where we are. */
import type { Endorsement } from '../endorsement/model.js';
import type { IssuedSpecimen, Permit } from '../permit/model.js';
import type { FormLabels, PrintLanguage } from './labels.js';

export interface PrintContext {
  doc: PDFKit.PDFDocument;
  permit: Permit;
  language: PrintLanguage;
  labels: FormLabels;
  issuerDid: string;
  endorsement?: Endorsement;
  /** 0-based page index and the number of pages. */
  page: number;
  pages: number;
  /** The blocks printed on this page (at most BLOCKS_PER_PAGE). */
  blocks: readonly IssuedSpecimen[];
}

/** The date part of an ISO 8601 date or date-time (dates print as YYYY-MM-DD in every language). */
export const isoDate = (value: string): string => value.slice(0, 10);
