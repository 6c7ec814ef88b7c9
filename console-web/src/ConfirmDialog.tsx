/**
 * The console's confirmation step before an action that cannot be undone (a permit's revoke,
 * suspend and reinstate; a key's rotation and revocation): a modal <dialog>, so the browser
 * keeps focus inside it and Escape closes it (WCAG 2.1.2), with the action's question, what
 * it does, the fields it takes (children) and its two buttons. The caller checks its fields in
 * `onConfirm`; closing (Cancel, Escape) calls `onClose`.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export interface ConfirmDialogProps {
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  /** 'danger' for what takes something out of use, 'primary' for what restores it. */
  tone?: 'danger' | 'primary';
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children?: ComponentChildren;
}

export function ConfirmDialog({ title, text, confirm, cancel, tone = 'danger', busy, onConfirm, onClose, children }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    return () => dialog.open && dialog.close();
  }, []);
  const submit = (e: Event) => {
    e.preventDefault();
    onConfirm();
  };
  return (
    <dialog ref={ref} class="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text" onClose={onClose}>
      <form onSubmit={submit} class="stack" noValidate>
        <h2 id="confirm-title">{title}</h2>
        <p id="confirm-text">{text}</p>
        {children}
        <div class="row">
          <button type="submit" class={tone} id="confirm-action" disabled={busy}>
            {confirm}
          </button>
          <button type="button" onClick={() => ref.current?.close()}>
            {cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
