/**
 * One labelled input of the issue form, with the agent's findings for its JSON pointer
 * shown next to it (issue 11 §2): the input's id comes from the pointer (form-state.ts
 * fieldId), aria-invalid marks an error, aria-describedby names the hint and the messages.
 */
import type { ComponentChildren } from 'preact';
import type { Finding } from '../../api.js';
import { fieldId } from './form-state.js';

export interface Placed { errors: Finding[]; warnings: Finding[] }
/** Findings by the pointer of the field they are shown at. */
export type FindingsAt = Record<string, Placed>;

export type Option = readonly [value: string, label: string];

interface FieldProps {
  pointer: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  at: FindingsAt;
  kind?: 'text' | 'date' | 'number' | 'textarea' | 'select';
  options?: readonly Option[];
  choose?: string;
  hint?: string;
  required?: boolean;
  wide?: boolean;
  words: { errorLabel: string; warningLabel: string };
}

export function Field(p: FieldProps) {
  const id = fieldId(p.pointer);
  const found = p.at[p.pointer];
  const described = [p.hint ? `${id}-hint` : '', found?.errors.length ? `${id}-errors` : '', found?.warnings.length ? `${id}-warnings` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    name: p.pointer,
    required: p.required,
    'aria-invalid': found?.errors.length ? ('true' as const) : undefined,
    'aria-describedby': described || undefined,
  };
  const change = (e: Event) => p.onChange((e.currentTarget as HTMLInputElement).value);
  let control: ComponentChildren;
  if (p.kind === 'select') {
    control = (
      <select {...common} value={p.value} onChange={change}>
        <option value="">{p.choose ?? '—'}</option>
        {p.options?.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    );
  } else if (p.kind === 'textarea') {
    control = <textarea {...common} value={p.value} onInput={change} />;
  } else {
    control =
      p.kind === 'date' ? (
        <input {...common} type="date" value={p.value} onInput={change} />
      ) : (
        <input {...common} type="text" inputMode={p.kind === 'number' ? 'decimal' : undefined} value={p.value} onInput={change} />
      );
  }
  return (
    <div class={`field${p.wide ? ' wide' : ''}${found?.errors.length ? ' has-error' : ''}`}>
      <label for={id}>{p.label}</label>
      {p.hint && (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {control}
      {found?.errors.length ? (
        <ul class="findings error" id={`${id}-errors`}>
          {found.errors.map((f, i) => (
            <li key={i} data-code={f.code}>
              <span class="visually-hidden">{p.words.errorLabel}: </span>
              {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      {found?.warnings.length ? (
        <ul class="findings warning" id={`${id}-warnings`}>
          {found.warnings.map((f, i) => (
            <li key={i} data-code={f.code}>
              <span class="visually-hidden">{p.words.warningLabel}: </span>
              {f.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The field a finding is shown at: its pointer's own input, else the first input under it
 * (a missing object such as /importPermit or /specimens/0/origin), else its parent's.
 * Read from the rendered form, since which fields show depends on type and source.
 */
export function placeOf(path: string | undefined, root: ParentNode): string | undefined {
  let pointer = path ?? '';
  while (pointer !== '') {
    const id = fieldId(pointer);
    const own = root.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
    if (own && own.matches('input, select, textarea')) return pointer;
    const inner = root.querySelector<HTMLElement>(`input[id^="${CSS.escape(id)}-"], select[id^="${CSS.escape(id)}-"], textarea[id^="${CSS.escape(id)}-"]`);
    if (inner) return inner.getAttribute('name') ?? undefined;
    pointer = pointer.slice(0, pointer.lastIndexOf('/'));
  }
  return undefined;
}
