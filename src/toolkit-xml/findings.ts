/**
 * Findings of the toolkit XML reader: a code of XML_CODES (src/codes.ts), an XPath-like path
 * of the element it concerns (`/CITESEPermit/SpecifiedSupplyChainConsignment/IncludedSupplyChainConsignmentItem[2]/ID`,
 * local names, 1-based positions where a name repeats), and a message a customs officer reads.
 */
import { XML_CODES, type XmlCode } from '../codes.js';

export interface XmlFinding {
  code: XmlCode;
  /** Where in the document: an XPath-like path; `/` for the document as a whole. */
  path: string;
  message: string;
  /** For a document that is not well-formed: where the parser stopped. */
  line?: number;
  column?: number;
}

export function xmlFinding(code: XmlCode, path: string, detail?: string, at?: { line: number; column: number }): XmlFinding {
  return { code, path, message: detail ? `${XML_CODES[code]} ${detail}` : XML_CODES[code], ...(at && { line: at.line, column: at.column }) };
}
