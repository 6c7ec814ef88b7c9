/**
 * The dashboard (issue 11 §2): permits by state, incoming permits from other authorities
 * (GET /api/imports) and the exchange's undeliverable messages. The counts come from
 * GET /api/dashboard (src/store/dashboard.ts, counted in SQL); those GET /api/permits can
 * list (its `state` filter) link to that list, "imported" and "expiring soon" are figures.
 * An admin also sees the messages themselves (GET /api/exchange).
 */
import { api } from '../../api.js';
import { useLoaded, type Loaded } from '../../loaded.js';
import { useMessages } from '../../i18n.js';
import { useSession } from '../../session.js';
import { DASHBOARD_MESSAGES, type CountId, type ImportStateId } from './messages.js';
import './dashboard.css';

const LISTED_COUNTS: CountId[] = ['all', 'valid', 'used', 'expired', 'revoked', 'suspended'];
const SHOWN: CountId[] = [...LISTED_COUNTS, 'imported', 'expiringSoon'];
/** The counts GET /api/permits can list (its `state` filter); the others are figures only. */
const LISTED = new Set<CountId>(LISTED_COUNTS);

/** GET /api/dashboard's answer (src/store/dashboard.ts), the parts read here. */
interface DashboardAnswer {
  permits: { issued: number; valid: number; exported: number; revoked: number; suspended: number; expired: number; imported: number; expiringSoon: number };
  exchange: { undeliverable: number; failed: number };
}
interface Counts {
  value: Record<CountId, number>;
  /** Messages never delivered: refused for good or too old (any role sees the figure). */
  notDelivered: number;
}
const IMPORT_STATES: ImportStateId[] = ['expected', 'arrived', 'overdue', 'revoked', 'suspended'];

interface Incoming {
  permitNumber: string;
  issuer: string;
  exporterCountry: string;
  receivedAt: string;
  state: ImportStateId;
}
interface ExchangeStatus {
  peers: { did: string; name: string | null; failed: number; undeliverable: number; messages: { id: string; type: string; subject: string; state: string; lastError: string | null }[] }[];
}

async function permitCounts(): Promise<Counts | undefined> {
  const dashboard = await api<DashboardAnswer>('GET', '/api/dashboard');
  if (!dashboard.ok) return undefined;
  const p = dashboard.body.permits;
  return {
    value: { all: p.issued, valid: p.valid, used: p.exported, expired: p.expired, revoked: p.revoked, suspended: p.suspended, imported: p.imported, expiringSoon: p.expiringSoon },
    notDelivered: dashboard.body.exchange.undeliverable + dashboard.body.exchange.failed,
  };
}

export default function Dashboard() {
  const t = useMessages(DASHBOARD_MESSAGES);
  const { user } = useSession();
  const [counts] = useLoaded(permitCounts);
  const [incoming] = useLoaded(async () => {
    const r = await api<{ items: Incoming[]; total: number }>('GET', '/api/imports');
    return r.ok ? r.body : undefined;
  });
  const [exchange] = useLoaded(async () => {
    if (user.role !== 'admin') return null;
    const r = await api<ExchangeStatus>('GET', '/api/exchange');
    return r.ok ? r.body : undefined;
  });

  const pending = (l: Loaded<unknown>) => (l.kind === 'loading' ? <p role="status">{t.loading}</p> : l.kind === 'failed' ? <p class="error">{t.failed}</p> : null);

  return (
    <>
      <h1 id="screen-title">{t.title}</h1>
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t.permits}</h2>
        <p class="hint">{t.countsHint}</p>
        {pending(counts)}
        {counts.kind === 'ok' && (
          <ul class="counts" id="permit-counts">
            {SHOWN.map((c) => (
              <li key={c}>
                {LISTED.has(c) ? (
                  <a href={c === 'all' ? '/console/permits' : `/console/permits?state=${c}`} data-count={c}>
                    <span class="count">{counts.value.value[c]}</span> <span class="count-label">{t.counts[c]}</span>
                  </a>
                ) : (
                  <span class="figure" data-count={c}>
                    <span class="count">{counts.value.value[c]}</span> <span class="count-label">{t.counts[c]}</span>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="incoming-title">
        <h2 id="incoming-title">{t.incoming}</h2>
        {pending(incoming)}
        {incoming.kind === 'ok' &&
          (incoming.value.total === 0 ? (
            <p id="incoming-total">{t.noIncoming}</p>
          ) : (
            <>
              <p id="incoming-total">{t.incomingTotal(incoming.value.total)}</p>
              <ul class="counts small" id="incoming-counts">
                {IMPORT_STATES.map((s) => (
                  <li key={s} data-count={s}>
                    <span class="count">{incoming.value.items.filter((i) => i.state === s).length}</span> <span class="count-label">{t.importStates[s]}</span>
                  </li>
                ))}
              </ul>
              <table id="incoming">
                <thead>
                  <tr>
                    {Object.values(t.incomingColumns).map((c) => (
                      <th scope="col" key={c}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {incoming.value.items.slice(0, 10).map((i) => (
                    <tr key={`${i.issuer} ${i.permitNumber}`}>
                      <td>{i.permitNumber}</td>
                      <td>{i.exporterCountry}</td>
                      <td>{i.receivedAt}</td>
                      <td>{t.importStates[i.state]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ))}
      </section>

      <section aria-labelledby="exchange-title">
        <h2 id="exchange-title">{t.exchange}</h2>
        {pending(exchange)}
        {exchange.kind === 'ok' && exchange.value === null && counts.kind === 'ok' && (
          <p id="undeliverable" class={counts.value.notDelivered ? 'error' : undefined}>
            {t.undeliverable(counts.value.notDelivered)}
          </p>
        )}
        {exchange.kind === 'ok' && exchange.value !== null && <Undeliverable status={exchange.value} t={t} />}
      </section>
    </>
  );
}

function Undeliverable({ status, t }: { status: ExchangeStatus; t: (typeof DASHBOARD_MESSAGES)['en'] }) {
  // Both end states of a message that never arrived: refused for good ('failed') or too old ('undeliverable').
  const total = status.peers.reduce((n, p) => n + p.failed + p.undeliverable, 0);
  const messages = status.peers.flatMap((p) => p.messages.filter((m) => m.state === 'failed' || m.state === 'undeliverable').map((m) => ({ ...m, peer: p.name ?? p.did })));
  return (
    <>
      <p id="undeliverable" class={total > 0 ? 'error' : undefined}>
        {t.undeliverable(total)}
      </p>
      {messages.length > 0 && (
        <table>
          <thead>
            <tr>
              {Object.values(t.messageColumns).map((c) => (
                <th scope="col" key={c}>
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{m.peer}</td>
                <td>{m.type}</td>
                <td>{m.subject}</td>
                <td>{m.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
