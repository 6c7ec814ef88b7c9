/**
 * Search and list (issue 11 §2): by number (opens the permit), trader, species, state, document,
 * country and issue date range, paged, with a CSV of every match. The search lives in the
 * address (/console/permits?state=revoked…), so the dashboard links to a filtered list and
 * a search can be bookmarked. The filters are GET /api/permits's (src/store/permit-filter.ts);
 * a search by trader name has no API filter yet, so it is not offered.
 */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api, download } from '../../api.js';
import { useMessages } from '../../i18n.js';
import type { PermitPage } from '../permit/types.js';
import { PERMITS_MESSAGES } from './messages.js';
import './permits.css';
import { ColumnHeads } from '../../ColumnHeads.js';

export const PAGE_SIZE = 20;
const FIELDS = ['trader', 'species', 'state', 'documentType', 'country', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];
type Search = Partial<Record<Field, string>>;

/** The day after a YYYY-MM-DD: issuedTo is exclusive in the API, the form's "until" is inclusive. */
function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The API query of a search: GET /api/permits's parameter names. */
export function apiQuery(search: Search, limit: number, offset: number): string {
  const q = new URLSearchParams({ limit: String(limit), offset: String(offset) });
  // trader: part of the exporter's or importer's name (boxes 3 and 4), capitals ignored.
  if (search.trader) q.set('trader', search.trader);
  if (search.species) q.set('species', search.species);
  if (search.state) q.set('state', search.state);
  if (search.documentType) q.set('documentType', search.documentType);
  if (search.country) q.set('country', search.country.toUpperCase());
  if (search.from) q.set('issuedFrom', search.from);
  if (search.to) q.set('issuedTo', dayAfter(search.to));
  return q.toString();
}

type Result = { kind: 'loading' } | { kind: 'ok'; page: PermitPage } | { kind: 'refused'; message: string };

export default function PermitsScreen() {
  const t = useMessages(PERMITS_MESSAGES);
  const location = useLocation();
  const query = location.query as Record<string, string | undefined>;
  const search: Search = Object.fromEntries(FIELDS.filter((f) => query[f]).map((f) => [f, query[f]]));
  const page = Math.max(0, Number(query.page ?? 0) || 0);
  // ?size= (1–200, the API's limit) for a longer or shorter page than the default.
  const size = Math.min(200, Math.max(1, Number(query.size ?? PAGE_SIZE) || PAGE_SIZE));
  const [form, setForm] = useState<Search>(search);
  const [number, setNumber] = useState('');
  const [numberError, setNumberError] = useState<string | undefined>();
  const [result, setResult] = useState<Result>({ kind: 'loading' });
  const [csvError, setCsvError] = useState(false);

  useEffect(() => {
    setForm(search);
    setResult({ kind: 'loading' });
    void api<PermitPage>('GET', `/api/permits?${apiQuery(search, size, page * size)}`).then((r) =>
      setResult(r.ok ? { kind: 'ok', page: r.body } : { kind: 'refused', message: r.errors.map((e) => e.message).join(' ') || r.message || r.code }),
    );
  }, [location.url]);

  const go = (next: Search, nextPage = 0) => {
    const q = new URLSearchParams(Object.entries(next).filter(([, v]) => v) as [string, string][]);
    if (size !== PAGE_SIZE) q.set('size', String(size));
    if (nextPage > 0) q.set('page', String(nextPage));
    const s = q.toString();
    location.route(`/console/permits${s ? `?${s}` : ''}`);
  };

  const open = async (e: Event) => {
    e.preventDefault();
    const n = number.trim();
    if (n === '') return;
    const found = await api('GET', `/api/permits/${encodeURIComponent(n)}`);
    if (found.ok) location.route(`/console/permits/${encodeURIComponent(n)}`);
    else setNumberError(t.noSuchNumber(n));
  };

  // The agent writes the CSV of every match (GET /api/permits.csv, RFC 4180, cells guarded against
  // spreadsheet formulas): one export, the same as a script gets.
  const exportCsv = async () => {
    setCsvError(false);
    const query = new URLSearchParams(apiQuery(search, 1, 0));
    query.delete('limit');
    query.delete('offset');
    const file = await download(`/api/permits.csv?${query.toString()}`);
    if (!file.ok) return setCsvError(true);
    const url = URL.createObjectURL(file.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'permits.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const input = (name: Field, label: string, type: 'text' | 'date', hint?: string) => (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      {hint && (
        <span class="hint" id={`f-${name}-hint`}>
          {hint}
        </span>
      )}
      <input
        {...({ type } as { type: 'text' })}
        id={`f-${name}`}
        value={form[name] ?? ''}
        aria-describedby={hint ? `f-${name}-hint` : undefined}
        onInput={(e) => setForm({ ...form, [name]: (e.currentTarget as HTMLInputElement).value })}
      />
    </div>
  );

  return (
    <>
      <h1 id="screen-title">{t.title}</h1>
      <form class="by-number" onSubmit={open}>
        <div class="field">
          <label for="f-number">{t.number}</label>
          <span class="hint" id="f-number-hint">
            {t.numberHint}
          </span>
          <input
            id="f-number"
            value={number}
            aria-describedby={numberError ? 'f-number-hint f-number-error' : 'f-number-hint'}
            aria-invalid={numberError ? 'true' : undefined}
            onInput={(e) => {
              setNumber((e.currentTarget as HTMLInputElement).value);
              setNumberError(undefined);
            }}
          />
        </div>
        <button type="submit">{t.open}</button>
        {numberError && (
          <p class="error" id="f-number-error" role="alert">
            {numberError}
          </p>
        )}
      </form>

      <form
        class="filters"
        aria-label={t.search}
        onSubmit={(e) => {
          e.preventDefault();
          go(form);
        }}
      >
        {input('trader', t.trader, 'text', t.traderHint)}
        {input('species', t.species, 'text', t.speciesHint)}
        <div class="field">
          <label for="f-state">{t.state}</label>
          <select id="f-state" value={form.state ?? ''} onChange={(e) => setForm({ ...form, state: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t.anyState}</option>
            {(Object.keys(t.states) as (keyof typeof t.states)[]).map((s) => (
              <option key={s} value={s}>
                {t.states[s]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-documentType">{t.documentType}</label>
          <select id="f-documentType" value={form.documentType ?? ''} onChange={(e) => setForm({ ...form, documentType: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="">{t.anyType}</option>
            {(Object.keys(t.documentTypes) as (keyof typeof t.documentTypes)[]).map((d) => (
              <option key={d} value={d}>
                {t.documentTypes[d]}
              </option>
            ))}
          </select>
        </div>
        {input('country', t.country, 'text', t.countryHint)}
        {input('from', t.issuedFrom, 'date')}
        {input('to', t.issuedTo, 'date')}
        <div class="row">
          <button type="submit" class="primary">
            {t.apply}
          </button>
          <button type="button" onClick={() => go({})}>
            {t.clear}
          </button>
        </div>
      </form>

      {result.kind === 'loading' && <p role="status">{t.loading}</p>}
      {result.kind === 'refused' && (
        <p class="error" role="alert" id="search-refused">
          {t.refused} {result.message}
        </p>
      )}
      {result.kind === 'ok' && <Results t={t} page={result.page} onPage={(p) => go(search, p)} onCsv={exportCsv} csvError={csvError} />}
    </>
  );
}

function Results({ t, page, onPage, onCsv, csvError }: { t: ReturnType<typeof useMessages<import('./messages.js').PermitsText>>; page: PermitPage; onPage: (p: number) => void; onCsv: () => void; csvError: boolean }) {
  const n = Math.floor(page.offset / page.limit);
  if (page.total === 0) return <p role="status" id="results-count">{t.none}</p>;
  return (
    <section aria-labelledby="results-count">
      <div class="row results-bar">
        <h2 id="results-count">{t.results(page.offset + 1, page.offset + page.items.length, page.total)}</h2>
        <button type="button" id="csv" onClick={onCsv}>
          {t.csv}
        </button>
      </div>
      {csvError && (
        <p class="error" role="alert">
          {t.csvFailed}
        </p>
      )}
      <div class="table-wrap">
        <table id="results">
          <ColumnHeads columns={t.columns} />
          <tbody>
            {page.items.map((p) => (
              <tr key={p.permitNumber}>
                <td>
                  <a href={`/console/permits/${encodeURIComponent(p.permitNumber)}`}>{p.permitNumber}</a>
                </td>
                <td>{t.documentTypes[p.documentType]}</td>
                <td>{t.states[p.state]}</td>
                <td>{p.issuedAt}</td>
                <td>{p.validUntil}</td>
                <td>{p.permit.exporter.name}</td>
                <td>{p.permit.importer.name}</td>
                <td>
                  {p.permit.specimens.map((s) => (
                    <i class="line" key={s.block}>
                      {s.scientificName}
                    </i>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="row" aria-label={t.results(page.offset + 1, page.offset + page.items.length, page.total)}>
        <button type="button" disabled={n === 0} onClick={() => onPage(n - 1)}>
          {t.previous}
        </button>
        <button type="button" disabled={page.offset + page.items.length >= page.total} onClick={() => onPage(n + 1)}>
          {t.next}
        </button>
      </nav>
    </section>
  );
}
