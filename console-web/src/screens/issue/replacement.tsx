/**
 * Replacing a permit from the console (R1): the permit page links to /console/issue?replaces=N.
 * The form then starts from N's boxes (the "start from an existing permit" copy, form-state.ts
 * fromRequest), says plainly that N will be revoked when the new permit is issued, and sends
 * `replaces: { permitNumber, reason }` (src/permit/schema.ts REPLACEMENT) with the request.
 * The agent decides (src/issuance/issue-checks.ts): a replaced permit unknown here, revoked or
 * used is refused, and that refusal is shown as a plain sentence, not at a field.
 */
import { FORM_LABELS } from '../../../../src/print/labels.js';
import type { PermitRequest, ReplacementReason } from '../../../../src/permit/model.js';
import { api, type Finding } from '../../api.js';
import type { Lang } from '../../i18n.js';
import { Field, type FindingsAt, type Option } from './fields.js';
import type { IssueMessages, ReplaceRefusal } from './messages.js';

export interface Replacing {
  permitNumber: string;
  reason: string;
  /** Why the agent will refuse it, known from the permit's state or from a refusal. */
  refusal?: ReplaceRefusal;
}

const REFUSALS: readonly string[] = ['REPLACED_PERMIT_UNKNOWN', 'REPLACED_PERMIT_REVOKED', 'REPLACED_PERMIT_USED'] satisfies readonly ReplaceRefusal[];
const REASONS: readonly ReplacementReason[] = ['lost', 'stolen', 'destroyed', 'damaged', 'cancelled', 'expired', 'error'];

/** A refusal about the replaced permit itself: shown as a sentence in the replacement box. */
export const isReplaceRefusal = (f: Finding): f is Finding & { code: ReplaceRefusal } => REFUSALS.includes(f.code);

/** Loads permit N: its boxes for the form, and what its state already says about replacing it. */
export async function loadReplaced(permitNumber: string): Promise<{ replacing: Replacing; request?: PermitRequest }> {
  const result = await api<{ state: string; permit: PermitRequest }>('GET', `/api/permits/${encodeURIComponent(permitNumber)}`);
  if (!result.ok) return { replacing: { permitNumber, reason: '', refusal: 'REPLACED_PERMIT_UNKNOWN' } };
  const refusal = result.body.state === 'revoked' ? 'REPLACED_PERMIT_REVOKED' : result.body.state === 'used' ? 'REPLACED_PERMIT_USED' : undefined;
  return { replacing: { permitNumber, reason: '', ...(refusal && { refusal }) }, request: result.body.permit };
}

/** The request's `replaces`, empty fields left out so that the schema names what is missing. */
export function replacesOf(r: Replacing): Record<string, string> {
  return { permitNumber: r.permitNumber, ...(r.reason !== '' && { reason: r.reason }) };
}

interface BoxProps {
  replacing: Replacing;
  onReason: (reason: string) => void;
  t: IssueMessages;
  lang: Lang;
  at: FindingsAt;
  words: { errorLabel: string; warningLabel: string };
}

export function ReplacementBox({ replacing, onReason, t, lang, at, words }: BoxProps) {
  const n = replacing.permitNumber;
  const labels = FORM_LABELS[lang].replacementReasons;
  // The reasons as box 5 prints them (src/print/labels.ts), capitalised for a list.
  const reasons: Option[] = REASONS.map((r) => [r, labels[r].charAt(0).toUpperCase() + labels[r].slice(1)] as const);
  return (
    <fieldset class="box replacement" id="replacement">
      <legend>{t.replacement(n)}</legend>
      <p id="replace-notice" class="notice">{t.willReplace(n)}</p>
      {replacing.refusal && (
        <p id="replace-refusal" class="error" role="alert" data-code={replacing.refusal}>
          {t.replaceRefused[replacing.refusal](n)}
        </p>
      )}
      <div class="grid">
        <Field at={at} words={words} choose={t.choose} pointer="/replaces/reason" label={t.replaceReason} kind="select" options={reasons} value={replacing.reason} onChange={onReason} required />
      </div>
      <p>
        <a href="/console/issue" id="not-replacing" class="target">{t.notReplacing}</a>
      </p>
    </fieldset>
  );
}
