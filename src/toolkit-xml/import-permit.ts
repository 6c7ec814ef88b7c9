/**
 * `saiga permit import-xml`: a toolkit document read into a permit request and checked with the
 * same rules as `saiga permit issue` (src/permit/validate.ts), so the officer sees at once what
 * the request still needs before it can be issued as a credential. Read-only: nothing is signed
 * or stored.
 */
import type { Permit, PermitRequest } from '../permit/model.js';
import { validatePermitRequest, type RequestContext, type ValidationOutcome } from '../permit/validate.js';
import { readToolkitPermit, type ToolkitReading } from './read-permit.js';

export interface ToolkitImport extends ToolkitReading {
  /** The request checked as `permit issue` would check it here; absent when the document could not be read. */
  validation?: ValidationOutcome;
}

export function importToolkitPermit(input: string | Uint8Array, ctx: RequestContext): ToolkitImport {
  const reading = readToolkitPermit(input);
  if (!reading.ok || !reading.request) return reading;
  return { ...reading, validation: validatePermitRequest(reading.request, ctx) };
}

/** The request an issued permit answers (boxes 2–12b as submitted): what a round trip must give back. */
export function requestOfPermit(permit: Permit): PermitRequest {
  const { permitNumber: _n, managementAuthority: _m, issued: _i, specimens, ...rest } = permit;
  return { ...rest, specimens: specimens.map(({ block: _b, ...s }) => s) };
}
