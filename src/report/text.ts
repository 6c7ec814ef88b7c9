/**
 * The report summaries as text for a person (the CLI without --json), and the mirror's
 * discrepancies as CSV rows: one wording for both.
 */
import type { AnnualSummary, MirrorReport, UnusedSummary } from './service.js';
import type { Discrepancy, MirrorSection } from './mirror.js';

export function annualLines(summary: AnnualSummary, unused: UnusedSummary | null, files: { out?: string; unused?: string }): string[] {
  const { findings } = summary;
  const lines = [
    `Annual report ${summary.year}, ${summary.type} (${summary.country}), basis ${summary.basis}: ${summary.rows} row(s) from ${summary.records} permit(s).`,
    summary.written ? (files.out ? `Written to ${files.out}.` : 'Written to standard output.') : 'Nothing was written: REPORT_STRICT_FAILED.',
    `Upload checks: ${findings.errors} error(s), ${findings.warnings} warning(s).`,
    ...findings.findings.map((f) => `  row ${f.row} ${f.severity.padEnd(7)} ${f.code} ${f.column} (${f.permitNumber} block ${f.block}): ${f.message}`),
  ];
  if (findings.truncated) lines.push(`  … and more: ${Object.entries(findings.byCode).map(([code, n]) => `${code} ${n}`).join(', ')}`);
  if (unused) {
    const by = Object.entries(unused.byCode).map(([code, n]) => `${code} ${n}`).join(', ');
    lines.push(`Unused permits: ${unused.count}${by ? ` (${by})` : ''}${files.unused ? `, listed in ${files.unused}` : ''}.`);
  }
  return lines;
}

const q = (x: { quantity: number; unit: string } | null) => (x === null ? '—' : `${x.quantity} ${x.unit}`);

function sectionLines(title: string, section: MirrorSection): string[] {
  return [
    `${title}: ${section.permits} permit(s), ${section.agreeing} agreeing, ${section.discrepancies.length} discrepancy(ies).`,
    ...section.discrepancies.map((d) => `  ${d.permitNumber.padEnd(16)} ${(d.block || '-').padEnd(3)} ${d.code.padEnd(31)} exported ${q(d.exported)} (${d.exportedOn ?? '—'}), imported ${q(d.imported)} (${d.importedOn ?? '—'})`),
  ];
}

export function mirrorLines(report: MirrorReport): string[] {
  return [
    `Mirror comparison ${report.year}, ${report.country} with ${report.partner}:`,
    ...sectionLines(`  ${report.country} exported to ${report.partner}`, report.asExporter),
    ...sectionLines(`  ${report.country} imported from ${report.partner}`, report.asImporter),
  ];
}

export const MIRROR_COLUMNS = ['Direction', 'Permit', 'Block', 'Code', 'ExportedQuantity', 'ExportedUnit', 'ExportedOn', 'ImportedQuantity', 'ImportedUnit', 'ImportedOn', 'Message'] as const;

export function mirrorCells(direction: 'export' | 'import', d: Discrepancy): (string | number)[] {
  return [direction, d.permitNumber, d.block, d.code, d.exported?.quantity ?? '', d.exported?.unit ?? '', d.exportedOn ?? '', d.imported?.quantity ?? '', d.imported?.unit ?? '', d.importedOn ?? '', d.message];
}
