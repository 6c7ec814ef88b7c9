/**
 * The namespaces and versions of the CITES electronic permitting toolkit's permit message
 * (UN/CEFACT; docs/toolkit-xml.md §1). Version 2 is `CITESEPermit`; version 1 was `CBFShip`
 * (the Cross-Border Facilitation shipment message the toolkit first used). Both take their
 * elements from UN/CEFACT's Reusable Aggregate Business Information Entities (RAM).
 * The element names are those of the EPIX hub's own fixtures and mappings
 * (unepwcmc/epix, spec/fixtures/v1 and v2, lib/modules/cites).
 */

/** Version 2: the root message namespace (`rsm`). */
export const CITES_EPERMIT_V2 = 'urn:un:unece:uncefact:data:standard:CITESEPermit:2';
/** Version 1: the root message namespace of CBFShip. */
export const CBF_SHIP_V1 = 'urn:un:unece:uncefact:data:draft:CBFShip:1';
/** The reusable aggregate components (`ram`), the same URN in both versions. */
export const RAM = 'urn:un:unece:uncefact:data:draft:ReusableAggregateBusinessInformationEntity:1';
/** A SOAP 1.1 envelope, as EPIX's GetFinalCitesCertificate answers carry the permit. */
export const SOAP_ENVELOPE = 'http://schemas.xmlsoap.org/soap/envelope/';

export type ToolkitVersion = 1 | 2;

/** UN/EDIFACT 1001 (document name codes), the list EPIX's fixtures use for referenced documents. */
export const DOCUMENT_NAME_LIST = { listID: '1001', listAgencyID: '6' } as const;
/** UNTDID 1001: 861 certificate of origin (box 12, the origin's export permit), 811 export licence (box 12a, the last re-export certificate), 911 import licence (Art. III(2)(d)). */
export const DOC_ORIGIN = '861';
export const DOC_LAST_RE_EXPORT = '811';
export const DOC_IMPORT_PERMIT = '911';

/** Box 1: the toolkit's document type codes. */
export const TYPE_CODES = { export: 'E', 're-export': 'R', import: 'I', other: 'O' } as const;

/** The largest document read (import and peer answers): a permit of 100 blocks is well under 200 KiB. */
export const MAX_XML_BYTES = 1024 * 1024;
/** The deepest nesting read: the deepest toolkit path is under 10 levels. */
export const MAX_XML_DEPTH = 32;
