/**
 * Writes an issued permit as a CITES toolkit XML document (docs/toolkit-xml.md has the mapping,
 * box by box, with its sources). Version 2 (`CITESEPermit`) by default; version 1 (`CBFShip`)
 * for partners still on it. Box 14 (the examination at export) and box 15 come from the customs
 * endorsement once there is one. xmlbuilder2 writes and escapes every value: no text is
 * concatenated into markup here.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { IssuedSpecimen, Party, Permit } from '../permit/model.js';
import type { Endorsement } from '../vocab/endorsement.js';
import {
  CBF_SHIP_V1,
  CITES_EPERMIT_V2,
  DOC_IMPORT_PERMIT,
  DOC_LAST_RE_EXPORT,
  DOC_ORIGIN,
  DOCUMENT_NAME_LIST,
  RAM,
  TYPE_CODES,
  type ToolkitVersion,
} from './namespaces.js';

/** A date of the form (YYYY-MM-DD) as the toolkit's date-times carry it: that day's start, UTC. */
export const dayStart = (day: string): string => `${day}T00:00:00Z`;
/** Box 2: valid through the end of that day, UTC (as the credential's expirationDate). */
export const dayEnd = (day: string): string => `${day}T23:59:59Z`;

type Attrs = Record<string, string>;

/** One `ram:` element, with its text when given; nothing when the value is absent. */
function leaf(parent: XMLBuilder, name: string, value: string | number | undefined, attrs: Attrs = {}): void {
  if (value === undefined || value === '') return;
  parent.ele(RAM, `ram:${name}`, attrs).txt(String(value));
}

const group = (parent: XMLBuilder, name: string): XMLBuilder => parent.ele(RAM, `ram:${name}`);

/** Version 2 puts the country in PostalTradeAddress/CountryID; version 1 nests it in CountryIdentificationTradeCountry/ID. */
function address(parent: XMLBuilder, street: string | undefined, country: string, version: ToolkitVersion): void {
  const postal = group(parent, 'PostalTradeAddress');
  leaf(postal, 'StreetName', street);
  if (version === 2) leaf(postal, 'CountryID', country);
  else leaf(group(postal, 'CountryIdentificationTradeCountry'), 'ID', country);
}

/** Boxes 3 and 4: the importer (consignee) or exporter (consignor). */
function tradeParty(parent: XMLBuilder, name: string, party: Party, version: ToolkitVersion): void {
  const node = group(parent, name);
  leaf(node, 'Name', party.name);
  address(node, party.address, party.country, version);
}

function referencedDocument(parent: XMLBuilder, name: string, doc: { typeCode?: string; id?: string; date?: string; name?: string; idAttrs?: Attrs }): void {
  const node = group(parent, name);
  leaf(node, 'IssueDateTime', doc.date && dayStart(doc.date));
  leaf(node, 'TypeCode', doc.typeCode, { ...DOCUMENT_NAME_LIST });
  leaf(node, 'ID', doc.id, doc.idAttrs);
  leaf(node, 'Name', doc.name);
}

/** Boxes 1, 2, 5, 5a, 5b, 6 and 13: the header of the document. */
function header(root: XMLBuilder, ns: string, prefix: string, permit: Permit, version: ToolkitVersion): void {
  const head = root.ele(ns, `${prefix}:HeaderExchangedDocument`);
  leaf(head, 'ID', permit.permitNumber);
  leaf(head, 'Name', permit.otherDocumentType);
  leaf(head, 'TypeCode', TYPE_CODES[permit.documentType]);
  leaf(head, 'IssueDateTime', permit.issued.date);
  leaf(head, 'PurposeCode', permit.purpose);
  for (const condition of permit.specialConditions ?? []) leaf(head, 'Information', condition);
  if (permit.importPermit) {
    const ref = permit.importPermit;
    // The issuing authority of the import permit: its country as the agency that assigned the number, its DID as the number's scheme.
    const idAttrs: Attrs = { ...(ref.issuer && { schemeID: ref.issuer }), ...(ref.country && { schemeAgencyID: ref.country }) };
    referencedDocument(head, 'ReferenceReferencedDocument', { typeCode: DOC_IMPORT_PERMIT, id: ref.permitNumber, date: ref.date, idAttrs });
  }
  if (permit.replaces) referencedDocument(head, 'ReferenceReferencedDocument', { id: permit.replaces.permitNumber, name: `replaces:${permit.replaces.reason}` });
  const period = group(head, 'EffectiveSpecifiedPeriod');
  leaf(period, 'StartDateTime', permit.issued.date);
  leaf(period, 'EndDateTime', dayEnd(permit.validUntil));
  leaf(group(head, 'IssueLogisticsLocation'), 'Name', permit.issued.place);
  // Box 5b (stamp) and box 6 (authority) as EPIX maps them: the first signatory authentication; box 13's signatory is its person.
  const auth = group(head, 'FirstSignatoryDocumentAuthentication');
  leaf(auth, 'ActualDateTime', permit.issued.date);
  leaf(auth, 'ID', permit.securityStampNumber);
  const authority = group(auth, 'ProviderTradeParty');
  leaf(authority, 'ID', permit.managementAuthority.did);
  leaf(authority, 'Name', permit.managementAuthority.name);
  address(authority, permit.managementAuthority.address, permit.managementAuthority.country, version);
  leaf(group(authority, 'SpecifiedAuthoritativeSignatoryPerson'), 'Name', permit.issued.signatory);
  leaf(group(auth, 'IssueLogisticsLocation'), 'Name', permit.issued.place);
}

/** Boxes 7 to 12b, and box 14's quantity, for one block. */
function item(parent: XMLBuilder, s: IssuedSpecimen, endorsed: { quantity: number; unit: string } | undefined, version: ToolkitVersion): void {
  const node = group(parent, 'IncludedSupplyChainConsignmentItem');
  leaf(node, 'ID', s.block);
  if (s.marks) leaf(group(node, 'PhysicalLogisticsShippingMarks'), 'Marking', s.marks);
  if (s.origin) leaf(group(node, 'OriginTradeCountry'), 'ID', s.origin.country);
  if (s.lastReExport) leaf(group(node, 'ExportTradeCountry'), 'ID', s.lastReExport.country);
  if (s.origin && (s.origin.permitNumber || s.origin.date)) {
    referencedDocument(node, 'AssociatedReferencedDocument', { typeCode: DOC_ORIGIN, id: s.origin.permitNumber, date: s.origin.date });
  }
  if (s.lastReExport) {
    referencedDocument(node, 'AssociatedReferencedDocument', { typeCode: DOC_LAST_RE_EXPORT, id: s.lastReExport.certificateNumber, date: s.lastReExport.date });
  }
  leaf(group(node, 'TransportLogisticsPackage'), 'ItemQuantity', s.quantity, { unitCode: s.unit });
  const line = group(node, 'IncludedSupplyChainTradeLineItem');
  leaf(line, 'TypeCode', s.appendix);
  leaf(line, 'TypeExtensionCode', s.source);
  const product = group(line, 'SpecifiedTradeProduct');
  leaf(product, 'Description', s.description);
  leaf(product, 'TypeCode', s.term);
  leaf(product, 'CommonName', s.commonName);
  leaf(product, 'ScientificName', s.scientificName);
  if (endorsed) {
    leaf(group(node, 'ExaminationTransportEvent'), version === 2 ? 'UnitQuantity' : 'InspectedUnitQuantity', endorsed.quantity, { unitCode: endorsed.unit });
  }
  if (s.quota || s.acquisitionDate || s.operationNumber) {
    const procedure = group(node, version === 2 ? 'ApplicableCrossBorderRegulatoryProcedure' : 'ApplicableCrossBorderGovernmentProcedure');
    if (s.quota) {
      const unit: Attrs = s.quota.unit ? { unitCode: s.quota.unit } : {};
      leaf(procedure, 'UsedToDateQuotaQuantity', s.quota.exportedToDate, unit);
      leaf(procedure, 'AnnualQuotaQuantity', s.quota.annual, unit);
    }
    leaf(procedure, 'AcquisitionDateTime', s.acquisitionDate && dayStart(s.acquisitionDate));
    if (s.operationNumber) leaf(group(procedure, 'PreviousReferencedDocument'), 'ID', s.operationNumber);
  }
}

/** Boxes 3, 4, 7–12b, 14 and 15: the consignment. */
function consignment(root: XMLBuilder, ns: string, prefix: string, permit: Permit, endorsement: Endorsement | undefined, version: ToolkitVersion): void {
  const node = root.ele(ns, `${prefix}:SpecifiedSupplyChainConsignment`);
  tradeParty(node, 'ConsignorTradeParty', permit.exporter, version);
  tradeParty(node, 'ConsigneeTradeParty', permit.importer, version);
  if (endorsement) {
    leaf(group(node, 'TransportContractReferencedDocument'), 'ID', endorsement.transportDocument);
    const event = group(node, 'ExaminationTransportEvent');
    leaf(event, 'ActualOccurrenceDateTime', dayStart(endorsement.date));
    leaf(group(event, 'OccurrenceLogisticsLocation'), 'ID', endorsement.portOfExport);
    const customs = group(event, 'CertifyingTradeParty');
    address(customs, undefined, endorsement.country, version);
    leaf(group(customs, 'SpecifiedAuthoritativeSignatoryPerson'), 'Name', endorsement.officer);
  }
  const endorsedOf = new Map((endorsement?.blocks ?? []).map((b) => [b.block, b]));
  for (const s of permit.specimens) item(node, s, endorsedOf.get(s.block), version);
  if (version === 1) leaf(group(node, 'ImportTradeCountry'), 'ID', permit.importer.country);
}

/** The permit (and its endorsement, when customs endorsed it) as toolkit XML, UTF-8, indented. */
export function permitToToolkitXml(permit: Permit, options: { endorsement?: Endorsement; version?: ToolkitVersion } = {}): string {
  const version = options.version ?? 2;
  const [ns, prefix, rootName] = version === 2 ? [CITES_EPERMIT_V2, 'rsm', 'CITESEPermit'] : [CBF_SHIP_V1, 'rsm', 'CBFShip'];
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(ns, `${prefix}:${rootName}`).att('http://www.w3.org/2000/xmlns/', 'xmlns:ram', RAM);
  const context = root.ele(ns, `${prefix}:SpecifiedExchangedDocumentContext`);
  leaf(group(context, 'BusinessProcessSpecifiedDocumentContextParameter'), 'Value', 'CITES Permitting');
  header(root, ns, prefix, permit, version);
  consignment(root, ns, prefix, permit, options.endorsement, version);
  return doc.end({ prettyPrint: true });
}
