/**
 * Trust, read-only: the exchange's peers (GET /api/exchange) and the trust list the agent
 * serves (GET /trust-list, a VC-JWT the agent signed itself; its subject is read here, not
 * verified: this is the agent's own answer over its own origin). No API route changes trust,
 * so none is offered. The signing keys, which the API does rotate, are in ./Keys.tsx.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TrustList } from '../../../../src/vocab/trust-list.js';
import { api } from '../../api.js';
import { useMessages } from '../../i18n.js';
import { ADMIN_MESSAGES } from './messages.js';
import { ColumnHeads } from '../../ColumnHeads.js';

interface Peer {
  did: string;
  name: string | null;
  country: string | null;
  pending: number;
  delivered: number;
  failed: number;
  undeliverable: number;
}
function jwtPayload(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  const bytes = Uint8Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

async function trustList(): Promise<TrustList | undefined> {
  const response = await fetch('/trust-list', { credentials: 'same-origin' });
  if (!response.ok) return undefined;
  const payload = jwtPayload((await response.text()).trim());
  const vc = (payload.vc ?? payload) as { credentialSubject?: TrustList };
  return vc.credentialSubject;
}

function Table({ id, columns, rows }: { id: string; columns: string[]; rows: (string | number)[][] }) {
  return (
    <div class="table-wrap">
      <table id={id}>
        <ColumnHeads columns={columns} />
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) => (
                <td key={j} class={j === columns.length - 1 || String(cell).startsWith('did:') ? 'did' : undefined}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Trust() {
  const t = useMessages(ADMIN_MESSAGES);
  const [peers, setPeers] = useState<Peer[] | null | undefined>();
  const [list, setList] = useState<TrustList | null | undefined>();
  useEffect(() => {
    void api<{ peers: Peer[] }>('GET', '/api/exchange').then((r) => setPeers(r.ok ? r.body.peers : null));
    void trustList().then((l) => setList(l ?? null), () => setList(null));
  }, []);
  const pending = (v: unknown) => (v === undefined ? <p role="status">{t.loading}</p> : v === null ? <p class="error">{t.failed}</p> : null);

  return (
    <section aria-labelledby="trust-title">
      <h2 id="trust-title">{t.trust}</h2>
      <p class="hint">{t.trustReadOnly}</p>
      <h3>{t.peers}</h3>
      {pending(peers)}
      {peers &&
        (peers.length === 0 ? (
          <p id="peers">{t.noPeers}</p>
        ) : (
          <Table
            id="peers"
            columns={Object.values(t.peerColumns)}
            rows={peers.map((p) => [p.name ?? '—', p.country ?? '—', p.did, p.pending, p.delivered, p.failed + p.undeliverable])}
          />
        ))}
      {pending(list)}
      {list && (
        <>
          <h3 id="trust-list-title">{t.trustList(list.version)}</h3>
          <Table
            id="trust-list"
            columns={Object.values(t.trustColumns)}
            rows={list.authorities.map((a) => [a.name, a.country, t.authorityRoles[a.role], a.dids.join(' ')])}
          />
        </>
      )}
    </section>
  );
}
