/**
 * Box 10: source-of-specimen codes (Res. Conf. 12.3 (Rev. CoP19) para. 3 j); docs/sources.md §2).
 *
 * `kingdom` records which kingdom may use the code (§4.1 I5: animals never A or Y,
 * plants never C, R or F). The permit model does not carry the kingdom of the taxon,
 * so the validator cannot enforce it yet; the data is here for when it can.
 */

export type Kingdom = 'animals' | 'plants' | 'both';

export interface SourceEntry {
  readonly code: string;
  readonly meaning: string;
  readonly kingdom: Kingdom;
  readonly note?: string;
}

export const SOURCES = [
  { code: 'W', meaning: 'Specimens taken from the wild', kingdom: 'both' },
  {
    code: 'X',
    meaning: 'Specimens taken in the marine environment not under the jurisdiction of any State (introduction from the sea)',
    kingdom: 'both',
  },
  {
    code: 'R',
    meaning: 'Ranched specimens: animals reared in a controlled environment, taken as eggs or juveniles from the wild where they would otherwise have had a very low probability of surviving to adulthood',
    kingdom: 'animals',
    note: 'Plants may not use R.',
  },
  {
    code: 'D',
    meaning: 'Appendix-I animals bred in captivity for commercial purposes in operations registered with the Secretariat (Res. Conf. 12.10), and Appendix-I plants artificially propagated for commercial purposes, including parts and derivatives, exported under Article VII(4)',
    kingdom: 'both',
    note: 'Box 12b must give the registration number of the operation.',
  },
  {
    code: 'A',
    meaning: 'Plants artificially propagated in accordance with Res. Conf. 11.11, including parts and derivatives, exported under Article VII(5)',
    kingdom: 'plants',
    note: 'Animals may not use A.',
  },
  {
    code: 'C',
    meaning: 'Animals bred in captivity in accordance with Res. Conf. 10.16, including parts and derivatives, exported under Article VII(5)',
    kingdom: 'animals',
    note: 'Plants may not use C.',
  },
  {
    code: 'F',
    meaning: 'Animals born in captivity (F1 or subsequent generations) that do not fulfil the definition of "bred in captivity", including parts and derivatives',
    kingdom: 'animals',
    note: 'Plants may not use F.',
  },
  {
    code: 'Y',
    meaning: 'Specimens of plants that fulfil the definition of "assisted production" in Res. Conf. 11.11, including parts and derivatives',
    kingdom: 'plants',
    note: 'Animals may not use Y.',
  },
  { code: 'U', meaning: 'Source unknown (must be justified)', kingdom: 'both' },
  { code: 'I', meaning: 'Confiscated or seized specimens (may be used with another code)', kingdom: 'both' },
  {
    code: 'O',
    meaning: 'Pre-Convention specimens (may be used with another code)',
    kingdom: 'both',
    note: 'Box 12b must give the date of acquisition.',
  },
] as const satisfies readonly SourceEntry[];

export type SourceCode = (typeof SOURCES)[number]['code'];

export const SOURCE_CODES: readonly SourceCode[] = SOURCES.map((s) => s.code);
