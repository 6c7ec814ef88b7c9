/**
 * Code meanings written out on the print, in the print's language, from the shared code
 * meanings (src/permit/tables/code-names.ts), which the verifier page uses too.
 */
import { codeName, countryName as nameOfCountry } from '../permit/tables/code-names.js';
import type { PrintLanguage } from './labels.js';

/** Box 5a: the purpose's meaning, or undefined for an unknown code. */
export function purposeMeaning(code: string, language: PrintLanguage): string | undefined {
  return codeName('purpose', code, language);
}

/** Box 10: the source's meaning, or undefined for an unknown code. */
export function sourceMeaning(code: string, language: PrintLanguage): string | undefined {
  return codeName('source', code, language);
}

/** Box 11: the unit's meaning (current or historical unit), or undefined for an unknown code. */
export function unitMeaning(code: string, language: PrintLanguage): string | undefined {
  return codeName('unit', code, language);
}

/** Box 9: the term's description, or undefined for an unknown code. */
export function termMeaning(code: string, language: PrintLanguage): string | undefined {
  return codeName('term', code, language);
}

/** A country's name in the print's language followed by its code, e.g. "Switzerland (CH)". */
export function countryName(code: string, language: PrintLanguage): string {
  const name = nameOfCountry(code, language);
  return name === code ? code : `${name} (${code})`;
}
