/**
 * Console users (GET/POST /api/users, POST /api/users/{id}/disable; src/http/routes/users.ts):
 * the list, a new account (the TOTP setup address is in the answer once and shown once), and
 * disabling with a confirmation. The server records each in the audit trail with the admin's name.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { useLoaded } from '../../loaded.js';
import { useMessages } from '../../i18n.js';
import { InlineConfirm, Outcome, Pending, refusal } from './common.js';
import { ADMIN_MESSAGES } from './messages.js';
import { ColumnHeads } from '../../ColumnHeads.js';

type RoleId = 'officer' | 'customs' | 'admin';
interface User {
  id: string;
  username: string;
  displayName: string;
  role: RoleId;
  totp: boolean;
  createdAt: string;
  disabledAt: string | null;
  lockedUntil: string | null;
}

const EMPTY = { username: '', displayName: '', role: 'officer' as RoleId, password: '', totp: false };

export function Users() {
  const t = useMessages(ADMIN_MESSAGES);
  const [form, setForm] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();
  const [totpUri, setTotpUri] = useState<string | undefined>();
  const [asking, setAsking] = useState<string | undefined>();

  const [users, load] = useLoaded(async () => {
    const r = await api<{ items: User[] }>('GET', '/api/users');
    return r.ok ? r.body.items : undefined;
  });

  const create = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await api<User & { totpUri?: string }>('POST', '/api/users', form);
    setBusy(false);
    if (!r.ok) return setOutcome({ ok: false, text: `${t.refused} ${refusal(r)}` });
    setOutcome({ ok: true, text: t.userCreated(r.body.username) });
    setTotpUri(r.body.totpUri);
    setForm(EMPTY);
    await load();
  };

  const disable = async (user: User) => {
    setAsking(undefined);
    const r = await api<User>('POST', `/api/users/${encodeURIComponent(user.id)}/disable`, {});
    setOutcome(r.ok ? { ok: true, text: t.disabledDone(user.username) } : { ok: false, text: `${t.refused} ${refusal(r)}` });
    await load();
  };

  const field = (name: 'username' | 'displayName' | 'password', label: string, hint?: string) => (
    <div class="field">
      <label for={`u-${name}`}>{label}</label>
      {hint && (
        <span class="hint" id={`u-${name}-hint`}>
          {hint}
        </span>
      )}
      <input
        id={`u-${name}`}
        {...({ type: name === 'password' ? 'password' : 'text' } as { type: 'text' })}
        autocomplete={name === 'password' ? 'new-password' : 'off'}
        required
        value={form[name]}
        aria-describedby={hint ? `u-${name}-hint` : undefined}
        onInput={(e) => setForm({ ...form, [name]: (e.currentTarget as HTMLInputElement).value })}
      />
    </div>
  );

  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t.users}</h2>
      <Outcome outcome={outcome} id="users-outcome" />
      {totpUri && (
        <div class="notice once">
          <label for="totp-uri">{t.totpUri}</label>
          <p class="hint">{t.totpUriHint}</p>
          <input id="totp-uri" readOnly value={totpUri} />
        </div>
      )}
      {users.kind !== 'ok' ? (
        <Pending loaded={users} t={t} />
      ) : (
        <div class="table-wrap">
          <table id="users">
            <ColumnHeads columns={t.userColumns} />
            <tbody>
              {users.value.map((u) => (
                <tr key={u.id} data-username={u.username}>
                  <td>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{t.roles[u.role]}</td>
                  <td>{u.totp ? 'TOTP' : '—'}</td>
                  <td>{u.createdAt}</td>
                  <td>{u.disabledAt ? t.disabled(u.disabledAt) : u.lockedUntil ? t.locked(u.lockedUntil) : t.active}</td>
                  <td>
                    {u.disabledAt === null &&
                      (asking === u.id ? (
                        <InlineConfirm id={`disable-${u.id}`} question={t.confirmDisable(u.username)} onYes={() => disable(u)} onCancel={() => setAsking(undefined)} />
                      ) : (
                        <button type="button" class="danger" aria-label={`${t.disable} ${u.username}`} onClick={() => setAsking(u.id)}>
                          {t.disable}
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form class="admin-form" onSubmit={create} aria-labelledby="new-user-title">
        <h3 id="new-user-title">{t.newUser}</h3>
        {field('username', t.username, t.usernameHint)}
        {field('displayName', t.displayName)}
        <div class="field">
          <label for="u-role">{t.role}</label>
          <select id="u-role" value={form.role} onChange={(e) => setForm({ ...form, role: (e.currentTarget as HTMLSelectElement).value as RoleId })}>
            {(['officer', 'customs', 'admin'] as const).map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        </div>
        {field('password', t.password, t.passwordHint)}
        <div class="check">
          <input id="u-totp" type="checkbox" checked={form.totp} onChange={(e) => setForm({ ...form, totp: (e.currentTarget as HTMLInputElement).checked })} />
          <label for="u-totp">{t.totp}</label>
        </div>
        <button type="submit" class="primary" disabled={busy}>
          {t.create}
        </button>
      </form>
    </section>
  );
}
