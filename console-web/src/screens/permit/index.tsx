/**
 * The permit page (issue 11 §2): the permit box by box, its state and history, the export
 * endorsement and import confirmation, the QR code, the PDF in English, French and Spanish,
 * and revoke, suspend, reinstate with a reason and a confirmation step. The server decides
 * every action (officer role, src/http/routes/lifecycle.ts) and records it in the audit
 * trail with the signed-in person's name; a refusal is shown as the API's plain message.
 */
import { useEffect, useState } from 'preact/hooks';
import { lazy } from 'preact-iso';
import { FORM_LABELS } from '../../../../src/print/labels.js';
import type { RevocationReason } from '../../../../src/vocab/public-record.js';
import { api, download } from '../../api.js';
import { useLang, useMessages } from '../../i18n.js';
import { useSession } from '../../session.js';
import { Boxes, coded } from './Boxes.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { takeIssuedLink } from './issued-link.js';
import { ShareWithHolder } from './Share.js';
import { PERMIT_MESSAGES, type LifeAction } from './messages.js';
import type { PermitStatus, StoredPermit } from './types.js';
import './permit.css';

const PermitQr = lazy(() => import('./Qr.js').then((m) => m.PermitQr));

type Loaded = { kind: 'loading' } | { kind: 'missing' } | { kind: 'ok'; permit: StoredPermit; status: PermitStatus };

/** The actions a state allows (src/status/changes.ts refuses the others anyway). */
const ALLOWED: Record<PermitStatus['state'], LifeAction[]> = { valid: ['suspend', 'revoke'], suspended: ['reinstate', 'revoke'], revoked: [] };

export default function PermitScreen({ number }: { number: string }) {
  const t = useMessages(PERMIT_MESSAGES);
  const lang = useLang();
  const { user } = useSession();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [asking, setAsking] = useState<LifeAction | undefined>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | undefined>();
  const path = `/api/permits/${encodeURIComponent(number)}`;
  // Taken once per permit number: a reload or another visit no longer shows the link.
  const [issued] = useState(() => takeIssuedLink(number));

  const load = async () => {
    const [permit, status] = await Promise.all([api<StoredPermit>('GET', path), api<PermitStatus>('GET', `${path}/status`)]);
    if (!permit.ok || !status.ok) return setLoaded({ kind: 'missing' });
    setLoaded({ kind: 'ok', permit: permit.body, status: status.body });
  };
  useEffect(() => {
    void load();
  }, [number]);

  const change = async (action: LifeAction, reason: string) => {
    setBusy(true);
    const result = await api<PermitStatus>('POST', `${path}/${action}`, reason === '' ? {} : { reason });
    setBusy(false);
    setAsking(undefined);
    if (result.ok) {
      setOutcome({ ok: true, text: t.done[action] });
      await load();
    } else {
      const details = result.errors.map((e) => e.message).join(' ');
      setOutcome({ ok: false, text: `${t.refused} ${details || result.message || result.code}` });
    }
  };

  const pdf = async (pdfLang: 'en' | 'fr' | 'es') => {
    const file = await download(`${path}/pdf?lang=${pdfLang}`);
    if (!file.ok) return setOutcome({ ok: false, text: t.pdfFailed });
    const url = URL.createObjectURL(file.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${number}-${pdfLang}.pdf`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  if (loaded.kind !== 'ok') {
    return (
      <>
        <h1 id="screen-title">{t.title(number)}</h1>
        <p role="status">{loaded.kind === 'loading' ? t.loading : t.notFound}</p>
      </>
    );
  }
  const { permit, status } = loaded;
  const isOfficer = user.role === 'officer';
  const endorsed = status.endorsement?.endorsement;
  const imported = status.importConfirmation?.confirmation;
  return (
    <>
      <h1 id="screen-title">{t.title(number)}</h1>
      <p class="state-line">
        {t.state}:{' '}
        <strong id="permit-state" data-state={permit.state} class={`state state-${permit.state}`}>
          {t.states[permit.state]}
        </strong>
        {status.revocation && <span id="revocation"> · {t.revokedBecause(t.revocationReasons[status.revocation.reason as RevocationReason] ?? status.revocation.reason, status.revocation.date)}</span>}
        {status.replacedBy && (
          <span>
            {' '}
            · {t.replacedBy} <a href={`/console/permits/${encodeURIComponent(status.replacedBy)}`}>{status.replacedBy}</a>
          </span>
        )}
      </p>
      <div role="status" aria-live="polite" id="permit-outcome" class={outcome ? (outcome.ok ? 'ok' : 'error') : undefined}>
        {outcome?.text}
      </div>

      {isOfficer && (
        <section aria-labelledby="actions-title" class="actions">
          <h2 id="actions-title">{t.change}</h2>
          <div class="row">
            {ALLOWED[status.state].map((action) => (
              <button key={action} type="button" class={action === 'reinstate' ? 'primary' : 'danger'} data-action={action} onClick={() => setAsking(action)}>
                {t.buttons[action]}
              </button>
            ))}
            <a class="button-link" href={`/console/issue?replaces=${encodeURIComponent(number)}`} id="replace">
              {t.replace}
            </a>
          </div>
          <p class="hint">{t.replaceHint}</p>
          <h2>{t.pdf}</h2>
          <div class="row">
            {(['en', 'fr', 'es'] as const).map((l) => (
              <button key={l} type="button" data-pdf={l} onClick={() => pdf(l)}>
                {t.pdfIn[l]}
              </button>
            ))}
          </div>
        </section>
      )}
      {asking && <ConfirmDialog action={asking} permitNumber={number} busy={busy} onConfirm={(reason) => change(asking, reason)} onClose={() => setAsking(undefined)} />}

      <div class="permit-layout">
        <section aria-labelledby="boxes-title" class="permit-boxes">
          <h2 id="boxes-title">{t.boxes}</h2>
          <Boxes permit={permit.permit} />
        </section>
        <section aria-labelledby="qr-title" class="permit-qr">
          <h2 id="qr-title">{t.qr}</h2>
          <PermitQr permitNumber={number} />
        </section>
      </div>

      <ShareWithHolder key={number} permitNumber={number} canShare={isOfficer} issued={issued} />

      <section aria-labelledby="endorsement-title">
        <h2 id="endorsement-title">{t.endorsement}</h2>
        {endorsed ? (
          <dl class="facts" id="endorsement">
            {endorsed.blocks.map((b) => (
              <div key={b.block}>
                <dt>{t.blockQuantity(b.block)}</dt>
                <dd>
                  {b.quantity} {coded('unit', b.unit, lang)}
                </dd>
              </div>
            ))}
            <div>
              <dt>{FORM_LABELS[lang].portOfExport}</dt>
              <dd>{endorsed.portOfExport}</dd>
            </div>
            <div>
              <dt>{t.when}</dt>
              <dd>{endorsed.date}</dd>
            </div>
            <div>
              <dt>{t.officer}</dt>
              <dd>{endorsed.officer}</dd>
            </div>
            <div>
              <dt>{FORM_LABELS[lang].transportDocument}</dt>
              <dd>{endorsed.transportDocument}</dd>
            </div>
          </dl>
        ) : (
          <p id="endorsement">{t.noEndorsement}</p>
        )}
      </section>

      <section aria-labelledby="import-title">
        <h2 id="import-title">{t.importConfirmation}</h2>
        {imported ? (
          <dl class="facts" id="import-confirmation">
            {imported.blocks.map((b) => (
              <div key={b.block}>
                <dt>{t.blockQuantity(b.block)}</dt>
                <dd>
                  {b.quantity} {coded('unit', b.unit, lang)}
                </dd>
              </div>
            ))}
            <div>
              <dt>{t.portOfImport}</dt>
              <dd>{imported.portOfImport}</dd>
            </div>
            <div>
              <dt>{t.when}</dt>
              <dd>{imported.date}</dd>
            </div>
            <div>
              <dt>{t.officer}</dt>
              <dd>{imported.officer}</dd>
            </div>
          </dl>
        ) : (
          <p id="import-confirmation">{t.noImportConfirmation}</p>
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t.history}</h2>
        <table id="history">
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.action}</th>
              <th scope="col">{t.by}</th>
              <th scope="col">{t.reason}</th>
            </tr>
          </thead>
          <tbody>
            {status.history.map((e, i) => (
              <tr key={i} data-action={e.action}>
                <td>{e.at}</td>
                <td>{t.actions[e.action]}</td>
                <td>{e.actor}</td>
                <td>{e.action === 'revoke' && e.reason !== null ? (t.revocationReasons[e.reason as RevocationReason] ?? e.reason) : (e.reason ?? '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

