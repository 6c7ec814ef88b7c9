/** Permits built by hand for the layout tests: every box filled, most of them far too full. */
import type { Endorsement } from '../../src/endorsement/model.js';
import type { IssuedSpecimen, Permit } from '../../src/permit/model.js';

/** "Word0 Word1 … Word{n-1}": tokens that are easy to find in the PDF's text. */
export const words = (prefix: string, n: number): string => Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');

const block = (i: number, extra: Partial<IssuedSpecimen> = {}): IssuedSpecimen => ({
  block: String.fromCharCode(65 + i),
  scientificName: 'Crocodylus niloticus',
  commonName: 'Nile crocodile',
  description: 'Live adult males, 2 years old',
  term: 'LIV',
  appendix: 'I',
  source: 'D',
  quantity: 12,
  unit: 'NAR',
  quota: { exportedToDate: 120, annual: 500, unit: 'NAR' },
  origin: { country: 'ZW', permitNumber: 'ZW-2026-004411', date: '2026-01-19' },
  lastReExport: { country: 'ZA', certificateNumber: '26ZA-R000123', date: '2026-02-01' },
  operationNumber: 'A-ZW-501',
  ...extra,
});

/** Six blocks; the importer, box 5, box 6 and block B overflow unless shrunk or cut. */
export function crowdedPermit(): Permit {
  return {
    permitNumber: 'LK26-O000123',
    documentType: 'other',
    otherDocumentType: 'Travelling-exhibition certificate',
    validUntil: '2027-05-29',
    importer: { name: 'Kanazawa Timepieces Kabushiki Kaisha, Ōsaka branch (大阪)', address: words('Impaddr', 70), country: 'JP' },
    exporter: { name: 'Kandy Orchid Nurseries (Pvt) Ltd', address: '45 Peradeniya Road\nKandy 20000', country: 'LK' },
    purpose: 'Q',
    specialConditions: ['Valid only if the transport complies with the IATA Live Animals Regulations.', words('Cond', 120)],
    replaces: { permitNumber: 'LK26-E000099', reason: 'damaged' },
    securityStampNumber: 'LK 0012345678',
    managementAuthority: { name: 'Department of Wildlife Conservation', address: words('Maaddr', 40), country: 'LK', did: 'did:web:cites.dwc.gov.lk' },
    specimens: [
      block(0),
      block(1, { description: words('Desc', 150), marks: words('Mark', 40), source: 'O', acquisitionDate: '1969-05-01' }),
      block(2, { scientificName: `Crocodylus ${words('Sci', 20)}`, commonName: words('Common', 40) }),
      block(3, { unit: 'KGM', quantity: 123456.789, source: 'F' }),
      block(4, { term: 'XXX', source: 'Z' }),
      block(5, { source: 'R' }),
    ],
    issued: { place: 'Battaramulla', date: '2026-05-01T08:00:00.000Z', signatory: 'Nimal Perera' },
  };
}

export function endorsementOf(permit: Permit): Endorsement {
  return {
    permit: { id: 'urn:uuid:00000000-0000-4000-8000-000000000000', permitNumber: permit.permitNumber, issuer: permit.managementAuthority.did },
    blocks: permit.specimens.map((s) => ({ block: s.block, quantity: s.quantity, unit: s.unit })),
    portOfExport: 'LKCMB',
    date: '2026-05-04',
    transportDocument: '176-12345675',
    officer: 'Kamal Perera',
    country: 'LK',
  };
}
