/** What the admin sections share: the API's refusal as one plain sentence, an inline confirmation. */
import type { ApiResult } from '../../api.js';
import type { Loaded } from '../../loaded.js';
import { useMessages } from '../../i18n.js';
import { ADMIN_MESSAGES } from './messages.js';

export function refusal(result: ApiResult<unknown> & { ok: false }): string {
  const details = [...result.errors.map((e) => e.message), ...(result.errors.length === 0 && result.message ? [result.message] : [])];
  return details.join(' ') || result.code;
}

/**
 * An action's confirmation in place (a row's Disable or Revoke): the question, Yes and
 * Cancel; focus moves to Yes so a keyboard user answers at once, Cancel puts it back.
 */
export function InlineConfirm({ question, onYes, onCancel, id }: { question: string; onYes: () => void; onCancel: () => void; id: string }) {
  const t = useMessages(ADMIN_MESSAGES);
  return (
    <div class="inline-confirm" role="group" aria-labelledby={`${id}-q`}>
      <span id={`${id}-q`}>{question}</span>
      <button type="button" class="danger" ref={(b) => b?.focus()} onClick={onYes}>
        {t.yes}
      </button>
      <button type="button" onClick={onCancel}>
        {t.cancel}
      </button>
    </div>
  );
}

export function Outcome({ outcome, id }: { outcome?: { ok: boolean; text: string }; id: string }) {
  return (
    <div role="status" aria-live="polite" id={id} class={outcome ? (outcome.ok ? 'ok' : 'error') : undefined}>
      {outcome?.text}
    </div>
  );
}

/** A section's list while it loads, or when the agent could not give it. */
export function Pending({ loaded, t }: { loaded: Loaded<unknown>; t: (typeof ADMIN_MESSAGES)['en'] }) {
  return loaded.kind === 'failed' ? <p class="error">{t.failed}</p> : <p role="status">{t.loading}</p>;
}
