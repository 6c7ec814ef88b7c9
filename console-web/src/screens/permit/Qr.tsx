/**
 * The permit's QR code, the one the agent prints (GET /api/permits/{number}/qr, made by
 * src/print/permit-qr.ts): a link to the agent's verifier page with the whole signed permit
 * (CP3), or a reference (CPR1) when the permit is too large. The agent draws it, so the
 * screen shows the printed code itself and the console carries no QR encoder.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { useMessages } from '../../i18n.js';
import { PERMIT_MESSAGES } from './messages.js';

interface PrintedQr {
  kind: 'qr' | 'reference';
  text: string;
  svg: string;
}

export function PermitQr({ permitNumber }: { permitNumber: string }) {
  const t = useMessages(PERMIT_MESSAGES);
  const [qr, setQr] = useState<PrintedQr | null | undefined>();
  useEffect(() => {
    let live = true;
    void api<PrintedQr>('GET', `/api/permits/${encodeURIComponent(permitNumber)}/qr`).then((r) => live && setQr(r.ok ? r.body : null));
    return () => {
      live = false;
    };
  }, [permitNumber]);
  if (qr === undefined) return <p role="status">…</p>;
  if (qr === null) return <p role="alert">{t.qrUnavailable}</p>;
  return (
    <figure class="qr" data-kind={qr.kind}>
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr.svg)}`} alt={t.qrAlt(permitNumber)} id="permit-qr" />
      {qr.kind === 'reference' && <figcaption>{t.qrReference}</figcaption>}
      <details>
        <summary>{t.qrText}</summary>
        <code class="qr-text" id="permit-qr-text">
          {qr.text}
        </code>
      </details>
    </figure>
  );
}
