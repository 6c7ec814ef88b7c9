/**
 * The element structure Saiga writes, as docs/toolkit-xml.md documents it: every path below the
 * root, in the order a parent holds its children, with the box of the form it carries. No XSD of
 * the toolkit is published where this project could ship it (docs/toolkit-xml.md §4), so the
 * writer's output is checked against this list instead (test/toolkit-xml/structure.test.ts): no
 * element outside it, each in its namespace, children in this order.
 */
export interface StructureEntry {
  /** Local names from the root's child down; `rsm` for the root's children, `ram` below. */
  path: string;
  box: string;
  /** Version 1 (CBFShip) writes this path; version 2 unless `v1only`. */
  v1only?: boolean;
  v2only?: boolean;
}

const H = 'HeaderExchangedDocument';
const C = 'SpecifiedSupplyChainConsignment';
const I = `${C}/IncludedSupplyChainConsignmentItem`;
const L = `${I}/IncludedSupplyChainTradeLineItem`;
const FA = `${H}/FirstSignatoryDocumentAuthentication`;

export const STRUCTURE: StructureEntry[] = [
  { path: 'SpecifiedExchangedDocumentContext', box: '—' },
  { path: 'SpecifiedExchangedDocumentContext/BusinessProcessSpecifiedDocumentContextParameter', box: '—' },
  { path: 'SpecifiedExchangedDocumentContext/BusinessProcessSpecifiedDocumentContextParameter/Value', box: '—' },
  { path: H, box: '1, 2, 5, 5a, 5b, 6, 13' },
  { path: `${H}/ID`, box: '1' },
  { path: `${H}/Name`, box: '1 (other: specify)' },
  { path: `${H}/TypeCode`, box: '1' },
  { path: `${H}/IssueDateTime`, box: '13 (date)' },
  { path: `${H}/PurposeCode`, box: '5a' },
  { path: `${H}/Information`, box: '5' },
  { path: `${H}/ReferenceReferencedDocument`, box: '5 (replacement), Art. III(2)(d) import permit' },
  { path: `${H}/ReferenceReferencedDocument/IssueDateTime`, box: 'import permit date' },
  { path: `${H}/ReferenceReferencedDocument/TypeCode`, box: 'import permit (911)' },
  { path: `${H}/ReferenceReferencedDocument/ID`, box: 'import permit / replaced document number' },
  { path: `${H}/ReferenceReferencedDocument/Name`, box: '5 (replaces: reason)' },
  { path: `${H}/EffectiveSpecifiedPeriod`, box: '2' },
  { path: `${H}/EffectiveSpecifiedPeriod/StartDateTime`, box: '13 (date)' },
  { path: `${H}/EffectiveSpecifiedPeriod/EndDateTime`, box: '2' },
  { path: `${H}/IssueLogisticsLocation`, box: '13 (place)' },
  { path: `${H}/IssueLogisticsLocation/Name`, box: '13 (place)' },
  { path: FA, box: '5b, 6, 13' },
  { path: `${FA}/ActualDateTime`, box: '13 (date)' },
  { path: `${FA}/ID`, box: '5b' },
  { path: `${FA}/ProviderTradeParty`, box: '6' },
  { path: `${FA}/ProviderTradeParty/ID`, box: '6 (DID)' },
  { path: `${FA}/ProviderTradeParty/Name`, box: '6' },
  { path: `${FA}/ProviderTradeParty/PostalTradeAddress`, box: '6' },
  { path: `${FA}/ProviderTradeParty/PostalTradeAddress/StreetName`, box: '6' },
  { path: `${FA}/ProviderTradeParty/PostalTradeAddress/CountryID`, box: '6', v2only: true },
  { path: `${FA}/ProviderTradeParty/PostalTradeAddress/CountryIdentificationTradeCountry`, box: '6', v1only: true },
  { path: `${FA}/ProviderTradeParty/PostalTradeAddress/CountryIdentificationTradeCountry/ID`, box: '6', v1only: true },
  { path: `${FA}/ProviderTradeParty/SpecifiedAuthoritativeSignatoryPerson`, box: '13 (signatory)' },
  { path: `${FA}/ProviderTradeParty/SpecifiedAuthoritativeSignatoryPerson/Name`, box: '13 (signatory)' },
  { path: `${FA}/IssueLogisticsLocation`, box: '13 (place)' },
  { path: `${FA}/IssueLogisticsLocation/Name`, box: '13 (place)' },
  { path: C, box: '3, 4, 7–12b, 14, 15' },
  ...(['ConsignorTradeParty', 'ConsigneeTradeParty'] as const).flatMap((party) => {
    const box = party === 'ConsignorTradeParty' ? '4' : '3, 3a';
    return [
      { path: `${C}/${party}`, box },
      { path: `${C}/${party}/Name`, box },
      { path: `${C}/${party}/PostalTradeAddress`, box },
      { path: `${C}/${party}/PostalTradeAddress/StreetName`, box },
      { path: `${C}/${party}/PostalTradeAddress/CountryID`, box, v2only: true },
      { path: `${C}/${party}/PostalTradeAddress/CountryIdentificationTradeCountry`, box, v1only: true },
      { path: `${C}/${party}/PostalTradeAddress/CountryIdentificationTradeCountry/ID`, box, v1only: true },
    ];
  }),
  { path: `${C}/TransportContractReferencedDocument`, box: '15' },
  { path: `${C}/TransportContractReferencedDocument/ID`, box: '15' },
  { path: `${C}/ExaminationTransportEvent`, box: '14' },
  { path: `${C}/ExaminationTransportEvent/ActualOccurrenceDateTime`, box: '14 (date)' },
  { path: `${C}/ExaminationTransportEvent/OccurrenceLogisticsLocation`, box: '14 (port)' },
  { path: `${C}/ExaminationTransportEvent/OccurrenceLogisticsLocation/ID`, box: '14 (port)' },
  { path: `${C}/ExaminationTransportEvent/CertifyingTradeParty`, box: '14 (customs)' },
  { path: `${C}/ExaminationTransportEvent/CertifyingTradeParty/PostalTradeAddress`, box: '14 (customs)' },
  { path: `${C}/ExaminationTransportEvent/CertifyingTradeParty/PostalTradeAddress/CountryID`, box: '14 (customs)', v2only: true },
  { path: `${C}/ExaminationTransportEvent/CertifyingTradeParty/PostalTradeAddress/CountryIdentificationTradeCountry`, box: '14 (customs)', v1only: true },
  { path: `${C}/ExaminationTransportEvent/CertifyingTradeParty/PostalTradeAddress/CountryIdentificationTradeCountry/ID`, box: '14 (customs)', v1only: true },
  { path: `${C}/ExaminationTransportEvent/CertifyingTradeParty/SpecifiedAuthoritativeSignatoryPerson`, box: '14 (signature)' },
  { path: `${C}/ExaminationTransportEvent/CertifyingTradeParty/SpecifiedAuthoritativeSignatoryPerson/Name`, box: '14 (signature)' },
  { path: I, box: 'block A, B, …' },
  { path: `${I}/ID`, box: 'block letter' },
  { path: `${I}/PhysicalLogisticsShippingMarks`, box: '9 (marks)' },
  { path: `${I}/PhysicalLogisticsShippingMarks/Marking`, box: '9 (marks)' },
  { path: `${I}/OriginTradeCountry`, box: '12' },
  { path: `${I}/OriginTradeCountry/ID`, box: '12' },
  { path: `${I}/ExportTradeCountry`, box: '12a' },
  { path: `${I}/ExportTradeCountry/ID`, box: '12a' },
  { path: `${I}/AssociatedReferencedDocument`, box: '12 (861), 12a (811)' },
  { path: `${I}/AssociatedReferencedDocument/IssueDateTime`, box: '12, 12a (date)' },
  { path: `${I}/AssociatedReferencedDocument/TypeCode`, box: '12, 12a' },
  { path: `${I}/AssociatedReferencedDocument/ID`, box: '12, 12a (number)' },
  { path: `${I}/TransportLogisticsPackage`, box: '11' },
  { path: `${I}/TransportLogisticsPackage/ItemQuantity`, box: '11' },
  { path: L, box: '7–10' },
  { path: `${L}/TypeCode`, box: '10 (appendix)' },
  { path: `${L}/TypeExtensionCode`, box: '10 (source)' },
  { path: `${L}/SpecifiedTradeProduct`, box: '7–9' },
  { path: `${L}/SpecifiedTradeProduct/Description`, box: '9' },
  { path: `${L}/SpecifiedTradeProduct/TypeCode`, box: '9 (term)' },
  { path: `${L}/SpecifiedTradeProduct/CommonName`, box: '8' },
  { path: `${L}/SpecifiedTradeProduct/ScientificName`, box: '7' },
  { path: `${I}/ExaminationTransportEvent`, box: '14 (quantity)' },
  { path: `${I}/ExaminationTransportEvent/UnitQuantity`, box: '14 (quantity)', v2only: true },
  { path: `${I}/ExaminationTransportEvent/InspectedUnitQuantity`, box: '14 (quantity)', v1only: true },
  { path: `${I}/ApplicableCrossBorderRegulatoryProcedure`, box: '11a, 12b', v2only: true },
  { path: `${I}/ApplicableCrossBorderGovernmentProcedure`, box: '11a, 12b', v1only: true },
  ...['ApplicableCrossBorderRegulatoryProcedure', 'ApplicableCrossBorderGovernmentProcedure'].flatMap((p) => {
    const only = p === 'ApplicableCrossBorderRegulatoryProcedure' ? { v2only: true } : { v1only: true };
    return [
      { path: `${I}/${p}/UsedToDateQuotaQuantity`, box: '11a', ...only },
      { path: `${I}/${p}/AnnualQuotaQuantity`, box: '11a', ...only },
      { path: `${I}/${p}/AcquisitionDateTime`, box: '12b (source O)', ...only },
      { path: `${I}/${p}/PreviousReferencedDocument`, box: '12b (source D)', ...only },
      { path: `${I}/${p}/PreviousReferencedDocument/ID`, box: '12b (source D)', ...only },
    ];
  }),
  { path: `${C}/ImportTradeCountry`, box: '3a', v1only: true },
  { path: `${C}/ImportTradeCountry/ID`, box: '3a', v1only: true },
];

/** The documented paths of one version, in document order. */
export const structureOf = (version: 1 | 2): string[] => STRUCTURE.filter((e) => (version === 2 ? !e.v1only : !e.v2only)).map((e) => e.path);
