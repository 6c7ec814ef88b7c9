/**
 * The issue form (issue 11 §2): the CITES standard form box by box (Res. Conf. 12.3 Annex 2),
 * posted to POST /api/permits. The agent's findings come back with JSON pointers and are
 * shown at their field, errors apart from warnings, with a summary that links to each;
 * focus goes to the first error. On success the officer lands on the permit's page.
 * "Preview PDF" posts the same request to POST /api/permits/preview (preview.ts), and its
 * refusals are shown by the same code; ?replaces=N makes the permit a replacement of N
 * (replacement.tsx).
 */
import { useLocation } from 'preact-iso';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PermitRequest } from '../../../../src/permit/model.js';
import { api, type Finding } from '../../api.js';
import { LANGS, LANGUAGE_NAMES, useLang, useMessages, type Lang } from '../../i18n.js';
import { deleteDraft, listDrafts, openDraft as readDraft, saveDraft, type DraftSummary } from './drafts.js';
import { Field, placeOf, type FindingsAt } from './fields.js';
import {
  type BlockForm, type FormState, emptyBlock, emptyForm, fieldId, fromRequest, needsImportPermit, showsAcquisitionDate,
  showsImportPermit, showsLastReExport, showsOperationNumber, showsOrigin, toRequest,
} from './form-state.js';
import { MESSAGES } from './messages.js';
import { pickers } from './options.js';
import { requestPreview, startDownload } from './preview.js';
import { keepIssuedLink, type IssuedLink } from '../permit/issued-link.js';
import { isReplaceRefusal, loadReplaced, ReplacementBox, replacesOf, type Replacing } from './replacement.js';
import './issue.css';

const letter = (index: number): string => String.fromCharCode(65 + index);

interface Summary { errors: Finding[]; warnings: Finding[]; message: string }

export default function IssueScreen() {
  const t = useMessages(MESSAGES);
  const lang = useLang();
  const pick = pickers(lang);
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [form, setForm] = useState<FormState>(emptyForm);
  const [at, setAt] = useState<FindingsAt>({});
  const [summary, setSummary] = useState<Summary | undefined>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [drafts, setDrafts] = useState<DraftSummary[]>([]);
  const [draftName, setDraftName] = useState('');
  const [chosenDraft, setChosenDraft] = useState('');
  const [sourceNumber, setSourceNumber] = useState('');
  const [focusTick, setFocusTick] = useState(0);
  const [replacing, setReplacing] = useState<Replacing | undefined>();
  const [previewLang, setPreviewLang] = useState<Lang>(lang);
  const [previewUrl, setPreviewUrl] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const [holderEmail, setHolderEmail] = useState('');
  const [holderLang, setHolderLang] = useState<Lang>(lang);
  const replacesParam = (location.query as Record<string, string | undefined>).replaces;

  // /console/issue?replaces=N (the permit page's "Replace"): start from N's boxes, as "copy its boxes" does.
  useEffect(() => {
    setReplacing(undefined);
    if (!replacesParam) return;
    let current = true;
    void loadReplaced(replacesParam).then(({ replacing: loaded, request }) => {
      if (!current) return;
      if (request) setForm(fromRequest(request));
      setReplacing(loaded);
      clearFindings();
    });
    return () => {
      current = false;
    };
  }, [replacesParam]);

  // A preview's blob: URL lives until the next preview or until the screen closes.
  useEffect(() => () => {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);

  // After findings render, the first field in error takes the focus (else the summary). A layout
  // effect runs in the same task as the render, so no one ever sees the error without the focus.
  useLayoutEffect(() => {
    if (focusTick === 0) return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (first ?? summaryRef.current)?.focus();
  }, [focusTick]);

  const words = { errorLabel: t.errorLabel, warningLabel: t.warningLabel };
  const set = (patch: Partial<FormState>) => setForm((f) => ({ ...f, ...patch }));
  const setParty = (who: 'importer' | 'exporter', key: 'name' | 'address' | 'country') => (value: string) =>
    setForm((f) => ({ ...f, [who]: { ...f[who], [key]: value } }));
  const setBlock = (index: number, key: keyof BlockForm) => (value: string) =>
    setForm((f) => ({ ...f, specimens: f.specimens.map((b, i) => (i === index ? { ...b, [key]: value } : b)) }));
  const field = { at, words, choose: t.choose };

  /** What issuing and the preview post: the form's boxes, and `replaces` when replacing. */
  const request = () => (replacing ? { ...toRequest(form), replaces: replacesOf(replacing) } : toRequest(form));

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setNotice('');
    // Issue 12 §1: with the holder's address the agent makes a holder link and e-mails it;
    // it checks the address before issuing (a bad one uses no number, answered at /shareEmail).
    const email = holderEmail.trim();
    const query = email === '' ? '' : `?shareEmail=${encodeURIComponent(email)}&shareLanguage=${holderLang || lang}`;
    const result = await api<{ permitNumber: string; holderLink?: IssuedLink }>('POST', `/api/permits${query}`, request());
    setBusy(false);
    if (result.ok) {
      const link = result.body.holderLink;
      if (link) keepIssuedLink(result.body.permitNumber, { url: link.url, mailed: link.mailed, ...(link.mailError && { mailError: link.mailError }) });
      location.route(`/console/permits/${encodeURIComponent(result.body.permitNumber)}`);
      return;
    }
    showRefusal(result);
  }

  async function preview() {
    setPreviewing(true);
    setNotice('');
    const result = await requestPreview(request(), previewLang);
    setPreviewing(false);
    if (!result.ok) {
      setPreviewUrl('');
      if (result.status === 422 || result.status === 400) showRefusal(result);
      else setNotice(t.previewFailed);
      return;
    }
    clearFindings();
    const url = URL.createObjectURL(result.blob);
    setPreviewUrl(url);
    startDownload(url, `preview-${previewLang}.pdf`);
  }

  /** The agent's findings at their fields and in the summary (issuing and the preview alike). */
  function showRefusal(result: { code: string; message: string; path?: string; errors: Finding[]; warnings: Finding[] }) {
    const errors = result.errors.length ? result.errors : [{ code: result.code, message: result.message, path: result.path }];
    // About the replaced permit itself: a sentence in the replacement box, not at a field.
    const refusal = errors.find(isReplaceRefusal);
    if (refusal && replacing) setReplacing({ ...replacing, refusal: refusal.code });
    const placed: FindingsAt = {};
    const put = (kind: 'errors' | 'warnings') => (finding: Finding) => {
      if (isReplaceRefusal(finding)) return;
      const place = placeOf(finding.path, formRef.current!);
      if (place === undefined) return;
      (placed[place] ??= { errors: [], warnings: [] })[kind].push(finding);
    };
    errors.forEach(put('errors'));
    result.warnings.forEach(put('warnings'));
    setAt(placed);
    setSummary({ errors, warnings: result.warnings, message: result.message });
    setFocusTick((n) => n + 1);
  }

  function clearFindings() {
    setAt({});
    setSummary(undefined);
  }

  useEffect(() => {
    void listDrafts().then(setDrafts);
  }, []);

  async function keepDraft() {
    const name = draftName.trim();
    if (!name) return;
    const saved = await saveDraft(name, form, drafts);
    if (!saved) return setNotice(t.draftRefused);
    setDrafts(await listDrafts());
    setChosenDraft(saved.id);
    setNotice(t.draftSaved(name));
  }

  async function openDraft() {
    const chosen = drafts.find((d) => d.id === chosenDraft);
    if (!chosen) return;
    const draft = await readDraft(chosen.id);
    if (!draft) return setNotice(t.draftRefused);
    setForm({ ...emptyForm(), ...draft });
    setDraftName(chosen.title);
    clearFindings();
  }

  async function removeDraft() {
    if (!(await deleteDraft(chosenDraft))) return setNotice(t.draftRefused);
    setDrafts(await listDrafts());
    setChosenDraft('');
  }

  async function copyPermit() {
    const number = sourceNumber.trim();
    if (!number) return;
    const result = await api<{ permit: PermitRequest }>('GET', `/api/permits/${encodeURIComponent(number)}`);
    if (!result.ok) {
      setNotice(t.notFound(number));
      return;
    }
    // Its boxes, not its number nor its dates of issue and validity: fromRequest reads only the request's boxes.
    setForm(fromRequest(result.body.permit));
    clearFindings();
    setNotice(t.copied(number));
  }

  const findingLink = (f: Finding, i: number) => {
    const place = isReplaceRefusal(f) ? undefined : placeOf(f.path, formRef.current ?? document);
    return (
      <li key={i} data-code={f.code}>
        {place !== undefined ? (
          <a
            href={`#${fieldId(place)}`}
            onClick={(e) => {
              e.preventDefault();
              document.getElementById(fieldId(place))?.focus();
            }}
          >
            {f.message}
          </a>
        ) : (
          f.message
        )}
      </li>
    );
  };

  const documentTypes = useMemo(
    () => [['export', t.export], ['re-export', t.reExport], ['import', t.import], ['other', t.other]] as const,
    [t],
  );

  return (
    <div class="issue-form">
      <h1 id="screen-title">{t.title}</h1>
      <p class="hint">{t.intro}</p>

      <section class="tools" aria-label={`${t.drafts} / ${t.startFrom}`}>
        <div class="tool">
          <h2>{t.drafts}</h2>
          <p class="hint">{t.draftsLocal}</p>
          <div class="row">
            <div class="field">
              <label for="draft-name">{t.draftName}</label>
              <input id="draft-name" value={draftName} onInput={(e) => setDraftName(e.currentTarget.value)} />
            </div>
            <button type="button" id="save-draft" onClick={() => void keepDraft()}>{t.saveDraft}</button>
          </div>
          {drafts.length ? (
            <div class="row">
              <div class="field">
                <label for="draft-pick">{t.openDraft}</label>
                <select id="draft-pick" value={chosenDraft} onChange={(e) => setChosenDraft(e.currentTarget.value)}>
                  <option value="">{t.choose}</option>
                  {drafts.map((d) => (
                    <option key={d.id} value={d.id}>{d.title}</option>
                  ))}
                </select>
              </div>
              <button type="button" id="open-draft" onClick={() => void openDraft()}>{t.openDraft}</button>
              <button type="button" id="delete-draft" class="danger" onClick={() => void removeDraft()}>{t.deleteDraft}</button>
            </div>
          ) : (
            <p class="hint">{t.noDrafts}</p>
          )}
        </div>
        <div class="tool">
          <h2>{t.startFrom}</h2>
          <div class="row">
            <div class="field">
              <label for="copy-number">{t.permitNumber}</label>
              <input id="copy-number" value={sourceNumber} onInput={(e) => setSourceNumber(e.currentTarget.value)} />
            </div>
            <button type="button" id="copy-permit" onClick={() => void copyPermit()}>{t.copy}</button>
          </div>
        </div>
      </section>
      <p id="issue-notice" class="notice" role="status" hidden={!notice}>{notice}</p>

      <div ref={summaryRef} tabIndex={-1} id="finding-summary" class="summary" hidden={!summary}>
        {summary && (
          <>
            <h2>{summary.errors.length ? t.summaryErrors(summary.errors.length) : t.refused}</h2>
            {summary.message && <p>{summary.message}</p>}
            <ul class="findings error">{summary.errors.map(findingLink)}</ul>
            {summary.warnings.length > 0 && (
              <>
                <h3>{t.summaryWarnings(summary.warnings.length)}</h3>
                <ul class="findings warning">{summary.warnings.map(findingLink)}</ul>
              </>
            )}
          </>
        )}
      </div>

      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        {replacing && (
          <ReplacementBox replacing={replacing} onReason={(reason) => setReplacing({ ...replacing, reason })} t={t} lang={lang} at={at} words={words} />
        )}
        <fieldset class="box">
          <legend>{t.box1}</legend>
          <div class="grid">
            <Field {...field} pointer="/documentType" label={t.docType} kind="select" options={documentTypes} value={form.documentType} onChange={(v) => set({ documentType: v })} required />
            {form.documentType === 'other' && (
              <Field {...field} pointer="/otherDocumentType" label={t.otherSpecify} value={form.otherDocumentType} onChange={(v) => set({ otherDocumentType: v })} required />
            )}
            <Field {...field} pointer="/validUntil" label={t.validUntil} kind="date" hint={t.validUntilHint} value={form.validUntil} onChange={(v) => set({ validUntil: v })} />
          </div>
        </fieldset>

        {(['importer', 'exporter'] as const).map((who) => (
          <fieldset class="box" key={who}>
            <legend>{who === 'importer' ? t.box3 : t.box4}</legend>
            <div class="grid">
              <Field {...field} pointer={`/${who}/name`} label={t.name} value={form[who].name} onChange={setParty(who, 'name')} required />
              <Field {...field} pointer={`/${who}/address`} label={t.address} value={form[who].address} onChange={setParty(who, 'address')} required />
              <Field {...field} pointer={`/${who}/country`} label={t.country} kind="select" options={pick.country} value={form[who].country} onChange={setParty(who, 'country')} required />
            </div>
          </fieldset>
        ))}

        <fieldset class="box">
          <legend>{t.box5}</legend>
          <Field {...field} pointer="/specialConditions" label={t.specialConditions} kind="textarea" hint={t.conditionsHint} wide value={form.specialConditions} onChange={(v) => set({ specialConditions: v })} />
        </fieldset>
        <div class="pair">
          <fieldset class="box">
            <legend>{t.box5a}</legend>
            <Field {...field} pointer="/purpose" label={t.purpose} kind="select" options={pick.purpose} value={form.purpose} onChange={(v) => set({ purpose: v })} required />
          </fieldset>
          <fieldset class="box">
            <legend>{t.box5b}</legend>
            <Field {...field} pointer="/securityStampNumber" label={t.securityStamp} value={form.securityStampNumber} onChange={(v) => set({ securityStampNumber: v })} />
          </fieldset>
        </div>

        {showsImportPermit(form) && (
          <fieldset class="box" id="import-permit">
            <legend>{t.box6}</legend>
            <div class="grid">
              <Field {...field} pointer="/importPermit/permitNumber" label={t.importPermitNumber} value={form.importPermitNumber} onChange={(v) => set({ importPermitNumber: v })} required={needsImportPermit(form)} />
              <Field {...field} pointer="/importPermit/issuer" label={t.importPermitIssuer} value={form.importPermitIssuer} onChange={(v) => set({ importPermitIssuer: v })} />
              <Field {...field} pointer="/importPermit/country" label={t.importPermitCountry} kind="select" options={pick.country} value={form.importPermitCountry} onChange={(v) => set({ importPermitCountry: v })} />
              <Field {...field} pointer="/importPermit/date" label={t.importPermitDate} kind="date" value={form.importPermitDate} onChange={(v) => set({ importPermitDate: v })} />
            </div>
          </fieldset>
        )}

        {form.specimens.map((b, i) => {
          const p = (key: string) => `/specimens/${i}/${key}`;
          return (
            <fieldset class="box block" key={i} id={`block-${letter(i)}`}>
              <legend>{t.block(letter(i))}</legend>
              <div class="grid">
                <Field {...field} pointer={p('scientificName')} label={t.box7} value={b.scientificName} onChange={setBlock(i, 'scientificName')} required />
                <Field {...field} pointer={p('commonName')} label={t.box8} value={b.commonName} onChange={setBlock(i, 'commonName')} />
                <Field {...field} pointer={p('description')} label={t.box9} value={b.description} onChange={setBlock(i, 'description')} required wide />
                <Field {...field} pointer={p('term')} label={t.term} kind="select" options={pick.term} value={b.term} onChange={setBlock(i, 'term')} required />
                <Field {...field} pointer={p('marks')} label={t.marks} value={b.marks} onChange={setBlock(i, 'marks')} />
                <Field {...field} pointer={p('appendix')} label={`${t.box10}${t.sep}${t.appendix}`} kind="select" options={pick.appendix} value={b.appendix} onChange={setBlock(i, 'appendix')} required />
                <Field {...field} pointer={p('source')} label={`${t.box10}${t.sep}${t.source}`} kind="select" options={pick.source} value={b.source} onChange={setBlock(i, 'source')} required />
                <Field {...field} pointer={p('quantity')} label={`${t.box11}${t.sep}${t.quantity}`} kind="number" value={b.quantity} onChange={setBlock(i, 'quantity')} required />
                <Field {...field} pointer={p('unit')} label={`${t.box11}${t.sep}${t.unit}`} kind="select" options={pick.unit} value={b.unit} onChange={setBlock(i, 'unit')} required />
                <Field {...field} pointer={p('quota/exportedToDate')} label={`${t.box11a}${t.sep}${t.quotaExported}`} kind="number" value={b.quotaExported} onChange={setBlock(i, 'quotaExported')} />
                <Field {...field} pointer={p('quota/annual')} label={`${t.box11a}${t.sep}${t.quotaAnnual}`} kind="number" value={b.quotaAnnual} onChange={setBlock(i, 'quotaAnnual')} />
                {showsOrigin(form, b) && (
                  <>
                    <Field {...field} pointer={p('origin/country')} label={`${t.box12}${t.sep}${t.originCountry}`} kind="select" options={pick.originCountry} value={b.originCountry} onChange={setBlock(i, 'originCountry')} required={form.documentType === 're-export'} />
                    <Field {...field} pointer={p('origin/permitNumber')} label={`${t.box12}${t.sep}${t.originPermit}`} value={b.originPermit} onChange={setBlock(i, 'originPermit')} />
                    <Field {...field} pointer={p('origin/date')} label={`${t.box12}${t.sep}${t.originDate}`} kind="date" value={b.originDate} onChange={setBlock(i, 'originDate')} />
                  </>
                )}
                {showsLastReExport(form, b) && (
                  <>
                    <Field {...field} pointer={p('lastReExport/country')} label={`${t.box12a}${t.sep}${t.lastCountry}`} kind="select" options={pick.originCountry} value={b.lastCountry} onChange={setBlock(i, 'lastCountry')} />
                    <Field {...field} pointer={p('lastReExport/certificateNumber')} label={`${t.box12a}${t.sep}${t.lastCertificate}`} value={b.lastCertificate} onChange={setBlock(i, 'lastCertificate')} />
                    <Field {...field} pointer={p('lastReExport/date')} label={`${t.box12a}${t.sep}${t.lastDate}`} kind="date" value={b.lastDate} onChange={setBlock(i, 'lastDate')} />
                  </>
                )}
                {showsOperationNumber(b) && (
                  <Field {...field} pointer={p('operationNumber')} label={`${t.box12b}${t.sep}${t.operationNumber}`} value={b.operationNumber} onChange={setBlock(i, 'operationNumber')} required />
                )}
                {showsAcquisitionDate(b) && (
                  <Field {...field} pointer={p('acquisitionDate')} label={`${t.box12b}${t.sep}${t.acquisitionDate}`} kind="date" value={b.acquisitionDate} onChange={setBlock(i, 'acquisitionDate')} required />
                )}
              </div>
              {form.specimens.length > 1 && (
                <button type="button" class="danger remove-block" onClick={() => setForm((f) => ({ ...f, specimens: f.specimens.filter((_, j) => j !== i) }))}>
                  {t.removeBlock(letter(i))}
                </button>
              )}
            </fieldset>
          );
        })}
        <fieldset class="box">
          <legend>{t.holder}</legend>
          <div class="grid">
            <Field {...field} pointer="/shareEmail" label={t.holderEmail} hint={t.holderEmailHint} value={holderEmail} onChange={setHolderEmail} />
            <Field {...field} pointer="/shareLanguage" label={t.holderLanguage} kind="select" options={LANGS.map((l) => [l, LANGUAGE_NAMES[l]] as const)} value={holderLang} onChange={(v) => setHolderLang(v as Lang)} />
          </div>
        </fieldset>
        <div class="actions">
          <button type="button" id="add-block" onClick={() => setForm((f) => ({ ...f, specimens: [...f.specimens, emptyBlock()] }))}>
            {t.addBlock}
          </button>
          <div class="row preview">
            <div class="field">
              <label for="preview-lang">{t.previewLang}</label>
              <select id="preview-lang" value={previewLang} onChange={(e) => setPreviewLang(e.currentTarget.value as Lang)}>
                {LANGS.map((l) => (
                  <option key={l} value={l}>{LANGUAGE_NAMES[l]}</option>
                ))}
              </select>
            </div>
            <button type="button" id="preview-pdf" disabled={previewing} onClick={() => void preview()}>
              {previewing ? t.previewing : t.previewPdf}
            </button>
          </div>
          <button type="submit" id="issue" class="primary" disabled={busy}>
            {busy ? t.issuing : t.issue}
          </button>
        </div>
        {previewUrl && (
          <p id="preview-ready" class="notice" role="status">
            {t.previewReady} <a href={previewUrl} download={`preview-${previewLang}.pdf`} id="preview-again">{t.previewAgain}</a>
          </p>
        )}
      </form>
    </div>
  );
}
