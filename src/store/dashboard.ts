/**
 * The console's dashboard (issue 11 §2): this authority's permits by state, the permits other
 * authorities sent, and the exchange messages that could not be delivered. Each figure is
 * counted in SQL (one aggregate query per table), never by loading rows: an authority may
 * hold a million permits (bench/annual-report).
 */
import type { Queryable } from './sqlite.js';

/** Days ahead that "expiring soon" looks (a permit valid today whose box 2 date falls in the window). */
export const EXPIRING_WITHIN_DAYS = 30;

export interface DashboardCounts {
  /** What the figures were counted for: today's date (UTC) and the last day of the "expiring soon" window. */
  today: string;
  expiringBy: string;
  permits: {
    /** Every permit issued here, whatever its state. */
    issued: number;
    /** The states a verifier reports (PERMIT_LIST_STATES), each permit in exactly one. */
    valid: number;
    /** Endorsed by customs at export (the verifier's "used", Art. VI(5)). */
    exported: number;
    revoked: number;
    suspended: number;
    expired: number;
    /** Permits issued here whose import the importing authority confirmed (issue 9; any state). */
    imported: number;
    /** Valid (not endorsed, revoked or suspended) and expiring from today to `expiringBy` inclusive. */
    expiringSoon: number;
  };
  /** Permits other authorities sent (incoming_permit), by why they are here. */
  incoming: { total: number; import: number; importPermit: number; origin: number };
  /** Exchange messages to peers (docs/exchange.md): given up as too old, refused by the peer for good, still waiting. */
  exchange: { undeliverable: number; failed: number; pending: number };
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** @param reads a read-only connection (committed data only) */
export async function dashboardCounts(reads: Queryable, now: Date): Promise<DashboardCounts> {
  const today = now.toISOString().slice(0, 10);
  const expiringBy = addDays(today, EXPIRING_WITHIN_DAYS);
  // The state precedence is that of PermitReads (permits.ts WITH_STATE): revoked, suspended, expired, used, valid.
  const permits = await reads.get<Record<string, number | null>>(
    `SELECT count(*) AS issued,
       sum(life_state = 'valid') AS valid,
       sum(life_state = 'used') AS exported,
       sum(life_state = 'revoked') AS revoked,
       sum(life_state = 'suspended') AS suspended,
       sum(life_state = 'expired') AS expired,
       sum(life_state = 'valid' AND valid_until <= ?) AS expiringSoon,
       sum(imported) AS imported
     FROM (SELECT p.valid_until,
             CASE WHEN p.state = 'revoked' THEN 'revoked'
                  WHEN p.state = 'suspended' THEN 'suspended'
                  WHEN p.valid_until < ? THEN 'expired'
                  WHEN EXISTS (SELECT 1 FROM endorsement e WHERE e.permit_number = p.permit_number) THEN 'used'
                  ELSE 'valid' END AS life_state,
             EXISTS (SELECT 1 FROM import_confirmation c WHERE c.permit_credential_id = p.credential_id AND c.direction = 'received') AS imported
           FROM permit p)`,
    [expiringBy, today],
  );
  const incoming = await reads.get<Record<string, number | null>>(
    `SELECT count(*) AS total, sum(relation = 'import') AS import, sum(relation = 'import-permit') AS importPermit, sum(relation = 'origin') AS origin
     FROM incoming_permit`,
  );
  const outbox = await reads.get<Record<string, number | null>>(
    `SELECT sum(state = 'undeliverable') AS undeliverable, sum(state = 'failed') AS failed, sum(state = 'pending') AS pending FROM exchange_outbox`,
  );
  const n = (value: number | null | undefined) => value ?? 0;
  return {
    today,
    expiringBy,
    permits: {
      issued: n(permits?.issued),
      valid: n(permits?.valid),
      exported: n(permits?.exported),
      revoked: n(permits?.revoked),
      suspended: n(permits?.suspended),
      expired: n(permits?.expired),
      imported: n(permits?.imported),
      expiringSoon: n(permits?.expiringSoon),
    },
    incoming: { total: n(incoming?.total), import: n(incoming?.import), importPermit: n(incoming?.importPermit), origin: n(incoming?.origin) },
    exchange: { undeliverable: n(outbox?.undeliverable), failed: n(outbox?.failed), pending: n(outbox?.pending) },
  };
}
