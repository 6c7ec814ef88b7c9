/**
 * The permit's QR code, made as the agent prints it (src/print/permit-qr.ts): a link to the
 * verifier page with the whole signed permit (CP3), or a reference (CPR1) when the permit is
 * too large, at error correction M with a 4-module quiet zone (src/qr/render.ts). No API
 * route serves the QR image, so it is drawn here from the permit's JWT with the same
 * `qrcode` package; the link's host is this console's origin, which is the agent's own URL
 * when the console is served by it (the printed code uses agent.yml's saiga.url). Loaded
 * on first view only: the QR encoder is the permit page's largest part.
 */
import { useEffect, useState } from 'preact/hooks';
import { useMessages } from '../../i18n.js';
import { PERMIT_MESSAGES } from './messages.js';

interface Drawn {
  kind: 'qr' | 'reference';
  text: string;
  image: string;
}

async function draw(jwt: string): Promise<Drawn> {
  const [{ encodePermitQrOrReference }, QRCode] = await Promise.all([import('../../../../src/qr/link.js'), import('qrcode')]);
  const versionOf = (text: string) => QRCode.create(text, { errorCorrectionLevel: 'M' }).version;
  const qr = await encodePermitQrOrReference(jwt, `${location.origin}/`, { versionOf });
  const image = await QRCode.toDataURL(qr.text, { errorCorrectionLevel: 'M', margin: 4, scale: 4 });
  return { kind: qr.kind, text: qr.text, image };
}

export function PermitQr({ jwt, permitNumber }: { jwt: string; permitNumber: string }) {
  const t = useMessages(PERMIT_MESSAGES);
  const [drawn, setDrawn] = useState<Drawn | undefined>();
  useEffect(() => {
    let live = true;
    void draw(jwt).then((d) => live && setDrawn(d));
    return () => {
      live = false;
    };
  }, [jwt]);
  if (!drawn) return <p role="status">…</p>;
  return (
    <figure class="qr" data-kind={drawn.kind}>
      <img src={drawn.image} alt={t.qrAlt(permitNumber)} id="permit-qr" />
      {drawn.kind === 'reference' && <figcaption>{t.qrReference}</figcaption>}
      <details>
        <summary>{t.qrText}</summary>
        <code class="qr-text" id="permit-qr-text">
          {drawn.text}
        </code>
      </details>
    </figure>
  );
}
