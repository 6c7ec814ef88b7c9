/**
 * Element-level assertions, box by box (docs/toolkit-xml.md §3), on the version 2 document of
 * issued example permits: each box's element, at its path, with its exact value.
 */
import { describe, expect, it } from 'vitest';
import { permitToToolkitXml } from '../../src/toolkit-xml/write-permit.js';
import { issuedPermitFrom } from '../permit/helpers.js';
import { at, endorsementOf, fullPermit, rootOf, textAt } from './helpers.js';

const H = 'HeaderExchangedDocument';
const C = 'SpecifiedSupplyChainConsignment';
const FA = `${H}/FirstSignatoryDocumentAuthentication`;
const full = fullPermit();
const doc = rootOf(permitToToolkitXml(full, { endorsement: endorsementOf(full, [240, 0]) }));
const items = at(doc, `${C}/IncludedSupplyChainConsignmentItem`);
const [a, b] = [items[0]!, items[1]!];
const product = 'IncludedSupplyChainTradeLineItem/SpecifiedTradeProduct';

describe('the version 2 document, box by box', () => {
  it('box 1: number, type code (E/R/I/O) and, for "other", its name', () => {
    expect(textAt(doc, `${H}/ID`)).toBe('26CH000123');
    expect(textAt(doc, `${H}/TypeCode`)).toBe('R');
    expect(textAt(doc, `${H}/Name`)).toBeUndefined();
    const other = rootOf(permitToToolkitXml(issuedPermitFrom('pre-convention-no-guitar.json')));
    expect(textAt(other, `${H}/TypeCode`)).toBe('O');
    expect(textAt(other, `${H}/Name`)).toBe('Pre-Convention certificate');
    for (const [file, code] of [['export-lk-orchids.json', 'E'], ['import-ch-elephant-samples.json', 'I']] as const) {
      expect(textAt(rootOf(permitToToolkitXml(issuedPermitFrom(file))), `${H}/TypeCode`)).toBe(code);
    }
  });
  it('box 2: the validity period ends at the end of the day of box 2, UTC', () => {
    expect(textAt(doc, `${H}/EffectiveSpecifiedPeriod/StartDateTime`)).toBe('2026-11-29T10:00:00Z');
    expect(textAt(doc, `${H}/EffectiveSpecifiedPeriod/EndDateTime`)).toBe('2027-05-29T23:59:59Z');
  });
  it('boxes 3, 3a and 4: consignee (importer) and consignor (exporter), name, address and country', () => {
    expect(textAt(doc, `${C}/ConsigneeTradeParty/Name`)).toBe('Kanazawa Timepieces K.K.');
    expect(textAt(doc, `${C}/ConsigneeTradeParty/PostalTradeAddress/StreetName`)).toBe('2-14-3 Ginza, Chuo-ku, Tokyo 104-0061');
    expect(textAt(doc, `${C}/ConsigneeTradeParty/PostalTradeAddress/CountryID`)).toBe('JP');
    expect(textAt(doc, `${C}/ConsignorTradeParty/Name`)).toBe('Atelier Bracelets SA');
    expect(textAt(doc, `${C}/ConsignorTradeParty/PostalTradeAddress/StreetName`)).toBe('Rue du Progres 12, 2300 La Chaux-de-Fonds');
    expect(textAt(doc, `${C}/ConsignorTradeParty/PostalTradeAddress/CountryID`)).toBe('CH');
  });
  it('box 5: special conditions, one Information each, and the replaced document', () => {
    expect(at(doc, `${H}/Information`).map((e) => e.text)).toEqual(['Manufactured watch straps; skins imported under the origin permits cited in box 12.']);
    const [ref] = at(doc, `${H}/ReferenceReferencedDocument`);
    expect(textAt(ref!, 'ID')).toBe('CH26-R000007');
    expect(textAt(ref!, 'Name')).toBe('replaces:lost');
  });
  it('box 5a: the purpose code; box 5b: the security stamp', () => {
    expect(textAt(doc, `${H}/PurposeCode`)).toBe('T');
    expect(textAt(doc, `${FA}/ID`)).toBe('CH-0042117');
  });
  it('box 6: the issuing authority, its DID, name, address and country', () => {
    expect(textAt(doc, `${FA}/ProviderTradeParty/ID`)).toBe('did:web:cites.ch.example');
    expect(textAt(doc, `${FA}/ProviderTradeParty/Name`)).toBe('CITES Management Authority of CH');
    expect(textAt(doc, `${FA}/ProviderTradeParty/PostalTradeAddress/StreetName`)).toBe('Ministry of Environment, Capital City');
    expect(textAt(doc, `${FA}/ProviderTradeParty/PostalTradeAddress/CountryID`)).toBe('CH');
  });
  it('Art. III(2)(d): the import permit an Appendix I export relies on, with its issuer and country', () => {
    const root = rootOf(permitToToolkitXml(issuedPermitFrom('export-lk-elephant-samples.json')));
    const [ref] = at(root, `${H}/ReferenceReferencedDocument`);
    expect(textAt(ref!, 'TypeCode')).toBe('911');
    expect(at(ref!, 'TypeCode')[0]!.attrs).toEqual({ listID: '1001', listAgencyID: '6' });
    expect(textAt(ref!, 'ID')).toBe('CH26-I000001');
    expect(at(ref!, 'ID')[0]!.attrs).toEqual({ schemeID: 'did:web:cites.blv.admin.ch', schemeAgencyID: 'CH' });
  });
  it('blocks: one consignment item per block, its letter as ID', () => {
    expect(items.map((i) => textAt(i, 'ID'))).toEqual(['A', 'B']);
  });
  it('box 7: scientific name; box 8: common name', () => {
    expect(textAt(a, `${product}/ScientificName`)).toBe('Alligator mississippiensis');
    expect(textAt(b, `${product}/CommonName`)).toBe('Nile crocodile');
  });
  it('box 9: description, term code and identifying marks', () => {
    expect(textAt(a, `${product}/Description`)).toBe('Watch straps');
    expect(textAt(a, `${product}/TypeCode`)).toBe('LPS');
    expect(textAt(a, 'PhysicalLogisticsShippingMarks/Marking')).toBe('Tags US-AM 0001 to 0250');
  });
  it('box 10: appendix (line item TypeCode) and source (TypeExtensionCode)', () => {
    expect(textAt(a, 'IncludedSupplyChainTradeLineItem/TypeCode')).toBe('II');
    expect(textAt(b, 'IncludedSupplyChainTradeLineItem/TypeExtensionCode')).toBe('R');
  });
  it('box 11: quantity with its Rec. 20 unit code', () => {
    const [q] = at(a, 'TransportLogisticsPackage/ItemQuantity');
    expect([q!.text, q!.attrs.unitCode]).toEqual(['250', 'NAR']);
  });
  it('box 11a: quota used to date and annual quota, with the unit only when the permit gives one', () => {
    const p = 'ApplicableCrossBorderRegulatoryProcedure';
    expect(at(a, `${p}/UsedToDateQuotaQuantity`).map((e) => [e.text, e.attrs])).toEqual([['1200', { unitCode: 'NAR' }]]);
    expect(at(a, `${p}/AnnualQuotaQuantity`).map((e) => [e.text, e.attrs])).toEqual([['5000', { unitCode: 'NAR' }]]);
    expect(at(b, `${p}/AnnualQuotaQuantity`).map((e) => [e.text, e.attrs])).toEqual([['100', {}]]);
  });
  it('box 12: country of origin and its permit (861); box 12a: country of last re-export and its certificate (811)', () => {
    expect(textAt(a, 'OriginTradeCountry/ID')).toBe('US');
    const origin = at(a, 'AssociatedReferencedDocument');
    expect(origin.map((d) => [textAt(d, 'TypeCode'), textAt(d, 'ID'), textAt(d, 'IssueDateTime')])).toEqual([['861', '24US812345/9', '2026-03-02T00:00:00Z']]);
    expect(textAt(b, 'ExportTradeCountry/ID')).toBe('FR');
    expect(at(b, 'AssociatedReferencedDocument').map((d) => [textAt(d, 'TypeCode'), textAt(d, 'ID'), textAt(d, 'IssueDateTime')])).toEqual([
      ['861', 'ZW-2026-004411', '2026-01-19T00:00:00Z'],
      ['811', 'FR2601234-R', '2026-02-10T00:00:00Z'],
    ]);
  });
  it('box 12b: the operation number (source D) and the date of acquisition (source O)', () => {
    const parrots = rootOf(permitToToolkitXml(issuedPermitFrom('export-no-captive-bred-parrots.json')));
    expect(textAt(parrots, `${C}/IncludedSupplyChainConsignmentItem/ApplicableCrossBorderRegulatoryProcedure/PreviousReferencedDocument/ID`)).toBe('A-NO-501');
    const guitar = rootOf(permitToToolkitXml(issuedPermitFrom('pre-convention-no-guitar.json')));
    expect(textAt(guitar, `${C}/IncludedSupplyChainConsignmentItem/ApplicableCrossBorderRegulatoryProcedure/AcquisitionDateTime`)).toBe('1966-04-15T00:00:00Z');
  });
  it('box 13: place, date and signatory of issue', () => {
    expect(textAt(doc, `${H}/IssueDateTime`)).toBe('2026-11-29T10:00:00Z');
    expect(textAt(doc, `${H}/IssueLogisticsLocation/Name`)).toBe('Capital City');
    expect(textAt(doc, `${FA}/ProviderTradeParty/SpecifiedAuthoritativeSignatoryPerson/Name`)).toBe('A. Officer');
    expect(textAt(doc, `${FA}/ActualDateTime`)).toBe('2026-11-29T10:00:00Z');
  });
  it('box 14: the examination at export: date, port (UN/LOCODE), customs officer, and per block the quantity exported', () => {
    const event = `${C}/ExaminationTransportEvent`;
    expect(textAt(doc, `${event}/ActualOccurrenceDateTime`)).toBe('2026-12-03T00:00:00Z');
    expect(textAt(doc, `${event}/OccurrenceLogisticsLocation/ID`)).toBe('CHGVA');
    expect(textAt(doc, `${event}/CertifyingTradeParty/SpecifiedAuthoritativeSignatoryPerson/Name`)).toBe('Karin Perrin');
    expect(textAt(doc, `${event}/CertifyingTradeParty/PostalTradeAddress/CountryID`)).toBe('CH');
    expect(items.map((i) => at(i, 'ExaminationTransportEvent/UnitQuantity').map((q) => [q.text, q.attrs.unitCode]))).toEqual([[['240', 'NAR']], [['0', 'NAR']]]);
  });
  it('box 15: the bill of lading or air waybill number', () => {
    expect(textAt(doc, `${C}/TransportContractReferencedDocument/ID`)).toBe('057-12345675');
  });
  it('boxes 14 and 15 are absent until customs endorses the permit', () => {
    const unendorsed = rootOf(permitToToolkitXml(full));
    expect(at(unendorsed, `${C}/ExaminationTransportEvent`)).toEqual([]);
    expect(at(unendorsed, `${C}/TransportContractReferencedDocument`)).toEqual([]);
    expect(at(unendorsed, `${C}/IncludedSupplyChainConsignmentItem/ExaminationTransportEvent`)).toEqual([]);
  });
  it('version 1 nests countries in CountryIdentificationTradeCountry, uses ApplicableCrossBorderGovernmentProcedure and InspectedUnitQuantity', () => {
    const v1 = rootOf(permitToToolkitXml(full, { version: 1, endorsement: endorsementOf(full, [240, 0]) }));
    expect(textAt(v1, `${C}/ConsignorTradeParty/PostalTradeAddress/CountryIdentificationTradeCountry/ID`)).toBe('CH');
    expect(at(v1, `${C}/IncludedSupplyChainConsignmentItem/ApplicableCrossBorderGovernmentProcedure/AnnualQuotaQuantity`).map((e) => e.text)).toEqual(['5000', '100']);
    expect(at(v1, `${C}/IncludedSupplyChainConsignmentItem/ExaminationTransportEvent/InspectedUnitQuantity`).map((e) => e.text)).toEqual(['240', '0']);
    expect(textAt(v1, `${C}/ImportTradeCountry/ID`)).toBe('JP');
  });
  it('escapes markup in values (written by xmlbuilder2, read back whole)', () => {
    const p = fullPermit();
    p.exporter.name = 'Bracelets <&> "Cie"';
    expect(textAt(rootOf(permitToToolkitXml(p)), `${C}/ConsignorTradeParty/Name`)).toBe('Bracelets <&> "Cie"');
  });
});
