/**
 * The confirmation step of revoke, suspend and reinstate: the console's modal dialog
 * (../../ConfirmDialog.tsx: focus kept inside, Escape closes it, WCAG 2.1.2), with the reason the API records
 * (POST /api/permits/{n}/revoke|suspend|reinstate { reason }, src/http/routes/lifecycle.ts).
 * A revocation takes one of the reasons the status record allows (REVOCATION_REASONS,
 * src/status/changes.ts refuses any other); a suspension needs a reason here (free text,
 * at most 500 characters), so the history says why.
 */
import { useState } from 'preact/hooks';
import { ConfirmDialog as Dialog } from '../../ConfirmDialog.js';
import { useMessages } from '../../i18n.js';
import { REVOCATION_REASONS } from '../../../../src/vocab/public-record.js';
import { PERMIT_MESSAGES, type LifeAction } from './messages.js';

/** 'replaced' is set by issuing the replacement (box 5 names the old permit), not chosen here. */
const CHOOSABLE = REVOCATION_REASONS.filter((r) => r !== 'replaced');

export function ConfirmDialog({ action, permitNumber, busy, onConfirm, onClose }: { action: LifeAction; permitNumber: string; busy: boolean; onConfirm: (reason: string) => void; onClose: () => void }) {
  const t = useMessages(PERMIT_MESSAGES);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const needsReason = action !== 'reinstate';
  const pick = (value: string) => {
    setReason(value);
    setMissing(false);
  };
  const submit = () => {
    if (needsReason && reason.trim() === '') return setMissing(true);
    onConfirm(reason.trim());
  };
  return (
    <Dialog title={t.confirmTitle[action](permitNumber)} text={t.confirmText[action]} confirm={t.confirm[action]} cancel={t.cancel} tone={action === 'reinstate' ? 'primary' : 'danger'} busy={busy} onConfirm={submit} onClose={onClose}>
      {action === 'revoke' ? (
        <>
          <label for="reason">{t.revocationReason}</label>
          <select id="reason" value={reason} required aria-invalid={missing ? 'true' : undefined} aria-describedby={missing ? 'reason-error' : undefined} onChange={(e) => pick((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t.chooseReason}</option>
            {CHOOSABLE.map((r) => (
              <option key={r} value={r}>
                {t.revocationReasons[r]}
              </option>
            ))}
          </select>
        </>
      ) : (
        <>
          <label for="reason">{t.reasonLabel}</label>
          <textarea id="reason" value={reason} maxLength={500} required={needsReason} aria-invalid={missing ? 'true' : undefined} aria-describedby={missing ? 'reason-error' : undefined} onInput={(e) => pick((e.currentTarget as HTMLTextAreaElement).value)} />
        </>
      )}
      {missing && (
        <p id="reason-error" class="error" role="alert">
          {t.reasonRequired}
        </p>
      )}
    </Dialog>
  );
}
