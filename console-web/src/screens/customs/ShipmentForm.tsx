/**
 * What customs records for a verified permit (issue 11 §3): for a permit of this authority,
 * the export endorsement (boxes 14 and 15: per block the quantity exported, the port of
 * export, the date, the transport document), POST /api/permits/:number/endorsements; for a
 * permit of another country, the import confirmation, POST /api/imports/confirmations. The
 * server signs, checks every rule (src/endorsement/validate.ts) and audits the officer's name.
 *
 * A double tap never signs twice: the submission is refused here while one is in flight
 * (a ref, so that even a second click before the next render is ignored), and the server
 * refuses a second endorsement anyway (ALREADY_ENDORSED), which is shown as any refusal.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { VerificationResult } from '../../../../src/verify/index.js';
import { formatNumber } from '../../../../verifier-web/src/i18n.js';
import { api, type Finding } from '../../api.js';
import { useLang, useMessages } from '../../i18n.js';
import { CUSTOMS_MESSAGES } from './messages.js';
import { refusal } from './refusals.js';

/** Box 14's date: today (UTC, as the server's DATE_IN_FUTURE rule reads it). */
const today = () => new Date().toISOString().slice(0, 10);

/** A UN/LOCODE example per likely country; else the country and three letters. */
const EXAMPLE_PORT: Record<string, string> = { LK: 'LKCMB', CH: 'CHZRH', FR: 'FRCDG', ES: 'ESMAD', GB: 'GBLHR', US: 'USJFK', DE: 'DEFRA' };

type Side = { kind: 'loading' } | { kind: 'export'; country: string } | { kind: 'import'; country: string; issuer: string };

type Answer = { ok: true } | { ok: false; refusals: Finding[]; network: boolean };

export function ShipmentForm({ result, onSigned }: { result: VerificationResult; onSigned: () => void }) {
  const t = useMessages(CUSTOMS_MESSAGES);
  const lang = useLang();
  const permit = result.permit!;
  const [side, setSide] = useState<Side>({ kind: 'loading' });
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const [port, setPort] = useState('');
  const [date, setDate] = useState(today());
  const [transport, setTransport] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | undefined>();
  const inFlight = useRef(false);

  useEffect(() => {
    let live = true;
    // A permit this agent issued is endorsed here at export; any other is an import.
    void api(`GET`, `/api/permits/${encodeURIComponent(permit.permitNumber)}`).then((own) => {
      if (!live) return;
      const country = own.ok ? (result.issuer?.country ?? permit.exporter.country) : permit.importer.country;
      setSide(own.ok ? { kind: 'export', country } : { kind: 'import', country, issuer: result.credential?.issuer ?? '' });
      setPort((p) => p || country);
    });
    return () => {
      live = false;
    };
  }, [permit.permitNumber]);

  if (side.kind === 'loading') return null;
  const isExport = side.kind === 'export';

  async function submit(e: Event) {
    e.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setAnswer(undefined);
    const blocks = permit.specimens.map((s) => ({ block: s.block, quantity: Number(quantities[s.block] ?? '') }));
    const sent =
      side.kind === 'export'
        ? await api('POST', `/api/permits/${encodeURIComponent(permit.permitNumber)}/endorsements`, { blocks, portOfExport: port.trim().toUpperCase(), date, transportDocument: transport.trim() })
        : await api('POST', '/api/imports/confirmations', { issuer: side.kind === 'import' ? side.issuer : '', permitNumber: permit.permitNumber, blocks, portOfImport: port.trim().toUpperCase(), date });
    inFlight.current = false;
    setBusy(false);
    if (sent.ok) {
      setAnswer({ ok: true });
      onSigned();
      return;
    }
    const refusals = sent.errors.length > 0 ? sent.errors : sent.message ? [{ code: sent.code, message: sent.message }] : [];
    setAnswer({ ok: false, refusals, network: sent.status === 0 });
  }

  const portId = 'customs-port';
  return (
    <section class="customs-form" aria-labelledby="customs-form-title">
      <h2 id="customs-form-title">{isExport ? t.endorseTitle : t.importTitle}</h2>
      <p>{isExport ? t.endorseIntro : t.importIntro}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {permit.specimens.map((s) => {
          const id = `customs-qty-${s.block}`;
          return (
            <div class="customs-field" key={s.block}>
              <label for={id}>{fill(t.quantityLabel, { block: s.block, species: s.scientificName, permitted: `${formatNumber(s.quantity, lang)} ${s.unit}` })}</label>
              <input id={id} name={id} type="text" inputMode="decimal" autoComplete="off" required value={quantities[s.block] ?? ''} onInput={(ev) => setQuantities({ ...quantities, [s.block]: ev.currentTarget.value })} />
            </div>
          );
        })}
        <div class="customs-field">
          <label for={portId}>{isExport ? t.portOfExport : t.portOfImport}</label>
          <input id={portId} type="text" autoCapitalize="characters" autoComplete="off" maxLength={5} required aria-describedby="customs-port-hint" value={port} onInput={(ev) => setPort(ev.currentTarget.value.toUpperCase())} />
          <p id="customs-port-hint" class="customs-hint">
            {fill(t.portHint, { country: side.country, example: EXAMPLE_PORT[side.country] ?? `${side.country}XXX` })}
          </p>
        </div>
        <div class="customs-field">
          <label for="customs-date">{t.date}</label>
          <input id="customs-date" type="date" required max={today()} value={date} onInput={(ev) => setDate(ev.currentTarget.value)} />
        </div>
        {isExport && (
          <div class="customs-field">
            <label for="customs-transport">{t.transportDocument}</label>
            <input id="customs-transport" type="text" autoComplete="off" maxLength={70} required aria-describedby="customs-transport-hint" value={transport} onInput={(ev) => setTransport(ev.currentTarget.value)} />
            <p id="customs-transport-hint" class="customs-hint">
              {t.transportHint}
            </p>
          </div>
        )}
        <button type="submit" class="customs-big" id="customs-submit" disabled={busy} aria-disabled={busy}>
          {busy ? (isExport ? t.endorsing : t.confirming) : isExport ? t.endorse : t.confirmImport}
        </button>
      </form>
      <div role="status" aria-live="polite" id="customs-answer">
        {answer?.ok && <p class="customs-ok">{fill(isExport ? t.endorsed : t.importConfirmed, { number: permit.permitNumber })}</p>}
        {answer && !answer.ok && (
          <div class="customs-error">
            <p>
              <strong>{t.refused}</strong> {answer.network ? t.network : ''}
            </p>
            <ul>
              {answer.refusals.map((f) => {
                const r = refusal(f, lang);
                return (
                  <li key={`${f.code}${f.path ?? ''}`} data-code={r.code}>
                    <span class="refusal-text" lang={r.translated ? undefined : 'en'}>
                      {r.text}
                    </span>
                    {r.detail && (
                      <span class="refusal-detail" lang="en">
                        {r.detail}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
}
