/**
 * The holder page's HTML (issue 12 §1): the permit box by box with the printed form's labels
 * and code meanings (src/print/labels.ts, src/print/meanings.ts), its state now, the printed
 * QR code with a full-screen view (CSS :target, no script), and the downloads. Only what the
 * paper permit shows: no link id, credential id, audit or e-mail. Every value is escaped.
 *
 * Links are relative (the page is served at /holder/TOKEN/), so the page's HTML never holds
 * the token, and works behind a path prefix.
 */
import type { Endorsement } from '../endorsement/model.js';
import type { IssuedSpecimen, Permit } from '../permit/model.js';
import { FORM_LABELS, type FormLabels } from '../print/labels.js';
import { countryName, purposeMeaning, sourceMeaning, termMeaning, unitMeaning } from '../print/meanings.js';
import { HOLDER_LANGUAGES, type HolderLanguage } from './input.js';
import { HOLDER_PAGE_MESSAGES, type HolderPageMessages, type HolderState } from './page-messages.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const LANGUAGE_NAMES: Record<HolderLanguage, string> = { en: 'English', fr: 'Français', es: 'Español' };
const date = (value: string) => value.slice(0, 10);

function shell(language: HolderLanguage, title: string, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title><link rel="stylesheet" href="../holder.css"></head>`,
    `<body>${body}</body></html>`,
  ].join('\n');
}

function languageNav(language: HolderLanguage, m: HolderPageMessages): string {
  const items = HOLDER_LANGUAGES.map((l) =>
    l === language
      ? `<li><a href="?lang=${l}" lang="${l}" aria-current="page">${LANGUAGE_NAMES[l]}</a></li>`
      : `<li><a href="?lang=${l}" lang="${l}" hreflang="${l}">${LANGUAGE_NAMES[l]}</a></li>`,
  );
  return `<nav aria-label="${escapeHtml(m.languages)}"><ul class="languages">${items.join('')}</ul></nav>`;
}

/** One box: its number, its printed label, and its lines (each escaped). */
function box(number: string, label: string, lines: (string | undefined)[]): string {
  const shown = lines.filter((l): l is string => l !== undefined && l !== '');
  return `<div class="box"><dt><span class="no">${escapeHtml(number)}</span> ${escapeHtml(label)}</dt><dd>${shown.map((l) => `<span class="line">${escapeHtml(l)}</span>`).join('') || '—'}</dd></div>`;
}

function headerBoxes(permit: Permit, issuerDid: string, labels: FormLabels, language: HolderLanguage): string {
  const type = permit.documentType === 'other' && permit.otherDocumentType ? `${labels.documentTypes.other}${labels.colon}${permit.otherDocumentType}` : labels.documentTypes[permit.documentType];
  const purpose = purposeMeaning(permit.purpose, language);
  const authority = permit.managementAuthority;
  const box5 = [
    permit.replaces && labels.replaces(permit.replaces.permitNumber, labels.replacementReasons[permit.replaces.reason] ?? permit.replaces.reason),
    permit.importPermit && labels.importPermit(permit.importPermit.permitNumber),
    ...(permit.specialConditions ?? []),
  ];
  const { place, date: issuedAt, signatory } = permit.issued;
  return [
    box('1', labels.permitNo, [permit.permitNumber, type]),
    box('2', labels.validUntil, [date(permit.validUntil)]),
    box('3', labels.importer, [permit.importer.name, permit.importer.address]),
    box('3a', labels.countryOfImport, [countryName(permit.importer.country, language)]),
    box('4', labels.exporter, [permit.exporter.name, permit.exporter.address, countryName(permit.exporter.country, language)]),
    box('5', labels.specialConditions, box5),
    box('5a', labels.purpose, [purpose ? `${permit.purpose} – ${purpose}` : permit.purpose]),
    box('5b', labels.securityStampNo, [permit.securityStampNumber]),
    box('6', labels.managementAuthority, [authority.name, authority.address, countryName(authority.country, language), `${labels.did}${labels.colon}${issuerDid}`]),
    box('13', labels.issuedBy, [`${labels.place}${labels.colon}${place}`, `${labels.date}${labels.colon}${date(issuedAt)}`, `${labels.signatory}${labels.colon}${signatory}`, labels.issuedElectronically]),
  ].join('');
}

/** Box 14 for one block, as customs endorsed it (src/endorsement): the quantity actually exported, the port, the date, the officer. */
function endorsementBox(s: IssuedSpecimen, endorsement: Endorsement, labels: FormLabels): string {
  const endorsed = endorsement.blocks.find((b) => b.block === s.block);
  return box('14', `${labels.exportEndorsement} – ${labels.endorsedElectronically}`, [
    `${labels.quantityExported}${labels.colon}${endorsed ? `${endorsed.quantity} ${endorsed.unit}` : '—'}`,
    `${labels.portOfExport}${labels.colon}${endorsement.portOfExport}`,
    `${labels.date}${labels.colon}${date(endorsement.date)}`,
    `${labels.customsOfficer}${labels.colon}${endorsement.officer}`,
  ]);
}

function block(s: IssuedSpecimen, labels: FormLabels, language: HolderLanguage, endorsement?: Endorsement): string {
  const term = termMeaning(s.term, language);
  const source = sourceMeaning(s.source, language);
  const unit = unitMeaning(s.unit, language);
  const boxes = [
    box('7/8', `${labels.scientificName} – ${labels.commonName}`, [s.scientificName, s.commonName]),
    box('9', labels.description, [s.description, `${labels.term}${labels.colon}${s.term}${term ? ` – ${term}` : ''}`, s.marks && `${labels.marks}${labels.colon}${s.marks}`]),
    box('10', labels.appendixAndSource, [`${labels.appendix} ${s.appendix}`, `${labels.source} ${s.source}${source ? ` – ${source}` : ''}`]),
    box('11', labels.quantity, [`${s.quantity} ${s.unit}${unit ? ` (${unit})` : ''}`]),
  ];
  if (s.quota) boxes.push(box('11a', labels.quota, [`${s.quota.exportedToDate} / ${s.quota.annual}${s.quota.unit ? ` ${s.quota.unit}` : ''}`]));
  if (s.origin) boxes.push(box('12', labels.countryOfOrigin, [countryName(s.origin.country, language), [s.origin.permitNumber, s.origin.date && date(s.origin.date)].filter(Boolean).join(', ')]));
  if (s.lastReExport) boxes.push(box('12a', labels.lastReExport, [countryName(s.lastReExport.country, language), `${s.lastReExport.certificateNumber}, ${date(s.lastReExport.date)}`]));
  if (s.operationNumber || s.acquisitionDate) {
    boxes.push(box('12b', labels.operationOrAcquisition, [s.operationNumber && `${labels.operationNumber}${labels.colon}${s.operationNumber}`, s.acquisitionDate && `${labels.acquisitionDate}${labels.colon}${date(s.acquisitionDate)}`]));
  }
  if (endorsement) boxes.push(endorsementBox(s, endorsement, labels));
  const heading = `${labels.block} ${s.block}`;
  return `<section class="block" aria-label="${escapeHtml(heading)}"><h3>${escapeHtml(heading)}</h3><dl>${boxes.join('')}</dl></section>`;
}

/** The QR code's SVG as qrcode draws it, without its XML prolog, hidden from assistive technology (its container is the image). */
const inlineSvg = (svg: string) => svg.replace(/^<\?xml[^>]*>\s*/, '').replace('<svg ', '<svg aria-hidden="true" focusable="false" ');

/** The "Add to a wallet" section's content (src/holder/wallet-offer.ts), its QR code drawn already. */
export type WalletSection =
  | { kind: 'live'; credentialOffer: string; qrPng: string; expiresAt: string }
  | { kind: 'can-request'; mailFailed: boolean }
  | { kind: 'ask-authority'; mailFailed: boolean };

/**
 * Issue 12 §2: the offer as a PNG (data: URI, the CSP's img-src) and its openid-credential-offer://
 * link; or a plain form (no script) that asks for one; or where to ask. Never the tx_code.
 */
function walletSection(wallet: WalletSection, m: HolderPageMessages, language: HolderLanguage): string {
  const w = m.wallet;
  const failed = wallet.kind !== 'live' && wallet.mailFailed ? `<p class="state state-suspended" role="status">${escapeHtml(w.mailFailed)}</p>` : '';
  let content: string;
  if (wallet.kind === 'live') {
    const iso = new Date(wallet.expiresAt).toISOString();
    content = `<p>${escapeHtml(w.scan)}</p>
<p class="qr"><img class="wallet-qr" src="${escapeHtml(wallet.qrPng)}" alt="${escapeHtml(w.qrAlt)}"></p>
<p><a class="button wallet-link" href="${escapeHtml(wallet.credentialOffer)}">${escapeHtml(w.openLink)}</a></p>
<p>${escapeHtml(w.codeByMail)}</p><p class="hint">${escapeHtml(w.until(iso.slice(0, 10), iso.slice(11, 16)))}</p>`;
  } else if (wallet.kind === 'can-request') {
    content = `<form method="post" action="offer?lang=${language}"><button class="button" type="submit">${escapeHtml(w.request)}</button></form><p class="hint">${escapeHtml(w.requestHint)}</p>`;
  } else {
    content = `<p>${escapeHtml(w.askAuthority)}</p>`;
  }
  return `<section aria-labelledby="wallet-heading"><h2 id="wallet-heading">${escapeHtml(w.heading)}</h2>${failed}${content}</section>`;
}

export interface HolderPageInput {
  permit: Permit;
  issuerDid: string;
  state: HolderState;
  qrSvg: string;
  language: HolderLanguage;
  /** Absent when the agent offers no permits to wallets (no OpenID4VCI issuer). */
  wallet?: WalletSection;
  /** Box 14 (and 15): the customs export endorsement, once there is one. */
  endorsement?: Endorsement;
}

export function renderHolderPage({ permit, issuerDid, state, qrSvg, language, wallet, endorsement }: HolderPageInput): string {
  const m = HOLDER_PAGE_MESSAGES[language];
  const labels = FORM_LABELS[language];
  const svg = inlineSvg(qrSvg);
  const downloads = [
    ...HOLDER_LANGUAGES.map((l) => `<li><a class="button" href="permit.pdf?lang=${l}" download="${escapeHtml(permit.permitNumber)}-${l}.pdf">${escapeHtml(m.pdfIn[l])}</a></li>`),
    `<li><a class="button" href="credential.jwt" download="${escapeHtml(permit.permitNumber)}.jwt">${escapeHtml(m.credential)}</a><p class="hint">${escapeHtml(m.credentialHint)}</p></li>`,
  ];
  const body = `<main>
${languageNav(language, m)}
<h1>${escapeHtml(m.title(permit.permitNumber))}</h1>
<p>${escapeHtml(m.intro)}</p>
<section aria-labelledby="state-heading"><h2 id="state-heading">${escapeHtml(m.stateHeading)}</h2>
<p class="state state-${state}"><strong>${escapeHtml(m.states[state])}</strong></p><p>${escapeHtml(m.stateExplained[state])}</p></section>
<section aria-labelledby="qr-heading"><h2 id="qr-heading">${escapeHtml(m.qrHeading)}</h2>
<div class="qr" role="img" aria-label="${escapeHtml(m.qrAlt)}">${svg}</div>
<p><a class="button" href="#qr-full">${escapeHtml(m.showFullScreen)}</a></p></section>
${wallet ? walletSection(wallet, m, language) : ''}
<section aria-labelledby="downloads-heading"><h2 id="downloads-heading">${escapeHtml(m.downloadsHeading)}</h2><ul class="downloads">${downloads.join('')}</ul></section>
<section aria-labelledby="boxes-heading"><h2 id="boxes-heading">${escapeHtml(m.boxesHeading)}</h2>
<dl class="boxes">${headerBoxes(permit, issuerDid, labels, language)}${endorsement ? box('15', labels.transportDocument, [endorsement.transportDocument]) : ''}</dl>
<h2>${escapeHtml(m.blocksHeading)}</h2>
${permit.specimens.map((s) => block(s, labels, language, endorsement)).join('\n')}
</section>
<div id="qr-full" class="fullscreen" role="region" aria-label="${escapeHtml(m.qrHeading)}">
<div class="qr-big" role="img" aria-label="${escapeHtml(m.qrAlt)}">${svg}</div>
<p>${escapeHtml(m.fullScreenHint)}</p>
<p><a class="button" href="#qr-heading">${escapeHtml(m.closeFullScreen)}</a></p>
</div>
</main>`;
  return shell(language, m.title(permit.permitNumber), body);
}

/** Why the holder page shows no permit; `busy` is the per-client rate limit (src/http/rate-limit.ts). */
export type HolderRefusal = 'unknown' | 'revoked' | 'expired' | 'busy';

/** The page for a link that cannot be served: the same for every permit, so it says nothing about one. */
export function renderHolderRefusal(reason: HolderRefusal, language: HolderLanguage): string {
  const m = HOLDER_PAGE_MESSAGES[language];
  const [title, text] =
    reason === 'revoked' ? [m.withdrawnTitle, m.withdrawn]
    : reason === 'expired' ? [m.expiredTitle, m.expired]
    : reason === 'busy' ? [m.busyTitle, m.busy]
    : [m.unknownTitle, m.unknown];
  return shell(language, title, `<main>${languageNav(language, m)}<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main>`);
}
