/**
 * API tokens (GET/POST /api/tokens, POST /api/tokens/{id}/revoke; src/http/routes/tokens.ts):
 * the list (never a secret), a new token shown once (the API answers it once, no-store), and
 * revoking with a confirmation. The server records each in the audit trail with the admin's name.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { useLoaded } from '../../loaded.js';
import { useMessages } from '../../i18n.js';
import { InlineConfirm, Outcome, Pending, refusal } from './common.js';
import { ADMIN_MESSAGES } from './messages.js';
import { ColumnHeads } from '../../ColumnHeads.js';

type RoleId = 'officer' | 'customs' | 'admin';
interface Token {
  id: string;
  role: RoleId;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

const EMPTY = { name: '', role: 'officer' as RoleId, expires: '' };

export function Tokens() {
  const t = useMessages(ADMIN_MESSAGES);
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();
  const [secret, setSecret] = useState<string | undefined>();
  const [asking, setAsking] = useState<string | undefined>();

  const [tokens, load] = useLoaded(async () => {
    const r = await api<{ items: Token[] }>('GET', '/api/tokens');
    return r.ok ? r.body.items : undefined;
  });

  const create = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const body = { name: form.name, role: form.role, ...(form.expires.trim() !== '' && { expires: form.expires.trim() }) };
    const r = await api<Token & { token: string }>('POST', '/api/tokens', body);
    setBusy(false);
    if (!r.ok) {
      setSecret(undefined);
      return setOutcome({ ok: false, text: `${t.refused} ${refusal(r)}` });
    }
    setOutcome({ ok: true, text: t.tokenCreated(r.body.name) });
    setSecret(r.body.token);
    setForm(EMPTY);
    await load();
  };

  const revoke = async (token: Token) => {
    setAsking(undefined);
    const r = await api<Token>('POST', `/api/tokens/${encodeURIComponent(token.id)}/revoke`, {});
    setOutcome(r.ok ? { ok: true, text: t.revokedDone(token.name) } : { ok: false, text: `${t.refused} ${refusal(r)}` });
    await load();
  };

  return (
    <section aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t.tokens}</h2>
      <Outcome outcome={outcome} id="tokens-outcome" />
      {secret && (
        <div class="notice once">
          <label for="new-token">{t.tokenOnce}</label>
          <input id="new-token" readOnly value={secret} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
        </div>
      )}
      {tokens.kind !== 'ok' ? (
        <Pending loaded={tokens} t={t} />
      ) : (
        <div class="table-wrap">
          <table id="tokens">
            <ColumnHeads columns={t.tokenColumns} />
            <tbody>
              {tokens.value.map((k) => (
                <tr key={k.id} data-token={k.id}>
                  <td>{k.name}</td>
                  <td>{t.roles[k.role]}</td>
                  <td>{k.createdAt}</td>
                  <td>{k.expiresAt ?? t.never}</td>
                  <td>{k.revokedAt ? t.revokedAt(k.revokedAt) : t.valid}</td>
                  <td>
                    {k.revokedAt === null &&
                      (asking === k.id ? (
                        <InlineConfirm id={`revoke-${k.id}`} question={t.confirmRevoke(k.name)} onYes={() => revoke(k)} onCancel={() => setAsking(undefined)} />
                      ) : (
                        <button type="button" class="danger" aria-label={`${t.revoke} ${k.name}`} onClick={() => setAsking(k.id)}>
                          {t.revoke}
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form class="admin-form" onSubmit={create} aria-labelledby="new-token-title">
        <h3 id="new-token-title">{t.newToken}</h3>
        <div class="field">
          <label for="k-name">{t.holder}</label>
          <span class="hint" id="k-name-hint">
            {t.holderHint}
          </span>
          <input id="k-name" required value={form.name} aria-describedby="k-name-hint" onInput={(e) => setForm({ ...form, name: (e.currentTarget as HTMLInputElement).value })} />
        </div>
        <div class="field">
          <label for="k-role">{t.role}</label>
          <select id="k-role" value={form.role} onChange={(e) => setForm({ ...form, role: (e.currentTarget as HTMLSelectElement).value as RoleId })}>
            {(['officer', 'customs', 'admin'] as const).map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="k-expires">{t.expires}</label>
          <span class="hint" id="k-expires-hint">
            {t.expiresHint}
          </span>
          <input id="k-expires" value={form.expires} aria-describedby="k-expires-hint" onInput={(e) => setForm({ ...form, expires: (e.currentTarget as HTMLInputElement).value })} />
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {t.create}
        </button>
      </form>
    </section>
  );
}
