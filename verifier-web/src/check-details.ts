/**
 * Each check's detail in the page's language, built from the structured verification
 * result (codes, dates, issuer, quantities, status age: `VerificationResult` in
 * src/verify/verifier-types.ts), not from the core's English message (defect 14).
 * Only free text that has no structured form (why a DID document could not be fetched,
 * say) is shown in English, and marked so. Pure: no DOM.
 */
import { VERIFY_CODES } from '../../src/codes.js';
import type { CheckName, VerificationCheck, VerificationResult } from '../../src/verify/index.js';
import { countryName } from './code-names.js';
import { codeMessage, formatAge, formatDate, formatNumber, UI, type Lang } from './i18n.js';
import { fillSegments, type Segments } from './segments.js';
import { LINKED_DETAIL } from './linked-texts.js';

export interface CheckDetail {
  /** What the check found, in the page's language. */
  text: Segments;
  /** The core's own words when nothing structured says more (English only). */
  english?: string;
}

interface DetailTexts {
  passed: Partial<Record<CheckName, string>>;
  validFromUntil: string;
  trustedAs: string;
  keysOf: string;
  signedBy: string;
  statusAsOf: string;
  notEndorsed: string;
  endorsed: string;
  rulesFollowed: string;
  rulesBroken: string;
  warnings: string;
  expiredOn: string;
  validFrom: string;
  exceeded: string;
}

const TEXT: Record<Lang, DetailTexts> = {
  en: {
    passed: {
      format: 'It is a signed CITES permit credential (VC-JWT).',
      algorithm: 'The signature method is on the list of accepted methods.',
      presentation: 'The wallet signed its answer to this page’s own request.',
      holder: 'The permit names its holder in box 3 or 4: check the identity papers against it.',
    },
    validFromUntil: 'Valid from {from} until {until}.',
    trustedAs: '{authority} is a trusted Management Authority ({did}).',
    keysOf: 'The public keys of {did} were obtained.',
    signedBy: 'Signed by {authority}.',
    statusAsOf: 'Not cancelled or suspended (status lists read {age} ago).',
    notEndorsed: 'Not yet endorsed for export by customs.',
    endorsed: 'Endorsed for export on {date} at {port} by {authority}.',
    rulesFollowed: 'The permit follows the CITES permit rules.',
    rulesBroken: 'Rules broken: {n}.',
    warnings: 'Warnings: {n}.',
    expiredOn: 'It expired on {date}.',
    validFrom: 'It is valid from {date}.',
    exceeded: 'Block {block}: {exported} exported, {permitted} permitted.',
  },
  fr: {
    passed: {
      format: 'C’est un permis CITES signé (justificatif VC-JWT).',
      algorithm: 'La méthode de signature figure sur la liste des méthodes acceptées.',
      presentation: 'Le portefeuille a signé sa réponse à la demande de cette page.',
      holder: 'Le permis désigne son titulaire en case 3 ou 4\u00a0: vérifiez les papiers d’identité.',
    },
    validFromUntil: 'Valable du {from} au {until}.',
    trustedAs: '{authority} est un organe de gestion de confiance ({did}).',
    keysOf: 'Les clés publiques de {did} ont été obtenues.',
    signedBy: 'Signé par {authority}.',
    statusAsOf: 'Ni annulé ni suspendu (listes de statut lues il y a {age}).',
    notEndorsed: 'Pas encore visé à l’exportation par la douane.',
    endorsed: 'Visé à l’exportation le {date} à {port} par {authority}.',
    rulesFollowed: 'Le permis respecte les règles des permis CITES.',
    rulesBroken: 'Règles non respectées\u00a0: {n}.',
    warnings: 'Avertissements\u00a0: {n}.',
    expiredOn: 'Il a expiré le {date}.',
    validFrom: 'Il est valable à partir du {date}.',
    exceeded: 'Bloc {block}\u00a0: {exported} exporté, {permitted} autorisé.',
  },
  es: {
    passed: {
      format: 'Es un permiso CITES firmado (credencial VC-JWT).',
      algorithm: 'El método de firma figura en la lista de métodos aceptados.',
      presentation: 'La cartera firmó su respuesta a la solicitud de esta página.',
      holder: 'El permiso nombra a su titular en la casilla 3 o 4: compruebe los documentos de identidad.',
    },
    validFromUntil: 'Válido del {from} al {until}.',
    trustedAs: '{authority} es una Autoridad Administrativa de confianza ({did}).',
    keysOf: 'Se obtuvieron las claves públicas de {did}.',
    signedBy: 'Firmado por {authority}.',
    statusAsOf: 'Ni anulado ni suspendido (listas de estado leídas hace {age}).',
    notEndorsed: 'Aún no refrendado por la aduana para la exportación.',
    endorsed: 'Refrendado para la exportación el {date} en {port} por {authority}.',
    rulesFollowed: 'El permiso cumple las normas de los permisos CITES.',
    rulesBroken: 'Normas incumplidas: {n}.',
    warnings: 'Advertencias: {n}.',
    expiredOn: 'Caducó el {date}.',
    validFrom: 'Es válido a partir del {date}.',
    exceeded: 'Bloque {block}: {exported} exportado, {permitted} autorizado.',
  },
};

export const CHECK_DETAIL_TEXT = TEXT;

/** The core's free text after its code's fixed message ("<code message> <detail>"), if any. */
function freeText(check: VerificationCheck): string | undefined {
  const fixed = (VERIFY_CODES as Record<string, string>)[check.code];
  let rest = check.message.trim();
  if (fixed && rest.startsWith(fixed)) rest = rest.slice(fixed.length).trim();
  return rest === '' ? undefined : rest;
}

type Result = Pick<VerificationResult, 'issuer' | 'credential' | 'status' | 'blocks' | 'endorsement' | 'ruleErrors' | 'ruleWarnings' | 'linkedPermits'>;

/** The linked import permit's number and state (linked-texts.ts), when the core read it. */
function linkedDetail(r: Result, lang: Lang): Segments | undefined {
  const linked = r.linkedPermits?.[0];
  const t = LINKED_DETAIL[lang];
  return linked ? fillSegments(t.permit, { number: linked.permitNumber, state: t.states[linked.state] }) : undefined;
}

const authorityOf = (r: Result, lang: Lang): Segments | undefined =>
  r.issuer ? fillSegments('{name} ({country})', { name: r.issuer.name, country: countryName(r.issuer.country, lang) }) : undefined;

const qty = (q: { quantity: number; unit: string }, lang: Lang) => `${formatNumber(q.quantity, lang)} ${q.unit}`;

/** What a passed check established, or undefined when the result does not say. */
function passedDetail(check: CheckName, r: Result, lang: Lang, now: number): Segments | undefined {
  const t = TEXT[lang];
  const authority = authorityOf(r, lang);
  switch (check) {
    case 'format':
    case 'algorithm':
      return [t.passed[check]!];
    case 'trust':
      return authority && r.issuer ? fillSegments(t.trustedAs, { authority, did: r.issuer.did }) : undefined;
    case 'issuer': {
      const did = r.credential?.issuer ?? r.issuer?.did;
      return did ? fillSegments(t.keysOf, { did }) : undefined;
    }
    case 'signature':
      return authority ? fillSegments(t.signedBy, { authority }) : undefined;
    case 'validity': {
      const until = formatDate(r.credential?.validUntil, lang);
      if (!until) return undefined;
      const from = formatDate(r.credential?.validFrom, lang);
      return from ? fillSegments(t.validFromUntil, { from, until }) : fillSegments(UI[lang].validUntil, { date: until });
    }
    case 'permit': {
      const warned = r.ruleWarnings?.length ? [' ', ...fillSegments(t.warnings, { n: r.ruleWarnings.length })] : [];
      return [t.rulesFollowed, ...warned];
    }
    case 'status': {
      const at = r.status ? Date.parse(r.status.checkedAt) : Number.NaN;
      return Number.isNaN(at) ? undefined : fillSegments(t.statusAsOf, { age: formatAge(now - at, lang) });
    }
    case 'endorsement': {
      const e = r.endorsement;
      return e ? fillSegments(t.endorsed, { date: formatDate(e.date, lang), port: e.portOfExport, authority: e.authority }) : [t.notEndorsed];
    }
    case 'linkedPermits':
      return linkedDetail(r, lang);
    default:
      return undefined;
  }
}

/** What structured data adds to a failed check's translated code message. */
function failedAddition(check: VerificationCheck, r: Result, lang: Lang): Segments | undefined {
  const t = TEXT[lang];
  const ui = UI[lang];
  switch (check.code) {
    case 'EXPIRED':
      return r.credential?.validUntil ? fillSegments(t.expiredOn, { date: formatDate(r.credential.validUntil, lang) }) : undefined;
    case 'NOT_YET_VALID':
      return r.credential?.validFrom ? fillSegments(t.validFrom, { date: formatDate(r.credential.validFrom, lang) }) : undefined;
    case 'REVOKED': {
      const parts: Segments = [];
      if (r.status?.reason) parts.push(...fillSegments(ui.reason, { reason: ui.revocationReasons[r.status.reason] ?? r.status.reason }));
      if (r.status?.replacedBy) parts.push(...(parts.length ? [' '] : []), ...fillSegments(ui.replacedBy, { number: r.status.replacedBy }));
      return parts;
    }
    case 'SUSPENDED':
      return [];
    case 'PERMIT_INVALID':
      if (!r.ruleErrors) return undefined;
      return [...fillSegments(t.rulesBroken, { n: r.ruleErrors.length }), ...(r.ruleWarnings?.length ? [' ', ...fillSegments(t.warnings, { n: r.ruleWarnings.length })] : [])];
    case 'QUANTITY_EXCEEDED': {
      const over = (r.blocks ?? []).filter((b) => b.exported && b.exported.quantity > b.permitted.quantity);
      if (over.length === 0) return undefined;
      return over.flatMap((b, i) => [...(i ? [' '] : []), ...fillSegments(t.exceeded, { block: b.block, exported: qty(b.exported!, lang), permitted: qty(b.permitted, lang) })]);
    }
    default:
      return undefined;
  }
}

/**
 * The detail of one check in `lang`; `now` (ms) dates the status lists' age. `english` is
 * the core's own free text (it may quote the document, e.g. an untrusted issuer's DID), to
 * be shown isolated and, outside English, marked as English.
 */
export function checkDetail(check: VerificationCheck, result: Result, lang: Lang, now: number): CheckDetail {
  // Passed with a reservation (LINKED_PERMIT_MISSING): the reservation is the detail.
  if (check.ok && check.code !== 'OK') return { text: [codeMessage(lang, check.code).text] };
  // A presentation's checks (issue 12 §3): the core's words name the wallet key and what to check of the person.
  if (check.ok && (check.check === 'presentation' || check.check === 'holder')) return { text: [TEXT[lang].passed[check.check]!], english: check.message };
  if (check.ok) {
    const text = passedDetail(check.check, result, lang, now);
    return text ? { text } : { text: [codeMessage(lang, 'OK').text] };
  }
  const message = codeMessage(lang, check.code);
  if (!message.translated) return { text: [], english: check.message };
  const addition = check.check === 'linkedPermits' ? linkedDetail(result, lang) : failedAddition(check, result, lang);
  if (addition !== undefined) return { text: [message.text, ...(addition.length ? [' ', ...addition] : [])] };
  const english = freeText(check);
  return english === undefined ? { text: [message.text] } : { text: [message.text], english };
}
