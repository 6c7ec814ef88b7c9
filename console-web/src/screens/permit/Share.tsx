/**
 * "Share with the holder" (issue 12 §1) on the permit page: an optional e-mail address, a
 * button that makes a holder link (POST /api/permits/{n}/share), the link shown this once
 * with a copy button, and the permit's links (GET …/shares) with Withdraw through a modal
 * confirmation (POST /api/holder-links/{id}/revoke). The server decides and audits each.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { useMessages } from '../../i18n.js';
import type { IssuedLink } from './issued-link.js';
import { SHARE_MESSAGES } from './share-messages.js';

interface LinkView {
  id: string;
  createdAt: string;
  createdBy: string;
  expiresAt: string;
  state: 'active' | 'revoked' | 'expired';
  email?: string;
}

function ConfirmRevoke({ busy, onConfirm, onClose }: { busy: boolean; onConfirm: () => void; onClose: () => void }) {
  const t = useMessages(SHARE_MESSAGES);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    return () => dialog.open && dialog.close();
  }, []);
  return (
    <dialog ref={ref} class="confirm" aria-labelledby="revoke-link-title" aria-describedby="revoke-link-text" onClose={onClose}>
      <h2 id="revoke-link-title">{t.confirmTitle}</h2>
      <p id="revoke-link-text">{t.confirmText}</p>
      <div class="row">
        <button type="button" class="danger" id="confirm-revoke-link" disabled={busy} onClick={onConfirm}>
          {t.confirm}
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          {t.cancel}
        </button>
      </div>
    </dialog>
  );
}

/** `issued`: the link made with the permit at issue (./issued-link.ts), shown as one made here. */
export function ShareWithHolder({ permitNumber, canShare, issued }: { permitNumber: string; canShare: boolean; issued?: IssuedLink }) {
  const t = useMessages(SHARE_MESSAGES);
  const path = `/api/permits/${encodeURIComponent(permitNumber)}`;
  const [email, setEmail] = useState('');
  const [links, setLinks] = useState<LinkView[] | undefined>();
  const [made, setMade] = useState<IssuedLink | undefined>(issued);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const [emailError, setEmailError] = useState<string | undefined>();
  const [revoking, setRevoking] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const listed = await api<{ items: LinkView[] }>('GET', `${path}/shares`);
    setLinks(listed.ok ? listed.body.items : []);
  };
  useEffect(() => {
    void load();
  }, [permitNumber]);

  const share = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setEmailError(undefined);
    const result = await api<{ url: string; mailed: boolean; mailError?: { code: string; message: string } }>('POST', `${path}/share`, email.trim() === '' ? {} : { email: email.trim() });
    setBusy(false);
    if (!result.ok) {
      if (result.path === '/email') setEmailError(result.message);
      return setMessage({ ok: false, text: `${t.refused} ${result.message || result.code}` });
    }
    setMade({ url: result.body.url, mailed: result.body.mailed, ...(result.body.mailError && { mailError: result.body.mailError }) });
    setMessage(undefined);
    setEmail('');
    await load();
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made!.url);
      setMessage({ ok: true, text: t.copied });
    } catch {
      setMessage({ ok: false, text: t.copyFailed });
    }
  };

  const revoke = async (id: string) => {
    setBusy(true);
    const result = await api('POST', `/api/holder-links/${encodeURIComponent(id)}/revoke`, {});
    setBusy(false);
    setRevoking(undefined);
    setMessage(result.ok ? { ok: true, text: t.revoked } : { ok: false, text: `${t.refused} ${result.message || result.code}` });
    await load();
  };

  return (
    <section aria-labelledby="share-title" class="share">
      <h2 id="share-title">{t.title}</h2>
      <p>{t.intro}</p>
      {canShare && (
        <form onSubmit={share} class="stack" noValidate>
          <label for="share-email">{t.email}</label>
          <input
            id="share-email"
            type="email"
            autoComplete="off"
            value={email}
            maxLength={254}
            aria-invalid={emailError ? 'true' : undefined}
            aria-describedby={emailError ? 'share-email-hint share-email-error' : 'share-email-hint'}
            onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
          />
          <p id="share-email-hint" class="hint">
            {t.emailHint}
          </p>
          {emailError && (
            <p id="share-email-error" class="error">
              {emailError}
            </p>
          )}
          <div class="row">
            <button type="submit" class="primary" id="share-button" disabled={busy}>
              {t.share}
            </button>
          </div>
        </form>
      )}
      {made && (
        <div class="share-made">
          <p id="share-url-label">{t.linkOnce}</p>
          <input id="share-url" aria-labelledby="share-url-label" readOnly value={made.url} onFocus={(e) => (e.currentTarget as HTMLInputElement).select()} />
          <div class="row">
            <button type="button" id="share-copy" onClick={copy}>
              {t.copy}
            </button>
          </div>
          <p>{made.mailed ? t.mailed : t.notMailed}</p>
          {/* The agent's reason, in English (MAIL_CODES), with its code. */}
          {made.mailError && (
            <p id="share-mail-error" class="error" lang="en" data-code={made.mailError.code}>
              {made.mailError.message}
            </p>
          )}
        </div>
      )}
      <div role="status" aria-live="polite" id="share-outcome" class={message ? (message.ok ? 'ok' : 'error') : undefined}>
        {message?.text}
      </div>
      <h3>{t.links}</h3>
      {links && links.length === 0 && <p id="share-none">{t.none}</p>}
      {links && links.length > 0 && (
        <table id="share-links">
          <thead>
            <tr>
              <th scope="col">{t.created}</th>
              <th scope="col">{t.by}</th>
              <th scope="col">{t.expires}</th>
              <th scope="col">{t.state}</th>
              <th scope="col">
                <span class="visually-hidden">{t.revoke}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id} data-link={l.id} data-state={l.state}>
                <td>
                  {l.createdAt.slice(0, 16).replace('T', ' ')}
                  {l.email && <span class="line">{l.email}</span>}
                </td>
                <td>{l.createdBy}</td>
                <td>{l.expiresAt.slice(0, 10)}</td>
                <td>{t.states[l.state]}</td>
                <td>
                  {canShare && l.state === 'active' && (
                    <button type="button" class="danger" data-revoke-link={l.id} onClick={() => setRevoking(l.id)}>
                      {t.revoke}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {revoking && <ConfirmRevoke busy={busy} onConfirm={() => revoke(revoking)} onClose={() => setRevoking(undefined)} />}
    </section>
  );
}
