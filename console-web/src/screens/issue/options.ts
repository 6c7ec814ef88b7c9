/**
 * The pickers' options, from the shared code tables (src/permit/tables, issue 11 §4: never
 * copied): each shows its code and its meaning in the chosen language (code-names.ts).
 */
import { APPENDICES, CITES_EXTRA_COUNTRIES, ISO_COUNTRIES, PURPOSES, SOURCES, TERMS, UNITS } from '../../../../src/permit/tables/index.js';
import { codeName, countryName, type CodeTable } from '../../../../src/permit/tables/code-names.js';
import type { Lang } from '../../i18n.js';
import type { Option } from './fields.js';

const coded = (table: CodeTable, entries: readonly { code: string }[], lang: Lang): Option[] =>
  entries.map(({ code }) => [code, `${code} — ${codeName(table, code, lang) ?? code}`] as const);

export interface Pickers { appendix: Option[]; purpose: Option[]; source: Option[]; term: Option[]; unit: Option[]; country: Option[]; originCountry: Option[] }

const cache = new Map<Lang, Pickers>();

export function pickers(lang: Lang): Pickers {
  let found = cache.get(lang);
  if (!found) {
    const countries = (entries: readonly { code: string }[]): Option[] => entries.map(({ code }) => [code, `${code} — ${countryName(code, lang)}`] as const);
    found = {
      appendix: coded('appendix', APPENDICES, lang),
      purpose: coded('purpose', PURPOSES, lang),
      source: coded('source', SOURCES, lang),
      term: coded('term', TERMS, lang),
      unit: coded('unit', UNITS, lang),
      // Box 3/4 addresses are ISO countries (schema.ts); an origin may also be a CITES code such as XX (unknown).
      country: countries(ISO_COUNTRIES),
      originCountry: countries([...ISO_COUNTRIES, ...CITES_EXTRA_COUNTRIES]),
    };
    cache.set(lang, found);
  }
  return found;
}
