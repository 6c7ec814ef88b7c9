/**
 * When a holder link stops working: at the end of the permit's box 2 date (valid through that
 * day, UTC: src/permit/model.ts) plus `saiga.holder.graceDays` (default and reason:
 * HOLDER_GRACE_DAYS_DEFAULT in src/agent/config/config.ts).
 */
export function holderLinkExpiry(validUntil: string, graceDays: number): Date {
  const [year, month, day] = validUntil.split('-').map(Number) as [number, number, number];
  // The first instant after the last valid day, then the grace days.
  return new Date(Date.UTC(year, month - 1, day + 1 + graceDays));
}
