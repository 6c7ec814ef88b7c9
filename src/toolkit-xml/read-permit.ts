/**
 * Reads a CITES toolkit permit, version 2 (`CITESEPermit`) or version 1 (`CBFShip`), into a
 * Saiga permit request (what `saiga permit issue` accepts) and what the document says beyond a
 * request: its number (box 1), issuing authority (box 6), place, date and signatory (box 13) and
 * the examination at export (boxes 14, 15). The mapping is docs/toolkit-xml.md's table, read
 * backwards. Every element nothing maps is reported with its path; nothing is signed here.
 */
import type { Party, PermitRequest, Specimen } from '../permit/model.js';
import { CBF_SHIP_V1, CITES_EPERMIT_V2, DOC_LAST_RE_EXPORT, DOC_ORIGIN, SOAP_ENVELOPE, type ToolkitVersion } from './namespaces.js';
import { ElementReader } from './reader.js';
import { xmlFinding, type XmlFinding } from './findings.js';
import { parseXmlSafely, type XmlElement } from './safe-parse.js';
import { readHeader } from './read-header.js';

/** What the document says that a new request does not carry: the permit it was. */
export interface ToolkitOriginal {
  permitNumber?: string;
  managementAuthority?: { did?: string; name?: string; address?: string; country?: string };
  issued?: { date?: string; place?: string; signatory?: string };
  /** The block letters, in the document's order. */
  blocks: string[];
  /** Boxes 14 and 15, when the document records the examination at export. */
  examination?: { date?: string; port?: string; transportDocument?: string; officer?: string; country?: string; blocks: { block: string; quantity: number; unit?: string }[] };
}

export interface ToolkitReading {
  ok: boolean;
  version?: ToolkitVersion;
  request?: PermitRequest;
  original?: ToolkitOriginal;
  /** Errors (the document cannot be read, or a box it needs is missing or wrong) and notices (XML_ELEMENT_UNMAPPED, XML_ELEMENT_REPEATED). */
  findings: XmlFinding[];
}

/** Codes that leave the request usable: the element is reported, the rest is read. */
export const NOTICE_CODES = new Set(['XML_ELEMENT_UNMAPPED', 'XML_ELEMENT_REPEATED']);

/** The permit element itself: the root, or inside a SOAP envelope's body answer (as EPIX's GetFinalCitesCertificate returns it). */
function permitElement(root: XmlElement): XmlElement | undefined {
  const isPermit = (el: XmlElement) => (el.name === 'CITESEPermit' && [CITES_EPERMIT_V2, ''].includes(el.ns)) || (el.name === 'CBFShip' && [CBF_SHIP_V1, ''].includes(el.ns));
  if (isPermit(root)) return root;
  if (root.ns !== SOAP_ENVELOPE || root.name !== 'Envelope') return undefined;
  const body = root.children.find((c) => c.ns === SOAP_ENVELOPE && c.name === 'Body');
  return body?.children.flatMap((answer) => [answer, ...answer.children]).find(isPermit);
}

/** A country's name beside its code says the code again: read with it, so it is not reported unmapped. */
export function readCountryNames(r: ElementReader, el: XmlElement | undefined): void {
  r.all(el, 'Name');
  r.all(el, 'CountryName');
  for (const sub of r.all(el, 'SubordinateTradeCountrySubDivision')) r.all(sub, 'Name');
}

function country(r: ElementReader, party: XmlElement | undefined, version: ToolkitVersion, base: string): string | undefined {
  const postal = party?.children.find((c) => c.name === 'PostalTradeAddress');
  readCountryNames(r, version === 2 ? postal : postal?.children.find((c) => c.name === 'CountryIdentificationTradeCountry'));
  const path = version === 2 ? 'PostalTradeAddress/CountryID' : 'PostalTradeAddress/CountryIdentificationTradeCountry/ID';
  const value = r.required(party, path, base);
  if (value !== undefined && !/^[A-Z]{2}$/.test(value)) r.invalid(r.pathOf(party, path, base), `"${value}" is not an ISO 3166-1 alpha-2 country code.`);
  return value;
}

/** Saiga's address is one line: the postal parts joined as EPIX shows them (street, PO box, city, postcode). */
function addressLine(r: ElementReader, party: XmlElement | undefined): string | undefined {
  const postal = r.one(party, 'PostalTradeAddress');
  const parts = ['StreetName', 'PostOfficeBox', 'CityName', 'PostcodeCode', 'CountrySubDivisionName'].map((p) => r.text(postal, p)).filter((p): p is string => p !== undefined);
  return parts.length ? parts.join(', ') : undefined;
}

function party(r: ElementReader, parent: XmlElement | undefined, name: string, version: ToolkitVersion): Party {
  const el = r.one(parent, name);
  const base = `${parent?.path}/${name}`;
  if (!el) r.findings.push(xmlFinding('XML_REQUIRED_MISSING', base));
  return { name: r.required(el, 'Name', base) ?? '', address: addressLine(r, el) ?? '', country: country(r, el, version, base) ?? '' };
}

function specimen(r: ElementReader, item: XmlElement, version: ToolkitVersion, original: ToolkitOriginal): Specimen {
  const base = item.path;
  const block = r.text(item, 'ID');
  if (block) original.blocks.push(block);
  const line = r.one(item, 'IncludedSupplyChainTradeLineItem');
  const product = r.one(line, 'SpecifiedTradeProduct');
  const qty = r.quantity(item, 'TransportLogisticsPackage/ItemQuantity', base);
  if (!qty.present) r.findings.push(xmlFinding('XML_REQUIRED_MISSING', `${base}/TransportLogisticsPackage/ItemQuantity`));
  if (qty.value !== undefined && !qty.unit) r.findings.push(xmlFinding('XML_REQUIRED_MISSING', `${base}/TransportLogisticsPackage/ItemQuantity/@unitCode`));
  const appendix = r.required(line, 'TypeCode', `${base}/IncludedSupplyChainTradeLineItem`);
  if (appendix !== undefined && !['I', 'II', 'III'].includes(appendix)) r.invalid(r.pathOf(line, 'TypeCode', base), `"${appendix}" is not an Appendix (I, II or III).`);
  const s: Specimen = {
    scientificName: r.required(product, 'ScientificName', `${base}/IncludedSupplyChainTradeLineItem/SpecifiedTradeProduct`) ?? '',
    description: r.required(product, 'Description', `${base}/IncludedSupplyChainTradeLineItem/SpecifiedTradeProduct`) ?? '',
    term: r.required(product, 'TypeCode', `${base}/IncludedSupplyChainTradeLineItem/SpecifiedTradeProduct`) ?? '',
    appendix: (appendix ?? '') as Specimen['appendix'],
    source: r.required(line, 'TypeExtensionCode', `${base}/IncludedSupplyChainTradeLineItem`) ?? '',
    quantity: qty.value ?? 0,
    unit: qty.unit ?? '',
  };
  const common = r.text(product, 'CommonName');
  if (common) s.commonName = common;
  const marks = r.text(item, 'PhysicalLogisticsShippingMarks/Marking');
  if (marks) s.marks = marks;
  const docs = r.all(item, 'AssociatedReferencedDocument');
  const docOf = (code: string) => docs.find((d) => d.children.some((c) => c.name === 'TypeCode' && c.text === code));
  readCountryNames(r, r.one(item, 'OriginTradeCountry'));
  readCountryNames(r, r.one(item, 'ExportTradeCountry'));
  const originCountry = r.text(item, 'OriginTradeCountry/ID');
  const originDoc = docOf(DOC_ORIGIN);
  if (originCountry || originDoc) {
    r.text(originDoc, 'TypeCode');
    s.origin = { country: originCountry ?? '' };
    const id = r.text(originDoc, 'ID');
    const date = r.day(originDoc, 'IssueDateTime', base);
    if (id) s.origin.permitNumber = id;
    if (date) s.origin.date = date;
  }
  const lastCountry = r.text(item, 'ExportTradeCountry/ID');
  const lastDoc = docOf(DOC_LAST_RE_EXPORT);
  if (lastCountry || lastDoc) {
    r.text(lastDoc, 'TypeCode');
    s.lastReExport = { country: lastCountry ?? '', certificateNumber: r.text(lastDoc, 'ID') ?? '', date: r.day(lastDoc, 'IssueDateTime', base) ?? '' };
  }
  const procedure = r.one(item, version === 2 ? 'ApplicableCrossBorderRegulatoryProcedure' : 'ApplicableCrossBorderGovernmentProcedure');
  const used = r.quantity(procedure, 'UsedToDateQuotaQuantity', base);
  const annual = r.quantity(procedure, 'AnnualQuotaQuantity', base);
  if (used.value !== undefined || annual.value !== undefined) {
    s.quota = { exportedToDate: used.value ?? 0, annual: annual.value ?? 0, ...((used.unit ?? annual.unit) && { unit: used.unit ?? annual.unit }) };
  }
  const acquired = r.day(procedure, 'AcquisitionDateTime', base);
  if (acquired) s.acquisitionDate = acquired;
  const operation = r.text(procedure, 'PreviousReferencedDocument/ID');
  if (operation) s.operationNumber = operation;
  const inspected = r.quantity(item, `ExaminationTransportEvent/${version === 2 ? 'UnitQuantity' : 'InspectedUnitQuantity'}`, base);
  if (inspected.value !== undefined && block) {
    original.examination ??= { blocks: [] };
    original.examination.blocks.push({ block, quantity: inspected.value, ...(inspected.unit && { unit: inspected.unit }) });
  }
  return s;
}

/** Reads the document (bytes or text) into a permit request, or refuses it with findings and paths. */
export function readToolkitPermit(input: string | Uint8Array): ToolkitReading {
  const parsed = parseXmlSafely(input);
  if (!parsed.ok) return { ok: false, findings: parsed.findings };
  const root = permitElement(parsed.root);
  if (!root) return { ok: false, findings: [xmlFinding('XML_NOT_TOOLKIT', parsed.root.path, `Its root is "${parsed.root.name}" in "${parsed.root.ns || 'no namespace'}".`)] };
  const version: ToolkitVersion = root.name === 'CITESEPermit' ? 2 : 1;
  const rsm = version === 2 ? CITES_EPERMIT_V2 : CBF_SHIP_V1;
  const r = new ElementReader();
  const original: ToolkitOriginal = { blocks: [] };
  // The document context says what process the message belongs to (CITES permitting), no box of the form.
  r.useTree(r.one(root, 'SpecifiedExchangedDocumentContext', rsm));
  const head = r.one(root, 'HeaderExchangedDocument', rsm);
  if (!head) r.findings.push(xmlFinding('XML_REQUIRED_MISSING', `${root.path}/HeaderExchangedDocument`));
  const request = readHeader(r, head, version, original, `${root.path}/HeaderExchangedDocument`) as PermitRequest;
  const consignment = r.one(root, 'SpecifiedSupplyChainConsignment', rsm);
  const cpath = `${root.path}/SpecifiedSupplyChainConsignment`;
  if (!consignment) r.findings.push(xmlFinding('XML_REQUIRED_MISSING', cpath));
  request.exporter = party(r, consignment, 'ConsignorTradeParty', version);
  request.importer = party(r, consignment, 'ConsigneeTradeParty', version);
  const transport = r.text(consignment, 'TransportContractReferencedDocument/ID');
  const event = r.one(consignment, 'ExaminationTransportEvent');
  const items = r.all(consignment, 'IncludedSupplyChainConsignmentItem');
  if (items.length === 0) r.findings.push(xmlFinding('XML_REQUIRED_MISSING', `${cpath}/IncludedSupplyChainConsignmentItem`));
  request.specimens = items.map((item) => specimen(r, item, version, original));
  if (event || transport) {
    const customs = r.one(event, 'CertifyingTradeParty');
    const exam = (original.examination ??= { blocks: [] });
    const date = r.day(event, 'ActualOccurrenceDateTime', cpath);
    const port = r.text(event, 'OccurrenceLogisticsLocation/ID');
    const officer = r.text(customs, 'SpecifiedAuthoritativeSignatoryPerson/Name');
    const customsCountry = r.text(customs, version === 2 ? 'PostalTradeAddress/CountryID' : 'PostalTradeAddress/CountryIdentificationTradeCountry/ID');
    Object.assign(exam, { ...(date && { date }), ...(port && { port }), ...(transport && { transportDocument: transport }), ...(officer && { officer }), ...(customsCountry && { country: customsCountry }) });
  }
  if (version === 1) {
    readCountryNames(r, r.one(consignment, 'ImportTradeCountry'));
    const importCountry = r.text(consignment, 'ImportTradeCountry/ID');
    if (importCountry && importCountry !== request.importer.country) r.invalid(r.pathOf(consignment, 'ImportTradeCountry/ID', cpath), `"${importCountry}" is not the consignee's country "${request.importer.country}".`);
  }
  const findings = [...r.findings, ...r.unread(root)];
  return { ok: findings.every((f) => NOTICE_CODES.has(f.code)), version, request, original, findings };
}
