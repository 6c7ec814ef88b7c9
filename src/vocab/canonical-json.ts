/**
 * One text for one value: JSON with object keys sorted and undefined members left out, so that
 * a hash does not depend on the order a writer put the keys in. The exchange's message digests
 * (src/exchange/inbox.ts) and the audit trail's hashes (src/store/audit-log.ts) both use it.
 * A Date is written as its ISO 8601 text, as JSON.stringify writes it.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
