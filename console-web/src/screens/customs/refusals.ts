/**
 * A refusal's plain message: the code's text from src/codes.ts (shared) in English, this
 * screen's translation in French and Spanish, and the server's own detail (English only).
 */
import { EXCHANGE_CODES, LIFECYCLE_CODES } from '../../../../src/codes.js';
import type { Finding } from '../../api.js';
import type { Lang } from '../../i18n.js';
import { CODE_TEXT } from './messages.js';

const ENGLISH: Record<string, string> = { ...LIFECYCLE_CODES, ...EXCHANGE_CODES };

export interface Refusal {
  code: string;
  text: string;
  /** False when the text is the English one (marked lang="en"). */
  translated: boolean;
  /** What the server added after the code's text (the value and the limit), in English. */
  detail?: string;
}

export function refusal(finding: Finding, lang: Lang): Refusal {
  const english = ENGLISH[finding.code];
  const own = lang === 'en' ? english : CODE_TEXT[lang][finding.code];
  const rest = english && finding.message.startsWith(english) ? finding.message.slice(english.length).trim() : finding.message;
  const out: Refusal = { code: finding.code, text: own ?? english ?? finding.message, translated: lang === 'en' || own !== undefined };
  if (rest && rest !== out.text) out.detail = rest;
  return out;
}
