/**
 * Permits issued and never used (docs/annual-report.md, "Unused permits"): left out of the
 * basis-'actual' rows, because no trade took place under them, and listed apart so the
 * authority can follow them up. The reason is the permit's state on the day the report runs.
 */
import { REPORT_CODES, type ReportCode } from '../codes.js';
import type { UnusedRecord } from '../store/report-source.js';

export interface UnusedPermit {
  permitNumber: string;
  documentType: string;
  tradingPartner: string;
  issuedOn: string;
  validUntil: string;
  code: ReportCode;
  reason: string;
  replacedBy: string;
}

export const UNUSED_COLUMNS = ['Permit', 'DocumentType', 'TradingPartner', 'Issued', 'ValidUntil', 'Code', 'Reason', 'ReplacedBy'] as const;

/** Revocation outranks everything (as in the verifier); a replacement is a revocation with a successor. Box 2 is valid to the end of its day (UTC). */
export function unusedPermit(record: UnusedRecord, today: string): UnusedPermit {
  let code: ReportCode;
  if (record.status === 'revoked') code = record.replacedBy !== null || record.reason === 'replaced' ? 'REPORT_UNUSED_REPLACED' : 'REPORT_UNUSED_REVOKED';
  else if (record.status === 'suspended') code = 'REPORT_UNUSED_SUSPENDED';
  else if (record.validUntil < today) code = 'REPORT_UNUSED_EXPIRED';
  else code = 'REPORT_UNUSED_OPEN';
  const why = record.status === 'revoked' && record.reason && code === 'REPORT_UNUSED_REVOKED' ? ` Reason: ${record.reason}.` : '';
  return {
    permitNumber: record.permitNumber,
    documentType: record.documentType,
    tradingPartner: record.partnerCountry,
    issuedOn: record.issuedOn,
    validUntil: record.validUntil,
    code,
    reason: `${REPORT_CODES[code]}${why}`,
    replacedBy: record.replacedBy ?? '',
  };
}

export const unusedCells = (u: UnusedPermit): string[] => [u.permitNumber, u.documentType, u.tradingPartner, u.issuedOn, u.validUntil, u.code, u.reason, u.replacedBy];
