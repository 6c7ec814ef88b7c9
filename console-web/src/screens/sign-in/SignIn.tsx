/**
 * Sign-in (issue 11 §1): username, password and, for accounts that have one, the TOTP code.
 * The server gives one answer for every failure (AUTH_SIGN_IN_FAILED), so the screen cannot
 * tell an attacker which part was wrong either.
 */
import { useState } from 'preact/hooks';
import { api } from '../../api.js';
import { useMessages } from '../../i18n.js';
import type { Session } from '../../session.js';
import { SIGN_IN_MESSAGES } from './messages.js';

export function SignIn({ onSignedIn, notice }: { onSignedIn: (session: Session) => void; notice?: string }) {
  const t = useMessages(SIGN_IN_MESSAGES);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const body: Record<string, string> = { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') };
    const totp = String(form.get('totp') ?? '').trim();
    if (totp !== '') body.totp = totp;
    setBusy(true);
    setError(undefined);
    const result = await api<Session>('POST', '/api/session', body);
    setBusy(false);
    if (result.ok) return onSignedIn(result.body);
    setError(result.status === 0 ? t.network : result.status === 429 ? t.tooMany : t.failed);
  };

  return (
    <main id="main" class="sign-in">
      <h1 id="screen-title">{t.title}</h1>
      <p>{t.intro}</p>
      {notice && <p class="notice" role="status">{notice}</p>}
      <form onSubmit={submit} class="stack" aria-describedby={error ? 'sign-in-error' : undefined}>
        <label for="username">{t.username}</label>
        <input id="username" name="username" autocomplete="username" required autoFocus />
        <label for="password">{t.password}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <label for="totp">{t.totp}</label>
        <input id="totp" name="totp" inputMode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" aria-describedby="totp-hint" />
        <p id="totp-hint" class="hint">{t.totpHint}</p>
        {error && (
          <p id="sign-in-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t.signingIn : t.submit}
        </button>
      </form>
    </main>
  );
}
