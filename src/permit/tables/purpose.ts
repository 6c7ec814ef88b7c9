/** Box 5a: purpose-of-transaction codes (Res. Conf. 12.3 (Rev. CoP19); docs/sources.md §2). One code per document. */

export interface PurposeEntry {
  readonly code: string;
  readonly meaning: string;
}

export const PURPOSES = [
  { code: 'B', meaning: 'Breeding in captivity or artificial propagation' },
  { code: 'E', meaning: 'Educational' },
  { code: 'G', meaning: 'Botanical garden' },
  { code: 'H', meaning: 'Hunting trophy' },
  { code: 'L', meaning: 'Law enforcement / judicial / forensic' },
  { code: 'M', meaning: 'Medical (including biomedical research)' },
  { code: 'N', meaning: 'Reintroduction or introduction into the wild' },
  { code: 'P', meaning: 'Personal' },
  { code: 'Q', meaning: 'Circus or travelling exhibition' },
  { code: 'S', meaning: 'Scientific' },
  { code: 'T', meaning: 'Commercial' },
  { code: 'Z', meaning: 'Zoo' },
] as const satisfies readonly PurposeEntry[];

export type PurposeCode = (typeof PURPOSES)[number]['code'];

export const PURPOSE_CODES: readonly PurposeCode[] = PURPOSES.map((p) => p.code);
