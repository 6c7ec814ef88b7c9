/**
 * Reads the header of a toolkit permit (HeaderExchangedDocument): boxes 1, 2, 5, 5a, 5b, 6
 * and 13, the import permit an Appendix I export relies on (Art. III(2)(d)) and the document a
 * replacement replaces (docs/toolkit-xml.md).
 */
import type { DocumentType, PermitRequest, ReplacementReason } from '../permit/model.js';
import { DOC_IMPORT_PERMIT, TYPE_CODES, type ToolkitVersion } from './namespaces.js';
import type { ElementReader } from './reader.js';
import type { XmlElement } from './safe-parse.js';
import type { ToolkitOriginal } from './read-permit.js';

const DOCUMENT_TYPES = Object.fromEntries(Object.entries(TYPE_CODES).map(([type, code]) => [code, type])) as Record<string, DocumentType>;
const REPLACES = 'replaces:';

export function readHeader(r: ElementReader, head: XmlElement | undefined, version: ToolkitVersion, original: ToolkitOriginal, base: string): Partial<PermitRequest> {
  const request: Partial<PermitRequest> = {};
  const number = r.required(head, 'ID', base);
  if (number) original.permitNumber = number;
  const typeCode = r.required(head, 'TypeCode', base);
  if (typeCode !== undefined) {
    const type = DOCUMENT_TYPES[typeCode];
    if (type) request.documentType = type;
    else r.invalid(r.pathOf(head, 'TypeCode', base), `"${typeCode}" is not a document type code (E, R, I or O).`);
  }
  if (request.documentType === 'other') {
    const other = r.text(head, 'Name');
    if (other) request.otherDocumentType = other;
  }
  const purpose = r.required(head, 'PurposeCode', base);
  if (purpose) request.purpose = purpose;
  const conditions = r.all(head, 'Information').map((el) => el.text).filter((t) => t !== '');
  if (conditions.length) request.specialConditions = conditions;
  for (const ref of r.all(head, 'ReferenceReferencedDocument')) {
    const code = ref.children.find((c) => c.name === 'TypeCode')?.text;
    const name = ref.children.find((c) => c.name === 'Name')?.text ?? '';
    const idEl = ref.children.find((c) => c.name === 'ID');
    if (code === DOC_IMPORT_PERMIT && idEl?.text) {
      r.text(ref, 'TypeCode');
      r.text(ref, 'ID');
      request.importPermit = { permitNumber: idEl.text };
      const issuer = idEl.attrs.schemeID;
      const country = idEl.attrs.schemeAgencyID;
      if (issuer?.startsWith('did:')) request.importPermit.issuer = issuer;
      if (country && /^[A-Z]{2}$/.test(country)) request.importPermit.country = country;
      const date = r.day(ref, 'IssueDateTime', base);
      if (date) request.importPermit.date = date;
    } else if (name.startsWith(REPLACES) && idEl?.text) {
      r.text(ref, 'Name');
      request.replaces = { permitNumber: r.text(ref, 'ID')!, reason: name.slice(REPLACES.length) as ReplacementReason };
    }
  }
  const period = r.one(head, 'EffectiveSpecifiedPeriod');
  const until = r.day(period, 'EndDateTime', base);
  if (until) request.validUntil = until;
  const start = r.text(period, 'StartDateTime');
  const issueDate = r.text(head, 'IssueDateTime') ?? start;
  const place = r.text(head, 'IssueLogisticsLocation/Name');
  // Box 5b and box 6 (EPIX: the first signatory authentication); box 13's signatory is its person.
  const auth = r.one(head, 'FirstSignatoryDocumentAuthentication');
  const stamp = r.text(auth, 'ID');
  if (stamp) request.securityStampNumber = stamp;
  r.text(auth, 'ActualDateTime');
  // Its TypeCode says which signatory it is (A: the first); the authority's country name repeats its code.
  r.text(auth, 'TypeCode');
  const authority = r.one(auth, 'ProviderTradeParty');
  const authPlace = r.text(auth, 'IssueLogisticsLocation/Name');
  const signatory = r.text(authority, 'SpecifiedAuthoritativeSignatoryPerson/Name');
  const postal = r.one(authority, 'PostalTradeAddress');
  r.all(postal, 'CountryName');
  for (const c of r.all(postal, 'CountryIdentificationTradeCountry')) r.all(c, 'Name');
  const addressParts = ['StreetName', 'PostOfficeBox', 'CityName', 'PostcodeCode', 'CountrySubDivisionName'].map((p) => r.text(postal, p)).filter((p) => p !== undefined);
  const ma = {
    did: r.text(authority, 'ID'),
    name: r.text(authority, 'Name'),
    address: addressParts.length ? addressParts.join(', ') : undefined,
    country: r.text(postal, version === 2 ? 'CountryID' : 'CountryIdentificationTradeCountry/ID'),
  };
  const present = Object.fromEntries(Object.entries(ma).filter(([, v]) => v !== undefined));
  if (Object.keys(present).length) original.managementAuthority = present;
  const issued = { date: issueDate, place: place ?? authPlace, signatory };
  const issuedPresent = Object.fromEntries(Object.entries(issued).filter(([, v]) => v !== undefined));
  if (Object.keys(issuedPresent).length) original.issued = issuedPresent;
  return request;
}
