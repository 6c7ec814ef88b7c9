/**
 * Issued-permit fixtures: the orchid export, issued by hand (see `issuedFrom`), with one
 * small change each and the EXACT list of [code, path] of the errors validatePermit must
 * report, signed by the LK authority unless `ctx` says otherwise.
 */

import { didOf } from './helpers.js';

export const LK_SIGNER = { issuerDid: didOf('LK'), issuerCountry: 'LK' };

export interface PermitCase {
  name: string;
  /** Fixtures are free-form JSON, hence `any`. */
  mutate: (subject: any) => void;
  ctx?: { issuerDid?: string; issuerCountry?: string };
  errors: Array<[string, string]>;
}

export const PERMIT_CASES: PermitCase[] = [
  { name: 'a well-formed export permit', mutate: () => {}, errors: [] },
  {
    name: 'signed by another DID than the one it names',
    mutate: () => {},
    ctx: { issuerDid: 'did:web:cites.forged.example', issuerCountry: 'LK' },
    errors: [['NOT_ISSUED_BY_AUTHORITY', '/managementAuthority/did']],
  },
  {
    name: 'signed by an authority of another country',
    mutate: () => {},
    ctx: { issuerDid: didOf('LK'), issuerCountry: 'NO' },
    errors: [
      ['NOT_ISSUED_BY_AUTHORITY', '/managementAuthority/country'],
      ['EXPORTER_NOT_DOMESTIC', '/exporter/country'],
    ],
  },
  {
    name: 'valid one day longer than 6 months from issued.date',
    mutate: (s) => (s.validUntil = '2027-05-30'),
    errors: [['VALIDITY_TOO_LONG', '/validUntil']],
  },
  {
    name: 'issued on 31 August, valid until 28 February',
    mutate: (s) => {
      s.issued.date = '2026-08-31T09:00:00Z';
      s.validUntil = '2027-02-28';
    },
    errors: [],
  },
  {
    name: 'issued on 31 August, valid until 1 March',
    mutate: (s) => {
      s.issued.date = '2026-08-31T09:00:00Z';
      s.validUntil = '2027-03-01';
    },
    errors: [['VALIDITY_TOO_LONG', '/validUntil']],
  },
  {
    name: 'valid until the day it was issued',
    mutate: (s) => (s.validUntil = '2026-11-29'),
    errors: [['VALIDITY_ENDED', '/validUntil']],
  },
  {
    name: 'long expired, which is not this check’s business',
    mutate: (s) => {
      s.issued.date = '2020-01-10T08:00:00Z';
      s.validUntil = '2020-07-10';
    },
    errors: [],
  },
  {
    name: 'a date of acquisition after today is not judged on an issued permit',
    mutate: (s) => (s.specimens[0].acquisitionDate = '2099-01-01'),
    errors: [],
  },
  {
    name: 'missing permit number, valid-until and authority',
    mutate: (s) => {
      delete s.permitNumber;
      delete s.validUntil;
      delete s.managementAuthority;
    },
    errors: [
      ['FIELD_REQUIRED', '/permitNumber'],
      ['FIELD_REQUIRED', '/validUntil'],
      ['FIELD_REQUIRED', '/managementAuthority'],
    ],
  },
  {
    name: 'permit number longer than 35 characters (WCO)',
    mutate: (s) => (s.permitNumber = 'P'.repeat(36)),
    errors: [['FIELD_INVALID', '/permitNumber']],
  },
  {
    name: 'date of issue without time',
    mutate: (s) => (s.issued.date = '2026-11-29'),
    errors: [['FIELD_INVALID', '/issued/date']],
  },
  {
    name: 'authority DID that is not a DID',
    mutate: (s) => (s.managementAuthority.did = 'https://cites.lk.example'),
    ctx: {},
    errors: [['FIELD_INVALID', '/managementAuthority/did']],
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
    mutate: (s) => (s.issued.stamp = 'round'),
    errors: [['FIELD_UNKNOWN', '/issued/stamp']],
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
];

