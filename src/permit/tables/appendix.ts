/**
 * Box 10: CITES Appendix (Convention Arts. II–V; docs/sources.md §1).
 *
 * Only I, II and III go on a permit. WCMC's annual-report validation also knows `N`
 * ("not CITES-listed"), which is a reporting value and never printed on a permit, so
 * it is deliberately absent here.
 */

export interface AppendixEntry {
  readonly code: string;
  readonly meaning: string;
}

export const APPENDICES = [
  { code: 'I', meaning: 'Appendix I: species threatened with extinction; trade only in exceptional circumstances, with import and export permits.' },
  { code: 'II', meaning: 'Appendix II: species whose trade is regulated by export permits.' },
  { code: 'III', meaning: 'Appendix III: species listed by a range State; export permit from the listing State, certificate of origin elsewhere.' },
] as const satisfies readonly AppendixEntry[];

export type AppendixCodeValue = (typeof APPENDICES)[number]['code'];

export const APPENDIX_CODES: readonly AppendixCodeValue[] = APPENDICES.map((a) => a.code);
