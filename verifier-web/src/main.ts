/**
 * The verifier page: reads a permit from the camera, a photo, pasted text or the page's
 * own URL fragment, verifies it in the browser with the shared verification core, and
 * shows the verdict first, then every check, then the permit box by box.
 *
 * Everything shown is set with textContent: nothing from a permit is ever parsed as HTML.
 */
import { createAssertionKeyStore, createPermitVerifier, webCryptoSuite, type PermitVerifier, type VerificationResult, type VerifierInput } from '../../src/verify/index.js';
import type { ShownCode } from '../../src/codes.js';
import { readInput } from '../../src/verify/index.js';
import { createNetwork } from './network.js';
import { prefetchUrls } from './prefetch.js';
import { browserStore } from './store.js';
import { createPageDidResolver } from './did-cache.js';
import { loadTrust, readConfig, type PageConfig, type TrustState } from './trust.js';
import type { CameraScan } from './scanner.js';
import { mark, openCamera } from './camera.js';
import { codeMessage, fill, formatAge, formatDate, LANGS, LANGUAGE_NAMES, pickLanguage, UI, type Lang, type UiText } from './i18n.js';
import { ICON, inputVerdict, TONE, verdictOf, type Verdict } from './verdict.js';
import { VERDICT_TEXT } from './verdict-texts.js';
import { checkDetail } from './check-details.js';
import { fillSegments, type Segments } from './segments.js';
import { blockFacts, permitView, type Row } from './permit-view.js';
import { countryName } from './code-names.js';
import { warmUpVerification } from './warm-up.js';

type Notice = { text: keyof UiText; vars: Record<string, string | number>; tone?: 'warn' };

type Outcome =
  | { type: 'result'; result: VerificationResult; notices: Notice[] }
  | { type: 'input'; code: ShownCode; detail?: string }
  | { type: 'page-error'; code: ShownCode; detail: string; notices: Notice[] };

const byId = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
};

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string; lang?: string } = {}, ...children: (Node | string)[]) => {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.lang) node.lang = props.lang;
  node.append(...children);
  return node;
};

const store = browserStore();
const network = createNetwork((url, init) => fetch(url, init));
const dids = createPageDidResolver({ network, store });
const signed = {
  resolveDid: dids.resolveDid,
  assertionKeys: createAssertionKeyStore(webCryptoSuite),
  suite: webCryptoSuite,
  allowedAlgorithms: new Set(['EdDSA']),
};

let lang: Lang = 'en';
let offered: Lang[] = [...LANGS];
let current: Outcome | undefined;
let scan: CameraScan | undefined;
let run = 0;
let trustState: TrustState | undefined;
/** The QR decoder is loaded only when a camera or a photo is used. */
const scanner = () => import('./scanner.js');

// ---- configuration and trust -------------------------------------------------------------

async function loadConfig(): Promise<PageConfig> {
  const url = new URL('config.json', document.baseURI).href;
  const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${url} returned HTTP ${response.status}.`);
  return readConfig(await response.json());
}

const config: Promise<PageConfig> = loadConfig();
const trust: Promise<TrustState> = config.then((c) => loadTrust(c, { fetch: network.fetch, store, signed }));
let verifier: Promise<PermitVerifier> | undefined;

function getVerifier(state: Extract<TrustState, { ok: true }>): Promise<PermitVerifier> {
  verifier ??= Promise.resolve(
    createPermitVerifier({
      resolveDid: dids.resolveDid,
      trustedIssuers: state.issuers,
      // Status lists, records and referenced permits come straight from the issuing agent; never reuse a list (a revocation shows at once).
      fetch: network.fetch,
      statusCacheTtlMs: 0,
      // The permit rules are the core's default (src/verify/rules.ts).
    }),
  );
  return verifier;
}

function trustNotices(state: TrustState, now: number): Notice[] {
  const notices: Notice[] = [];
  if (state.ok && state.source === 'cache') {
    notices.push({ text: 'trustFromCache', vars: { age: formatAge(now - (state.fetchedAt ?? now), lang), name: state.name, version: state.version }, tone: 'warn' });
  } else if (state.ok && state.source === 'fallback') {
    notices.push({ text: 'trustFromFallback', vars: { name: state.name, version: state.version }, tone: 'warn' });
  }
  for (const use of dids.uses()) notices.push({ text: 'didFromCache', vars: { did: use.did, age: formatAge(now - use.fetchedAt, lang) }, tone: 'warn' });
  return notices;
}

// ---- verifying -----------------------------------------------------------------------------

async function verifyText(text: string): Promise<void> {
  endCrossDevice();
  const mine = ++run;
  showChecking();
  prefetchFor(text);
  let outcome: Outcome;
  try {
    outcome = await evaluate(text);
  } catch (e) {
    // A bug or an unexpected failure is never a valid verdict.
    outcome = { type: 'page-error', code: 'VERIFIER_FAILED', detail: e instanceof Error ? e.message : String(e), notices: [] };
  }
  if (mine !== run) return;
  current = outcome;
  renderOutcome(true);
  mark('verdict');
}

/**
 * Asks a wallet for a permit over the Digital Credentials API (issue 12 §3, OpenID4VP 1.0 Appendix A):
 * the request is made and the answer read by the OpenID4VP library, a lazy chunk loaded only now; the
 * core then checks the presentation (nonce, audience `origin:` this page) and the permit in it.
 */
async function askWallet(): Promise<void> {
  say('');
  stopCamera();
  endCrossDevice();
  const mine = ++run;
  showChecking();
  let outcome: Outcome;
  try {
    const { createPermitRequest, DC_API_PROTOCOL, readPermitResponse } = await import('./presentation-request.js');
    const request = await createPermitRequest();
    let answer: { data?: unknown } | null = null;
    try {
      answer = (await navigator.credentials.get({ digital: { requests: [{ protocol: DC_API_PROTOCOL, data: request.data }] } } as CredentialRequestOptions)) as { data?: unknown } | null;
    } catch (e) {
      answer = null;
      outcome = { type: 'input', code: 'PRESENTATION_NOT_RECEIVED', detail: e instanceof Error ? e.message : String(e) };
    }
    // A string answer that is not JSON is an unreadable answer, not a fault of this page.
    const data = typeof answer?.data === 'string' ? parseOrUndefined(answer.data) : answer?.data;
    const read = data === undefined ? undefined : await readPermitResponse(data, request, location.origin);
    if (read?.ok) outcome = await evaluate(read.input);
    else outcome ??= { type: 'input', code: 'PRESENTATION_NOT_RECEIVED', ...(read !== undefined && { detail: read.detail }) };
  } catch (e) {
    outcome = { type: 'page-error', code: 'VERIFIER_FAILED', detail: e instanceof Error ? e.message : String(e), notices: [] };
  }
  if (mine !== run) return;
  current = outcome;
  renderOutcome(true);
  mark('verdict');
}

/** The cross-device request being waited for; ended by Cancel, by another action, or by its outcome. */
let crossDevice: { end(): void } | undefined;

function endCrossDevice(): void {
  crossDevice?.end();
  crossDevice = undefined;
  byId('cross-device').hidden = true;
}

/**
 * Asks a wallet on another device (docs/oid4vp.md "Cross-device", OpenID4VP 1.0 §8.2 direct_post):
 * the agent serving this page relays the answer; the page made the nonce and checks the answer
 * itself with the library and the core (audience: the request's full client_id). A lazy chunk.
 */
async function askWalletOnPhone(): Promise<void> {
  say('');
  stopCamera();
  endCrossDevice();
  clearResult();
  const mine = run;
  let ended = false;
  let wake: (() => void) | undefined;
  crossDevice = {
    end: () => {
      ended = true;
      wake?.();
    },
  };
  const live = () => !ended && mine === run;
  let outcome: Outcome | undefined;
  try {
    const { pollCrossDevice, qrDataUrl, readCrossDeviceResponse, startCrossDevice } = await import('./cross-device.js');
    const started = await startCrossDevice(location.origin);
    if (!live()) return;
    if (!started.ok) {
      say('crossDeviceUnavailable', { detail: started.detail });
      return;
    }
    const { request } = started;
    const qr = byId<HTMLImageElement>('cross-device-qr');
    qr.src = await qrDataUrl(request.authorizationRequest);
    qr.alt = t().crossDeviceQrAlt;
    byId<HTMLAnchorElement>('cross-device-link').href = request.authorizationRequest;
    byId('cross-device-status').textContent = t().crossDeviceWaiting;
    byId('cross-device').hidden = false;
    byId('cross-device-cancel').focus();
    for (;;) {
      await new Promise<void>((done) => {
        const timer = setTimeout(done, 2000);
        wake = () => {
          clearTimeout(timer);
          done();
        };
      });
      if (!live()) return;
      const polled = await pollCrossDevice(location.origin, request);
      if (!live()) return;
      if (polled.kind === 'pending') continue;
      if (polled.kind !== 'answered') {
        outcome = { type: 'input', code: 'PRESENTATION_NOT_RECEIVED', detail: polled.detail };
        break;
      }
      showChecking();
      const read = await readCrossDeviceResponse(polled.response, request);
      outcome = read.ok ? await evaluate(read.input) : { type: 'input', code: 'PRESENTATION_NOT_RECEIVED', detail: read.detail };
      break;
    }
  } catch (e) {
    outcome = { type: 'page-error', code: 'VERIFIER_FAILED', detail: e instanceof Error ? e.message : String(e), notices: [] };
  }
  if (mine !== run || ended) return;
  endCrossDevice();
  current = outcome;
  renderOutcome(true);
  mark('verdict');
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The wallet button is offered only where the browser has the Digital Credentials API. */
const hasDigitalCredentials = (): boolean => typeof navigator.credentials?.get === 'function' && 'DigitalCredential' in globalThis;

/**
 * Starts fetching the issuer's DID document, status lists and record at once, in parallel
 * (prefetch.ts says which, and why that is safe); the core then finds them on their way.
 */
function prefetchFor(text: string): void {
  // The core's own reader, without fetching anything: a reference is resolved by the verification itself.
  void Promise.all([readInput(text, { isTrustedAuthority: () => false }), trust]).then(([read, state]) => {
    if (read.ok && state.ok) network.prefetch(prefetchUrls(read.jwt, state.issuers));
  }, () => undefined);
}

/**
 * Whatever was scanned, chosen or pasted goes to the core's one entry (`verifyInput`), which
 * reads it, resolves a reference from a trusted issuer and verifies it: the same codes as
 * `saiga verify` and `POST /api/verify`. Only what stops the page from verifying anything
 * (no configuration, no trusted list) is decided here.
 */
async function evaluate(text: VerifierInput): Promise<Outcome> {
  if (typeof text === 'string' && text.trim() === '') return { type: 'input', code: 'QR_EMPTY' };
  let state: TrustState;
  try {
    await config;
    state = await trust;
  } catch (e) {
    return { type: 'page-error', code: 'VERIFIER_CONFIG_INVALID', detail: e instanceof Error ? e.message : String(e), notices: [] };
  }
  if (!state.ok) {
    return { type: 'page-error', code: 'TRUST_LIST_UNAVAILABLE', detail: state.message, notices: state.offline ? [{ text: 'offline', vars: {}, tone: 'warn' }] : [] };
  }
  const failuresBefore = network.failures();
  const result = await (await getVerifier(state)).verifyInput(text, { now: new Date() });
  // Input that is no permit at all (a QR_* code on the format check) is shown as such, without checks;
  // a referenced permit that could not be fetched is a result (its status is unchecked, verdict.ts).
  const [only] = result.checks;
  if (result.checks.length === 1 && only!.check === 'format' && !only!.ok && only!.code.startsWith('QR_') && only!.code !== 'QR_REFERENCE_UNAVAILABLE') {
    return { type: 'input', code: only!.code, detail: only!.message };
  }
  const now = Date.now();
  const notices = trustNotices(state, now);
  const offline = state.offline || network.failures() > failuresBefore || navigator.onLine === false;
  if (offline) notices.push({ text: 'offline', vars: {}, tone: 'warn' });
  return { type: 'result', result, notices };
}

// ---- rendering -----------------------------------------------------------------------------

const t = () => UI[lang];

/** Forgets the shown verdict, checks and permit at once (defect 10: no old verdict under a new message). */
function clearResult(): void {
  run += 1;
  current = undefined;
  const verdict = byId('verdict');
  verdict.removeAttribute('data-verdict');
  delete verdict.dataset.code;
  verdict.className = 'verdict idle';
  for (const id of ['verdict-icon', 'verdict-title', 'verdict-detail']) byId(id).textContent = '';
  for (const id of ['verdict-facts', 'notices', 'checks', 'permit-body']) byId(id).replaceChildren();
  byId('checks-section').hidden = true;
  byId('permit-section').hidden = true;
  byId('result').hidden = true;
}

function showChecking(): void {
  delete byId('verdict').dataset.code;
  const verdict = byId('verdict');
  verdict.removeAttribute('data-verdict');
  verdict.className = 'verdict checking';
  byId('verdict-icon').textContent = '…';
  byId('verdict-title').textContent = t().verifying;
  byId('verdict-detail').textContent = '';
  byId('verdict-facts').replaceChildren();
  byId('notices').replaceChildren();
  byId('checks-section').hidden = true;
  byId('permit-section').hidden = true;
  byId('result').hidden = false;
}

function verdictOfOutcome(outcome: Outcome): Verdict {
  if (outcome.type === 'input') return inputVerdict(outcome.code);
  if (outcome.type === 'page-error') return { kind: 'invalid', code: outcome.code };
  return verdictOf(outcome.result);
}

/** A value from a permit (or any outside source), isolated from the text around it (bidi, segments.ts). */
function value(text: string, className?: string): HTMLElement {
  const node = el('bdi', className ? { className, text } : { text });
  node.dir = 'auto';
  return node;
}

/** Words as text nodes, values as isolated <bdi>s. */
const nodes = (segments: Segments): (Node | string)[] => segments.map((s) => (typeof s === 'string' ? s : value(s.value)));

/** English text (when no translation exists) is marked lang="en" for screen readers. */
function message(code: string): HTMLElement {
  const m = codeMessage(lang, code);
  return el('span', m.translated ? { text: m.text } : { text: m.text, lang: 'en' });
}

/** Free text from outside the page (the core's detail, a fetch error), in English and isolated. */
function englishValue(text: string): HTMLElement {
  const node = value(text);
  node.lang = 'en';
  return node;
}

type Fact = (Node | string)[];

/** What the verdict's own words do not already say. */
function verdictFacts(outcome: Outcome, verdict: Verdict): Fact[] {
  const text = t();
  if (outcome.type === 'input') {
    // The headline and its detail say all for these; the code is in data-code.
    if (['not-a-permit', 'damaged-or-altered', 'newer-format'].includes(verdict.kind)) return [];
    return [[message(outcome.code)], ...(outcome.detail ? [[englishValue(outcome.detail)]] : [])];
  }
  if (outcome.type === 'page-error') {
    const lead = outcome.code === 'TRUST_LIST_UNAVAILABLE' ? fill(text.trustUnavailable, { detail: '' }).trim() : outcome.code === 'VERIFIER_CONFIG_INVALID' ? fill(text.configMissing, { detail: '' }) : '';
    return [...(lead ? [[lead]] : []), [englishValue(outcome.detail)]];
  }
  const r = outcome.result;
  const facts: Fact[] = [];
  const p = r.permit;
  // Only a permit whose signature verified is described.
  if (p?.permitNumber) {
    const authority: Segments = r.issuer
      ? fillSegments('{name} ({country})', { name: r.issuer.name, country: countryName(r.issuer.country, lang) })
      : [{ value: p.managementAuthority?.name ?? '' }];
    facts.push([...nodes(fillSegments(text.permitNumber, { number: p.permitNumber })), ', ', ...nodes(fillSegments(text.issuedBy, { authority })), '.']);
  }
  switch (verdict.kind) {
    case 'valid':
      if (p?.validUntil) facts.push(nodes(fillSegments(text.validUntil, { date: formatDate(p.validUntil, lang) })));
      facts.push(...blockFacts(r, lang).map(nodes));
      break;
    case 'suspended':
    case 'expired':
      if (p?.validUntil) facts.push(nodes(fillSegments(text.validUntil, { date: formatDate(p.validUntil, lang) })));
      break;
    case 'imported':
      facts.push(...blockFacts(r, lang).map(nodes));
      break;
    case 'used':
      if (r.endorsement) facts.push(nodes(fillSegments(text.usedOn, { date: formatDate(r.endorsement.date, lang), port: r.endorsement.portOfExport, authority: r.endorsement.authority })));
      facts.push(...blockFacts(r, lang).map(nodes));
      break;
    case 'revoked':
      if (r.status?.reason) facts.push([fill(text.reason, { reason: text.revocationReasons[r.status.reason] ?? r.status.reason })]);
      if (r.status?.replacedBy) facts.push(nodes(fillSegments(text.replacedBy, { number: r.status.replacedBy })));
      break;
    case 'invalid':
      if (verdict.code) facts.push([message(verdict.code)]);
      // A use that was refused (more exported than allowed): what customs recorded, per block.
      if (r.endorsement) {
        facts.push(nodes(fillSegments(text.usedOn, { date: formatDate(r.endorsement.date, lang), port: r.endorsement.portOfExport, authority: r.endorsement.authority })));
        facts.push(...blockFacts(r, lang).map(nodes));
      }
      break;
    default:
      // damaged-or-altered, untrusted, not-a-permit, status-unchecked: the headline and its detail say it; the checks give the details.
      break;
  }
  return facts;
}

/** The headline; for "used", with the export's date and port (defect 13). */
function verdictTitle(outcome: Outcome, verdict: Verdict): Segments {
  const words = VERDICT_TEXT[lang];
  const e = outcome.type === 'result' ? outcome.result.endorsement : undefined;
  const i = outcome.type === 'result' ? outcome.result.imported : undefined;
  if (verdict.kind === 'imported' && i) return fillSegments(words.importedTitle, { date: formatDate(i.date, lang), port: i.portOfImport });
  if (verdict.kind === 'used' && e) return fillSegments(words.usedTitle, { date: formatDate(e.date, lang), port: e.portOfExport });
  return [words.verdicts[verdict.kind].title];
}

function renderNotices(notices: Notice[]): void {
  byId('notices').replaceChildren(
    ...notices.map((n) => el('li', { className: n.tone === 'warn' ? 'notice warn' : 'notice' }, ...nodes(fillSegments(t()[n.text] as string, n.vars)))),
  );
}

function renderVerdict(outcome: Outcome, focus: boolean): void {
  const verdict = verdictOfOutcome(outcome);
  const words = VERDICT_TEXT[lang].verdicts[verdict.kind];
  const box = byId('verdict');
  box.className = `verdict tone-${TONE[verdict.kind]}`;
  box.dataset.verdict = verdict.kind;
  if (verdict.code) box.dataset.code = verdict.code;
  else delete box.dataset.code;
  byId('verdict-icon').textContent = ICON[verdict.kind];
  const title = byId('verdict-title');
  title.replaceChildren(...nodes(verdictTitle(outcome, verdict)));
  byId('verdict-detail').textContent = words.detail;
  byId('verdict-facts').replaceChildren(...verdictFacts(outcome, verdict).map((f) => el('li', {}, ...f)));
  renderNotices(outcome.type === 'input' ? [] : outcome.notices);
  if (focus) {
    title.focus({ preventScroll: true });
    box.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }
}

function renderChecks(result: VerificationResult): void {
  const text = t();
  const now = Date.now();
  const items = result.checks.map((c) => {
    // A passed check with a reservation (its code is not OK: LINKED_PERMIT_MISSING) shows as a warning.
    const warned = c.ok && c.code !== 'OK';
    const li = el('li', { className: warned ? 'check ok warn' : c.ok ? 'check ok' : 'check fail' });
    // The check and its code (OK when passed) as data, like the verdict's and the rules', for tools and tests.
    li.dataset.check = c.check;
    li.dataset.code = c.code;
    const head = el(
      'p',
      { className: 'check-head' },
      el('span', { className: 'mark', text: warned ? '⚠' : c.ok ? '✔' : '✖' }),
      ' ',
      el('strong', { text: text.checkNames[c.check] ?? c.check }),
      ' — ',
      el('span', { className: 'check-state', text: c.ok ? text.passed : text.failed }),
    );
    head.querySelector('.mark')!.setAttribute('aria-hidden', 'true');
    li.append(head);
    // The detail in the page's language, from the structured result (check-details.ts).
    const detail = checkDetail(c, result, lang, now);
    if (detail.text.length) li.append(el('p', { className: 'check-detail' }, ...nodes(detail.text)));
    if (detail.english !== undefined) {
      li.append(el('p', { className: 'check-detail check-english' }, ...(lang === 'en' ? [] : [`${text.englishOnly} `]), englishValue(detail.english)));
    }
    if (c.check === 'permit') {
      for (const [label, issues] of [
        [text.ruleErrors, result.ruleErrors],
        [text.ruleWarnings, result.ruleWarnings],
      ] as const) {
        if (!issues || issues.length === 0) continue;
        li.append(el('p', { className: 'check-detail', text: label }));
        li.append(el('ul', { className: 'issues', lang: 'en' }, ...issues.map(issueItem)));
      }
    }
    return li;
  });
  byId('checks').replaceChildren(...items);
  byId('checks-section').hidden = result.checks.length === 0;
}

/** One broken rule or warning: its path and message, and its stable code in data-code (as the verdict's) for tools and tests. */
function issueItem(issue: { code: string; path: string; message: string }): HTMLLIElement {
  const item = el('li', {}, value(issue.path || '/'), ': ', value(issue.message));
  item.dataset.code = issue.code;
  return item;
}

/** A box's value: each of its parts isolated (a name's override stays out of the address and country). */
function rowValue(r: Row): HTMLElement {
  const parts = r.parts ?? [r.value];
  const span = el('span', { className: 'value' }, ...parts.flatMap((part, i) => [...(i ? [', '] : []), value(part)]));
  span.dir = 'auto';
  return span;
}

function rowsList(rows: Row[], className = 'boxes'): HTMLDListElement {
  return el(
    'dl',
    { className },
    ...rows.map((r) =>
      el(
        'div',
        { className: 'box-row' },
        el('dt', {}, ...(r.box ? [el('span', { className: 'box-no', text: r.box }), ' '] : []), r.label),
        el('dd', {}, rowValue(r), ...(r.note ? [value(r.note, 'note')] : [])),
      ),
    ),
  );
}

function renderPermit(result: VerificationResult): void {
  const view = permitView(result, lang);
  const section = byId('permit-section');
  if (!view) {
    section.hidden = true;
    return;
  }
  const text = t();
  const blocks = view.blocks.map((b) => {
    const quantities = rowsList(
      [
        { box: '11', label: text.permitted, value: b.permitted },
        { box: '14', label: text.exported, value: b.exported === undefined ? text.useUnknown : (b.exported ?? text.notEndorsed) },
        // Issue 9: shown once the record carries a genuine import confirmation.
        ...(b.imported !== undefined ? [{ box: '', label: text.imported, value: b.imported ?? text.notImported }] : []),
      ],
      'boxes quantities',
    );
    quantities.querySelectorAll('dd')[1]!.className = b.exported === undefined ? 'use-unknown' : b.exported === null ? 'not-endorsed' : 'exported';
    if (b.imported !== undefined) quantities.querySelectorAll('dd')[2]!.className = b.imported === null ? 'not-imported' : 'imported';
    return el('section', { className: 'block' }, el('h3', { text: b.title }), rowsList(b.rows), quantities);
  });
  const endorsement = view.endorsement.length ? [el('section', { className: 'endorsement' }, el('h3', { text: text.endorsementSection }), rowsList(view.endorsement))] : [];
  byId('permit-body').replaceChildren(rowsList(view.rows), ...blocks, ...endorsement);
  section.hidden = false;
}

function renderOutcome(focus: boolean): void {
  if (!current) return;
  byId('result').hidden = false;
  renderVerdict(current, focus);
  if (current.type === 'result') {
    renderChecks(current.result);
    renderPermit(current.result);
  } else {
    byId('checks-section').hidden = true;
    byId('permit-section').hidden = true;
  }
}

function setLanguage(next: Lang): void {
  lang = next;
  document.documentElement.lang = next;
  document.title = t().title;
  for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = node.dataset.i18n as keyof UiText;
    const value = t()[key];
    if (typeof value === 'string') node.textContent = value;
  }
  const select = byId<HTMLSelectElement>('lang');
  select.value = next;
  try {
    store?.setItem('saiga-verifier:lang', next);
  } catch {
    /* not stored */
  }
  renderTrustInfo();
  if (current) renderOutcome(false);
}

/** The footer line: which trust list is in use and how fresh it is. */
function renderTrustInfo(): void {
  const info = byId('trust-info');
  const state = trustState;
  if (!state) return;
  if (!state.ok) {
    info.textContent = fill(t().trustUnavailable, { detail: '' }).trim();
    return;
  }
  const [notice] = trustNotices(state, Date.now()).filter((n) => n.text !== 'didFromCache');
  info.replaceChildren(...nodes(notice ? fillSegments(t()[notice.text] as string, notice.vars) : fillSegments(t().trustFromNetwork, { name: state.name, version: state.version })));
}

function say(key: keyof UiText | '', vars: Record<string, string> = {}): void {
  const node = byId('input-message');
  node.textContent = key ? fill(t()[key] as string, vars) : '';
}

// ---- inputs --------------------------------------------------------------------------------

let cameraWanted = false;

function stopCamera(): void {
  cameraWanted = false;
  scan?.stop();
  scan = undefined;
  byId('camera').hidden = true;
  byId('scan').hidden = false;
}

async function startCamera(): Promise<void> {
  mark('scan-click');
  // The camera opens on the click itself, while the decoder chunk loads in parallel.
  const opening = openCamera();
  const loading = scanner();
  clearResult();
  say('');
  cameraWanted = true;
  const camera = byId('camera');
  camera.hidden = false;
  byId('scan').hidden = true;
  byId('stop').focus();
  try {
    const { scanStream, warmUp } = await loading;
    warmUp();
    const stream = await opening;
    mark('camera-open');
    // Stopped while the camera was opening.
    if (!cameraWanted) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    scan = scanStream(stream, byId<HTMLVideoElement>('video'), (text) => {
      scan = undefined;
      cameraWanted = false;
      camera.hidden = true;
      byId('scan').hidden = false;
      void verifyText(text);
    });
  } catch (e) {
    opening.then((stream) => stream.getTracks().forEach((track) => track.stop()), () => undefined);
    stopCamera();
    say('cameraUnavailable', { reason: e instanceof Error ? e.name || e.message : String(e) });
    byId('scan').focus();
  }
}

/** Loads the QR decoder before it is needed: when the page is idle, or when the pointer or focus reaches a scan button. */
function preloadDecoder(): void {
  const warm = () => void scanner().then((s) => s.warmUp(), () => undefined);
  for (const id of ['scan', 'photo']) {
    for (const event of ['pointerenter', 'focus', 'touchstart']) byId(id).addEventListener(event, warm, { once: true, passive: true });
  }
  // A page opened from a permit link (fragment) verifies without the camera: do not load the decoder for it.
  if (location.hash.length > 1) return;
  whenIdle(warm);
}

function whenIdle(task: () => void): void {
  const idle = (window as { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(task, { timeout: 2000 });
  else setTimeout(task, 200);
}

/**
 * Runs the verification's code once while the page is idle, once its trust list is read
 * (warm-up.ts): not on a page opened from a permit link, which verifies at once, and not
 * once a scan or a verification has begun, which it would only delay.
 */
function warmUpWhenIdle(): void {
  if (location.hash.length > 1) return;
  const busy = () => run > 0 || cameraWanted;
  const warm = async () => {
    if (busy()) return;
    await warmUpVerification(lang, busy).catch(() => undefined);
    mark('page-warm');
  };
  void trust.then(() => whenIdle(() => void warm()), () => undefined);
}

async function readFile(file: File): Promise<void> {
  stopCamera();
  clearResult();
  say('readingImage');
  let codes: string[];
  try {
    const { decodeFile } = await scanner();
    codes = await decodeFile(file);
  } catch {
    say('imageUnreadable');
    return;
  }
  if (codes.length === 0) {
    say('noCodeInImage');
    return;
  }
  say('');
  await verifyText(codes[0]!);
}

function fromFragment(): void {
  if (location.hash.length > 1) void verifyText(location.href);
}

function init(): void {
  const select = byId<HTMLSelectElement>('lang');
  const stored = (() => {
    try {
      return store?.getItem('saiga-verifier:lang') ?? undefined;
    } catch {
      return undefined;
    }
  })();
  const preferred = [...(stored ? [stored] : []), ...(navigator.languages ?? [navigator.language])];
  select.replaceChildren(...offered.map((l) => Object.assign(el('option', { text: LANGUAGE_NAMES[l], lang: l }), { value: l })));
  setLanguage(pickLanguage(preferred, offered));
  select.addEventListener('change', () => setLanguage(select.value as Lang));

  byId('scan').addEventListener('click', () => void startCamera());
  byId('wallet').hidden = !hasDigitalCredentials();
  byId('wallet').addEventListener('click', () => void askWallet());
  byId('wallet-phone').addEventListener('click', () => void askWalletOnPhone());
  byId('cross-device-cancel').addEventListener('click', () => {
    endCrossDevice();
    say('crossDeviceCancelled');
    byId('wallet-phone').focus();
  });
  byId('stop').addEventListener('click', () => {
    stopCamera();
    byId('scan').focus();
  });
  const file = byId<HTMLInputElement>('file');
  byId('photo').addEventListener('click', () => file.click());
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    file.value = '';
    if (chosen) void readFile(chosen);
  });
  byId<HTMLFormElement>('paste-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = byId<HTMLTextAreaElement>('paste').value;
    if (value.trim() === '') {
      clearResult();
      say('emptyInput');
      return;
    }
    say('');
    stopCamera();
    void verifyText(value);
  });
  window.addEventListener('hashchange', fromFragment);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && scan) {
      stopCamera();
      byId('scan').focus();
    }
  });

  // Languages offered by this deployment, from config.json.
  void config.then(
    (c) => {
      const allowed = (c.languages ?? []).filter((l): l is Lang => (LANGS as readonly string[]).includes(l));
      if (allowed.length > 0) {
        offered = allowed;
        select.replaceChildren(...offered.map((l) => Object.assign(el('option', { text: LANGUAGE_NAMES[l], lang: l }), { value: l })));
        setLanguage(pickLanguage(preferred, offered));
      }
    },
    (e: unknown) => say('configMissing', { detail: e instanceof Error ? e.message : String(e) }),
  );
  void trust.then((state) => {
    trustState = state;
    renderTrustInfo();
  }, () => undefined);
  preloadDecoder();
  warmUpWhenIdle();
  fromFragment();
}

init();
