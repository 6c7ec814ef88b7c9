/**
 * Issue 10 §2 import: a version 2 (CITESEPermit) and a version 1 (CBFShip) document, written as
 * national systems send them to EPIX, read into a Saiga permit request that the issuance rules
 * accept (src/permit/validate.ts), with box 1, 6, 13, 14 and 15 as the document's original; and
 * one mutated fixture per defect, each refused or reported with its code and path.
 */
import { describe, expect, it } from 'vitest';
import { importToolkitPermit } from '../../src/toolkit-xml/import-permit.js';
import { readToolkitPermit } from '../../src/toolkit-xml/read-permit.js';
import { fixture } from './helpers.js';

const CH = { authorityCountry: 'CH', now: new Date('2026-11-29T10:00:00Z') };
const codes = (name: string) => readToolkitPermit(fixture(name)).findings.map((f) => [f.code, f.path]);

describe('importing a version 2 document (CITESEPermit)', () => {
  const reading = importToolkitPermit(fixture('v2-ch-re-export.xml'), CH);

  it('reads every box into the request, with nothing left unmapped', () => {
    expect([reading.ok, reading.version, reading.findings]).toEqual([true, 2, []]);
    expect(reading.request).toEqual({
      documentType: 're-export',
      purpose: 'T',
      specialConditions: ['Manufactured watch straps; skins imported under the origin permits cited in box 12.', 'Valid only with the security stamp affixed in box 5b.'],
      validUntil: '2027-05-19',
      securityStampNumber: 'CH-0042117',
      exporter: { name: 'Atelier Bracelets SA', address: 'Rue du Progrès 12, La Chaux-de-Fonds, 2300', country: 'CH' },
      importer: { name: 'Kanazawa Timepieces K.K.', address: '2-14-3 Ginza, Chuo-ku, Tokyo, 104-0061', country: 'JP' },
      specimens: [
        { scientificName: 'Alligator mississippiensis', commonName: 'American alligator', description: 'Watch straps', term: 'LPS', appendix: 'II', source: 'W', quantity: 250, unit: 'NAR', origin: { country: 'US', permitNumber: '24US812345/9', date: '2026-03-02' } },
        {
          scientificName: 'Crocodylus niloticus', commonName: 'Nile crocodile', description: 'Watch straps', term: 'LPS', appendix: 'II', source: 'R', quantity: 120, unit: 'NAR',
          origin: { country: 'ZW', permitNumber: 'ZW-2026-004411', date: '2026-01-19' },
          lastReExport: { country: 'FR', certificateNumber: 'FR2601234-R', date: '2026-02-10' },
          quota: { exportedToDate: 1200, annual: 5000, unit: 'NAR' },
        },
      ],
    });
  });

  it('keeps box 1, 6, 13 and the examination at export (14, 15) as the original document', () => {
    expect(reading.original).toEqual({
      permitNumber: '26CH004417',
      blocks: ['A', 'B'],
      managementAuthority: { name: 'Federal Food Safety and Veterinary Office FSVO, CITES Management Authority', address: 'Schwarzenburgstrasse 155, Bern, 3003', country: 'CH' },
      issued: { date: '2026-11-20T09:15:00+01:00', place: 'Bern', signatory: 'Mathias Lörtscher' },
      examination: { date: '2026-11-27', port: 'CHZRH', transportDocument: '057-12345675', officer: 'Karin Perrin', blocks: [{ block: 'A', quantity: 250, unit: 'NAR' }, { block: 'B', quantity: 118, unit: 'NAR' }] },
    });
  });

  it('gives a request that the issuance rules accept at the Swiss authority', () => {
    expect(reading.validation).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('reads the same permit out of a SOAP answer of GetFinalCitesCertificate (root CITESEPermit in no namespace, as EPIX carries it)', () => {
    const soap = readToolkitPermit(fixture('v2-soap-get-final-cites-certificate.xml'));
    expect([soap.ok, soap.version, soap.findings]).toEqual([true, 2, []]);
    expect(soap.request).toEqual(reading.request);
  });
});

describe('importing a version 1 document (CBFShip)', () => {
  const reading = importToolkitPermit(fixture('v1-zw-export.xml'), { authorityCountry: 'ZW', now: new Date('2026-01-19T12:00:00Z') });

  it('reads countries nested in CountryIdentificationTradeCountry, the quota of ApplicableCrossBorderGovernmentProcedure and InspectedUnitQuantity', () => {
    expect([reading.ok, reading.version, reading.findings]).toEqual([true, 1, []]);
    expect(reading.request).toEqual({
      documentType: 'export',
      purpose: 'T',
      specialConditions: ['Skins tagged in accordance with Res. Conf. 11.12 (Rev. CoP19).'],
      validUntil: '2026-07-18',
      securityStampNumber: 'ZW 118840',
      exporter: { name: 'Kariba Crocodile Farm (Pvt) Ltd', address: 'Lake Shore Road, Kariba', country: 'ZW' },
      importer: { name: 'Atelier Bracelets SA', address: 'Rue du Progrès 12, La Chaux-de-Fonds', country: 'CH' },
      specimens: [
        { scientificName: 'Crocodylus niloticus', commonName: 'Nile crocodile', description: 'Tanned belly skins', term: 'SKI', appendix: 'II', source: 'R', quantity: 120, unit: 'NAR', marks: 'ZW CRN 2026 000101 to 000220', quota: { exportedToDate: 2120, annual: 8000, unit: 'NAR' } },
      ],
    });
    expect(reading.original).toEqual({
      permitNumber: 'ZW-2026-004411',
      blocks: ['A'],
      managementAuthority: { name: 'Zimbabwe Parks and Wildlife Management Authority', address: 'P.O. Box CY 140, Harare', country: 'ZW' },
      issued: { date: '2026-01-19T10:40:00+02:00', place: 'Harare', signatory: 'Tafadzwa Moyo' },
      examination: { date: '2026-02-02', port: 'ZWHRE', transportDocument: '071-55501234', blocks: [{ block: 'A', quantity: 120, unit: 'NAR' }] },
    });
    expect(reading.validation).toEqual({ ok: true, errors: [], warnings: [] });
  });

  it('checks the request with the issuance rules of the authority that imports it (an export is issued only for exporters in its own country)', () => {
    const atCh = importToolkitPermit(fixture('v1-zw-export.xml'), CH);
    expect(atCh.validation!.errors.map((e) => [e.code, e.path])).toContainEqual(['EXPORTER_NOT_DOMESTIC', '/exporter/country']);
  });
});

describe('one mutated fixture per defect, reported with its code and path', () => {
  const item2 = '/CITESEPermit/SpecifiedSupplyChainConsignment/IncludedSupplyChainConsignmentItem[2]';
  it.each([
    ['v2-missing-scientific-name.xml', 'XML_REQUIRED_MISSING', `${item2}/IncludedSupplyChainTradeLineItem/SpecifiedTradeProduct/ScientificName`],
    ['v2-bad-type-code.xml', 'XML_VALUE_INVALID', '/CITESEPermit/HeaderExchangedDocument/TypeCode'],
    ['v2-bad-quantity.xml', 'XML_VALUE_INVALID', `${item2}/TransportLogisticsPackage/ItemQuantity`],
    ['v2-bad-end-date.xml', 'XML_VALUE_INVALID', '/CITESEPermit/HeaderExchangedDocument/EffectiveSpecifiedPeriod/EndDateTime'],
    ['v2-bad-appendix.xml', 'XML_VALUE_INVALID', '/CITESEPermit/SpecifiedSupplyChainConsignment/IncludedSupplyChainConsignmentItem[1]/IncludedSupplyChainTradeLineItem/TypeCode'],
    ['v2-missing-consignee-country.xml', 'XML_REQUIRED_MISSING', '/CITESEPermit/SpecifiedSupplyChainConsignment/ConsigneeTradeParty/PostalTradeAddress/CountryID'],
    ['v2-wrong-namespace.xml', 'XML_NOT_TOOLKIT', '/CITESEPermit'],
    ['v2-undeclared-prefix.xml', 'XML_MALFORMED', '/CITESEPermit/HeaderExchangedDocument/PurposeCode'],
    ['v2-undefined-entity.xml', 'XML_MALFORMED', '/CITESEPermit/SpecifiedSupplyChainConsignment/ConsignorTradeParty/Name'],
    ['v1-missing-country.xml', 'XML_REQUIRED_MISSING', '/CBFShip/SpecifiedSupplyChainConsignment/ConsignorTradeParty/PostalTradeAddress/CountryIdentificationTradeCountry/ID'],
    ['v1-import-country-differs.xml', 'XML_VALUE_INVALID', '/CBFShip/SpecifiedSupplyChainConsignment/ImportTradeCountry/ID'],
  ])('%s is refused: %s at %s', (name, code, path) => {
    const reading = importToolkitPermit(fixture(name), CH);
    expect(reading.ok).toBe(false);
    expect(reading.validation).toBeUndefined();
    expect(reading.findings.map((f) => [f.code, f.path])).toEqual([[code, path]]);
  });

  it('a document that is not well-formed is refused with the line and column where it breaks', () => {
    expect(readToolkitPermit(fixture('v2-malformed.xml')).findings.map((f) => [f.code, f.path, f.line, f.column])).toEqual([['XML_MALFORMED', '/', 15, 26]]);
  });

  it('an element with no box is reported, and the rest is still read', () => {
    const reading = readToolkitPermit(fixture('v2-unmapped-element.xml'));
    expect(reading.ok).toBe(true);
    expect(codes('v2-unmapped-element.xml')).toEqual([['XML_ELEMENT_UNMAPPED', '/CITESEPermit/HeaderExchangedDocument/CopyIndicator']]);
    expect(reading.findings[0]!.message).toContain('"false"');
  });

  it('a box given twice is read once, and the second is reported', () => {
    expect(codes('v2-repeated-consignor.xml')).toEqual([
      ['XML_ELEMENT_REPEATED', '/CITESEPermit/SpecifiedSupplyChainConsignment/ConsignorTradeParty[2]'],
      ['XML_ELEMENT_UNMAPPED', '/CITESEPermit/SpecifiedSupplyChainConsignment/ConsignorTradeParty[2]/Name'],
    ]);
    expect(readToolkitPermit(fixture('v2-repeated-consignor.xml')).request!.exporter.name).toBe('Atelier Bracelets SA');
  });
});
