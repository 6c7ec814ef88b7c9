/**
 * Issued-permit fixtures: the orchid export, issued by hand (see `issuedFrom`), with one
 * small change each and the EXACT list of [code, path] of the errors validatePermit must
 * report, signed by the LK authority on the dates of ISSUED_CONTEXT unless `ctx` says otherwise.
 */

import { importPermitTrust } from '../../src/permit/import-permit.js';
import type { PermitContext } from '../../src/permit/validate.js';
import { ISSUED_CONTEXT } from './helpers.js';

export const LK_SIGNER: PermitContext = { issuerCountry: 'LK', ...ISSUED_CONTEXT };

/** A verifier's trust: the LK and NO Management Authorities; an issuer it does not know is left unjudged. */
const VERIFIER_TRUST = importPermitTrust(
  [
    { did: 'did:web:cites.lk.example', role: 'managementAuthority', country: 'LK' },
    { did: 'did:web:cites.no.example', role: 'managementAuthority', country: 'NO' },
  ],
  false,
);

export interface PermitCase {
  name: string;
  /** Fixtures are free-form JSON, hence `any`. */
  mutate: (subject: any) => void;
  ctx?: PermitContext;
  errors: Array<[string, string]>;
}

export const PERMIT_CASES: PermitCase[] = [
  { name: 'a well-formed export permit', mutate: () => {}, errors: [] },
  {
    name: 'signed by an authority of another country',
    mutate: () => {},
    ctx: { ...LK_SIGNER, issuerCountry: 'NO' },
    errors: [['EXPORTER_NOT_DOMESTIC', '/exporter/country']],
  },
  {
    name: 'valid one day longer than 6 months from the date of issue',
    mutate: () => {},
    ctx: { ...LK_SIGNER, validUntil: '2027-05-30' },
    errors: [['VALIDITY_TOO_LONG', '/validUntil']],
  },
  {
    name: 'issued on 31 August, valid until 28 February',
    mutate: () => {},
    ctx: { issuerCountry: 'LK', issuedAt: new Date('2026-08-31T09:00:00Z'), validUntil: '2027-02-28' },
    errors: [],
  },
  {
    name: 'issued on 31 August, valid until 1 March',
    mutate: () => {},
    ctx: { issuerCountry: 'LK', issuedAt: new Date('2026-08-31T09:00:00Z'), validUntil: '2027-03-01' },
    errors: [['VALIDITY_TOO_LONG', '/validUntil']],
  },
  {
    name: 'valid until the day it was issued',
    mutate: () => {},
    ctx: { ...LK_SIGNER, validUntil: '2026-11-29' },
    errors: [['VALIDITY_ENDED', '/validUntil']],
  },
  {
    name: 'long expired, which is not this check’s business',
    mutate: () => {},
    ctx: { issuerCountry: 'LK', issuedAt: new Date('2020-01-10T08:00:00Z'), validUntil: '2020-07-10' },
    errors: [],
  },
  {
    name: 'a date of acquisition after today is not judged on an issued permit',
    mutate: (s) => (s.specimens[0].acquisitionDate = '2099-01-01'),
    errors: [],
  },
  {
    name: 'missing permit number and box 13',
    mutate: (s) => {
      delete s.permitNumber;
      delete s.issuance;
    },
    errors: [
      ['FIELD_REQUIRED', '/permitNumber'],
      ['FIELD_REQUIRED', '/issuance'],
    ],
  },
  {
    // Box 2, the date of box 13 and box 6 are the credential's to say (src/permit/subject.ts):
    // a subject that says them again could contradict it.
    name: 'box 2, a date in box 13 and box 6 in the subject',
    mutate: (s) => {
      s.validUntil = '2027-05-29';
      s.issuance.date = '2026-11-29T10:00:00Z';
      s.managementAuthority = { name: 'Forged', country: 'LK', did: 'did:web:cites.lk.example' };
    },
    errors: [
      ['FIELD_UNKNOWN', '/validUntil'],
      ['FIELD_UNKNOWN', '/managementAuthority'],
      ['FIELD_UNKNOWN', '/issuance/date'],
    ],
  },
  {
    name: 'permit number longer than 35 characters (WCO)',
    mutate: (s) => (s.permitNumber = 'P'.repeat(36)),
    errors: [['FIELD_INVALID', '/permitNumber']],
  },
  {
    name: 'missing block letter',
    mutate: (s) => delete s.specimens[0].block,
    errors: [['FIELD_REQUIRED', '/specimens/0/block']],
  },
  {
    name: 'block letters out of order',
    mutate: (s) => (s.specimens[0].block = 'B'),
    errors: [['FIELD_INVALID', '/specimens/0/block']],
  },
  {
    name: 'an unknown field in box 13',
    mutate: (s) => (s.issuance.stamp = 'round'),
    errors: [['FIELD_UNKNOWN', '/issuance/stamp']],
  },
  {
    name: 'the request rules apply too',
    mutate: (s) => {
      s.importer.country = 'LK';
      s.specimens[0].term = 'LEA';
    },
    errors: [
      ['UNKNOWN_TERM', '/specimens/0/term'],
      ['SAME_COUNTRY', '/importer/country'],
    ],
  },
  // What issuance now refuses, a verifier refuses too (src/permit/text.ts, quantity.ts, import-permit.ts).
  { name: 'a right-to-left override in a signed name', mutate: (s) => (s.exporter.name = 'Nursery ‮evil'), errors: [['TEXT_BIDI_CONTROL', '/exporter/name']] },
  { name: 'a signed name of only zero-width spaces', mutate: (s) => (s.issuance.signatory = '​'), errors: [['TEXT_CONTROL_CHARACTER', '/issuance/signatory']] },
  { name: '1.5 specimens signed', mutate: (s) => (s.specimens[0].quantity = 1.5), errors: [['QUANTITY_NOT_WHOLE', '/specimens/0/quantity']] },
  { name: '1e308 specimens signed', mutate: (s) => (s.specimens[0].quantity = 1e308), errors: [['QUANTITY_TOO_LARGE', '/specimens/0/quantity']] },
  { name: 'a placeholder import permit number signed', mutate: (s) => (s.importPermit = { permitNumber: 'REPLACE-WITH-NUMBER-1' }), errors: [['IMPORT_PERMIT_NUMBER_INVALID', '/importPermit/permitNumber']] },
  {
    name: "an import permit of a trusted Management Authority of another country than the importer's",
    mutate: (s) => (s.importPermit = { permitNumber: 'NO26-I000001', issuer: 'did:web:cites.no.example' }),
    ctx: { ...LK_SIGNER, trust: VERIFIER_TRUST },
    errors: [['IMPORT_PERMIT_WRONG_COUNTRY', '/importPermit/issuer']],
  },
  {
    name: 'an import permit of an authority the verifier does not know: not judged',
    mutate: (s) => (s.importPermit = { permitNumber: 'CH26-I000001', issuer: 'did:web:cites.ch.example' }),
    ctx: { ...LK_SIGNER, trust: VERIFIER_TRUST },
    errors: [],
  },
];

