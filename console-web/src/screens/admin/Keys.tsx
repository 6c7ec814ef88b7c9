/**
 * The signing keys of the authority and customs identities (GET /api/keys, issue 9 §6), with
 * their actions: "Rotate key" per identity (POST /api/keys/rotate) and "Revoke" per active key
 * that is not the identity's last (POST /api/keys/{kid}/revoke, with an optional compromise
 * date). Each goes through the confirmation dialog (../../ConfirmDialog.tsx). The agent
 * publishes the new DID document and signs with the current key at once, and records each
 * change in the audit trail with the admin's name (src/http/routes/keys.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type ApiResult } from '../../api.js';
import { ConfirmDialog } from '../../ConfirmDialog.js';
import { useMessages } from '../../i18n.js';
import { Outcome, refusal } from './common.js';
import { ADMIN_MESSAGES, type KeyRefusal } from './messages.js';
import { ColumnHeads } from '../../ColumnHeads.js';

type KeyIdentity = 'authority' | 'customs';
const IDENTITIES: readonly KeyIdentity[] = ['authority', 'customs'];
interface SigningKey {
  identity: KeyIdentity;
  kid: string;
  state: 'current' | 'active' | 'revoked';
  addedAt?: string;
  revokedAt?: string;
  compromisedSince?: string;
}
type Asking = { action: 'rotate'; identity: KeyIdentity } | { action: 'revoke'; key: SigningKey };

/** The authority's table keeps the id "keys" (the first table of the section). */
const tableId = (identity: KeyIdentity) => (identity === 'authority' ? 'keys' : 'keys-customs');

export function Keys() {
  const t = useMessages(ADMIN_MESSAGES);
  const [keys, setKeys] = useState<SigningKey[] | null | undefined>();
  const [asking, setAsking] = useState<Asking | undefined>();
  const [since, setSince] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();

  const load = async () => {
    const r = await api<{ items: SigningKey[] }>('GET', '/api/keys');
    setKeys(r.ok ? r.body.items : null);
  };
  useEffect(() => {
    void load();
  }, []);

  /** A refusal by its code, in the reader's language; the API's own words for any other. */
  const refused = (r: ApiResult<unknown> & { ok: false }) => `${t.refused} ${r.code in t.keyRefusals ? t.keyRefusals[r.code as KeyRefusal] : refusal(r)}`;

  const confirm = async () => {
    if (!asking) return;
    setBusy(true);
    const r =
      asking.action === 'rotate'
        ? await api<SigningKey>('POST', '/api/keys/rotate', { identity: asking.identity })
        : await api<{ key: SigningKey; current: SigningKey }>('POST', `/api/keys/${encodeURIComponent(asking.key.kid)}/revoke`, since.trim() === '' ? {} : { compromisedSince: since.trim() });
    setBusy(false);
    if (!r.ok) {
      setOutcome({ ok: false, text: refused(r) });
      // A wrong date is corrected in the dialog; any other refusal closes it.
      if (r.code !== 'BAD_REQUEST') setAsking(undefined);
      return;
    }
    setOutcome({ ok: true, text: 'kid' in r.body ? t.rotated(r.body.kid) : t.keyRevoked(r.body.key.kid, r.body.current.kid) });
    setAsking(undefined);
    await load();
  };
  const ask = (next: Asking) => {
    setSince('');
    setOutcome(undefined);
    setAsking(next);
  };
  const activeOf = (identity: KeyIdentity) => (keys ?? []).filter((k) => k.identity === identity && k.state !== 'revoked').length;

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t.keys}</h2>
      <p class="hint">{t.keysHint}</p>
      {keys === undefined && <p role="status">{t.loading}</p>}
      {keys === null && <p class="error">{t.failed}</p>}
      {keys &&
        IDENTITIES.map((identity) => (
          <div key={identity}>
            <h3 id={`${tableId(identity)}-heading`}>{t.keyIdentities[identity]}</h3>
            <div class="table-wrap">
              <table id={tableId(identity)} aria-labelledby={`${tableId(identity)}-heading`}>
                <ColumnHeads columns={t.keyColumns} />
                <tbody>
                  {keys
                    .filter((k) => k.identity === identity)
                    .map((k) => (
                      <tr key={k.kid} data-state={k.state}>
                        <td class="did">{k.kid}</td>
                        <td>{t.keyStates[k.state]}</td>
                        <td>{k.addedAt ?? t.keyBeforeHistory}</td>
                        <td>{k.revokedAt ?? '—'}</td>
                        <td>{k.compromisedSince ?? '—'}</td>
                        <td>
                          {k.state !== 'revoked' && activeOf(identity) > 1 && (
                            <button type="button" class="danger" aria-label={t.revokeKey(k.kid)} onClick={() => ask({ action: 'revoke', key: k })}>
                              {t.revoke}
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
            <button type="button" class="key-rotate" id={`rotate-${identity}`} onClick={() => ask({ action: 'rotate', identity })}>
              {t.rotateKey}
            </button>
          </div>
        ))}
      <Outcome outcome={outcome} id="keys-outcome" />
      {asking?.action === 'rotate' && (
        <ConfirmDialog title={t.rotateTitle(t.keyIdentities[asking.identity])} text={t.rotateText} confirm={t.rotateKey} cancel={t.cancel} tone="primary" busy={busy} onConfirm={() => void confirm()} onClose={() => setAsking(undefined)} />
      )}
      {asking?.action === 'revoke' && (
        <ConfirmDialog title={t.revokeKeyTitle(asking.key.kid)} text={t.revokeKeyText} confirm={t.revoke} cancel={t.cancel} busy={busy} onConfirm={() => void confirm()} onClose={() => setAsking(undefined)}>
          <label for="compromised-since">{t.compromisedSince}</label>
          <input id="compromised-since" type="text" inputMode="text" autoComplete="off" value={since} aria-describedby="compromised-since-hint" onInput={(e) => setSince((e.currentTarget as HTMLInputElement).value)} />
          <p id="compromised-since-hint" class="hint">
            {t.compromisedHint}
          </p>
          {outcome && !outcome.ok && (
            <p class="error" role="alert">
              {outcome.text}
            </p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
