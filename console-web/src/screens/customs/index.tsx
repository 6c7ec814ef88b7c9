/**
 * /console/customs (issue 11 §3): a customs officer at the port scans a permit's QR code, sees
 * the public page's verdict (same core, same page modules: ./verify.ts), and then endorses the
 * export (boxes 14 and 15) for a permit of this authority, or confirms the import of a permit
 * from another country. Phone first: one column, large targets (./customs.css).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { VerificationResult } from '../../../../src/verify/index.js';
import { VERDICT_TEXT } from '../../../../verifier-web/src/verdict-texts.js';
import { ICON, TONE } from '../../../../verifier-web/src/verdict.js';
import { blockFacts } from '../../../../verifier-web/src/permit-view.js';
import { segmentsText } from '../../../../verifier-web/src/segments.js';
import { codeMessage, fill, formatDate, UI } from '../../../../verifier-web/src/i18n.js';
import { checkDetail } from '../../../../verifier-web/src/check-details.js';
import { openCamera } from '../../../../verifier-web/src/camera.js';
import type { CameraScan } from '../../../../verifier-web/src/scanner.js';
import { useLang, useMessages } from '../../i18n.js';
import { CUSTOMS_MESSAGES } from './messages.js';
import { verifyText, type Outcome } from './verify.js';
import { ShipmentForm } from './ShipmentForm.js';
import './customs.css';

/** The decoder (barcode-detector, zxing wasm) is loaded only when the camera is used. */
const scanner = () => import('../../../../verifier-web/src/scanner.js');

export default function CustomsScreen() {
  const t = useMessages(CUSTOMS_MESSAGES);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [text, setText] = useState('');
  const [scannedText, setScannedText] = useState('');
  const [busy, setBusy] = useState(false);
  const [cameraOn, setCameraOn] = useState(false);
  const [cameraFailed, setCameraFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const scan = useRef<CameraScan | undefined>(undefined);
  const run = useRef(0);

  useEffect(() => () => scan.current?.stop(), []);

  /** `again`: the same permit verified again after a signature; its verdict and form stay until the new verdict. */
  async function check(input: string, again = false) {
    const mine = ++run.current;
    setBusy(true);
    if (!again) setOutcome(undefined);
    setScannedText(input);
    const found = await verifyText(input).catch((e: unknown): Outcome => ({ type: 'page-error', verdict: { kind: 'invalid', code: 'VERIFIER_FAILED' }, detail: e instanceof Error ? e.message : String(e) }));
    if (mine !== run.current) return;
    setOutcome(found);
    setBusy(false);
  }

  async function startCamera() {
    setCameraFailed(false);
    const decoder = scanner();
    let stream: MediaStream;
    try {
      stream = await openCamera();
    } catch {
      setCameraFailed(true);
      return;
    }
    setCameraOn(true);
    const { scanStream } = await decoder;
    scan.current = scanStream(stream, video.current!, (code) => {
      setCameraOn(false);
      scan.current = undefined;
      void check(code);
    });
  }

  function stopCamera() {
    scan.current?.stop();
    scan.current = undefined;
    setCameraOn(false);
  }

  return (
    <div class="customs">
      <h1 id="screen-title">{t.title}</h1>
      <p>{t.intro}</p>
      <section class="customs-scan" aria-labelledby="screen-title">
        <div class="customs-camera" hidden={!cameraOn}>
          <video ref={video} class="customs-video" muted playsInline aria-label={t.cameraHint} />
          <p class="customs-hint">{t.cameraHint}</p>
        </div>
        {cameraOn ? (
          <button type="button" class="customs-big secondary" onClick={stopCamera}>
            {t.stopCamera}
          </button>
        ) : (
          <button type="button" class="customs-big" id="customs-scan" onClick={() => void startCamera()} onPointerEnter={() => void scanner().then((s) => s.warmUp())}>
            {t.scan}
          </button>
        )}
        {cameraFailed && (
          <p class="customs-error" role="alert">
            {t.cameraFailed}
          </p>
        )}
        <form
          class="customs-paste"
          onSubmit={(e) => {
            e.preventDefault();
            void check(text);
          }}
        >
          <label for="customs-paste">{t.pasteLabel}</label>
          <textarea id="customs-paste" rows={3} value={text} aria-describedby="customs-paste-hint" onInput={(e) => setText(e.currentTarget.value)} />
          <p id="customs-paste-hint" class="customs-hint">
            {t.pasteHint}
          </p>
          <button type="submit" disabled={busy}>
            {t.verify}
          </button>
        </form>
      </section>
      {busy && (
        <p class="customs-checking" role="status">
          {t.verifying}
        </p>
      )}
      {outcome && <VerdictView outcome={outcome} />}
      {outcome?.type === 'result' && outcome.result.permit?.permitNumber && (
        <ShipmentForm
          key={outcome.result.permit.permitNumber}
          result={outcome.result}
          onSigned={() => void check(scannedText, true)}
        />
      )}
    </div>
  );
}

function VerdictView({ outcome }: { outcome: Outcome }) {
  const lang = useLang();
  const t = useMessages(CUSTOMS_MESSAGES);
  const ui = UI[lang];
  const words = VERDICT_TEXT[lang];
  const verdict = outcome.verdict;
  const result: VerificationResult | undefined = outcome.type === 'result' ? outcome.result : undefined;
  const e = result?.endorsement;
  const i = result?.imported;
  const title =
    verdict.kind === 'used' && e
      ? fill(words.usedTitle, { date: formatDate(e.date, lang), port: e.portOfExport })
      : verdict.kind === 'imported' && i
        ? fill(words.importedTitle, { date: formatDate(i.date, lang), port: i.portOfImport })
        : words.verdicts[verdict.kind].title;
  const facts: string[] = [];
  if (result?.permit?.permitNumber) facts.push(fill(ui.permitNumber, { number: result.permit.permitNumber }));
  if (verdict.code && verdict.kind === 'invalid') facts.push(codeMessage(lang, verdict.code).text);
  if (result) facts.push(...blockFacts(result, lang).map(segmentsText));
  if (outcome.type !== 'result' && outcome.detail) facts.push(outcome.detail);
  const now = Date.now();
  return (
    <section class={`verdict tone-${TONE[verdict.kind]}`} id="verdict" data-verdict={verdict.kind} data-code={verdict.code} aria-live="polite">
      <p class="verdict-icon" id="verdict-icon" aria-hidden="true">
        {ICON[verdict.kind]}
      </p>
      <h2 id="verdict-title">{title}</h2>
      {words.verdicts[verdict.kind].detail && <p>{words.verdicts[verdict.kind].detail}</p>}
      <ul class="verdict-facts">
        {facts.map((f) => (
          <li key={f}>
            <bdi>{f}</bdi>
          </li>
        ))}
      </ul>
      {result && result.checks.length > 0 && (
        <details class="customs-checks">
          <summary>{t.checks}</summary>
          <ul>
            {result.checks.map((c) => (
              <li key={c.check} data-check={c.check} data-code={c.code}>
                <strong>{ui.checkNames[c.check] ?? c.check}</strong> — {c.ok ? t.passed : t.failed}. <bdi>{segmentsText(checkDetail(c, result, lang, now).text)}</bdi>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
