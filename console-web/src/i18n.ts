/**
 * The console's languages (issue 11 §4): English, French and Spanish, as the CITES
 * Secretariat's working languages (Art. XXXIII) and the printed permit. Each screen keeps its
 * words in its own messages.ts as { en, fr, es } of the same shape; the English object is
 * the shape, so a missing translation fails the type check.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export const LANGS = ['en', 'fr', 'es'] as const;
export type Lang = (typeof LANGS)[number];
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', fr: 'Français', es: 'Español' };

export type Messages<T> = { en: T; fr: T; es: T };

export const LangContext = createContext<Lang>('en');

/** The screen's words in the chosen language. */
export function useMessages<T>(messages: Messages<T>): T {
  return messages[useContext(LangContext)];
}

export function useLang(): Lang {
  return useContext(LangContext);
}

const STORAGE_KEY = 'saiga.console.lang';

/** The language kept from last time, else the browser's first of en/fr/es, else English. */
export function initialLang(): Lang {
  const kept = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (kept && (LANGS as readonly string[]).includes(kept)) return kept as Lang;
  for (const tag of globalThis.navigator?.languages ?? []) {
    const base = tag.slice(0, 2).toLowerCase();
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return 'en';
}

export function keepLang(lang: Lang): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, lang);
}
