/**
 * Validates permit requests (before issuance) and issued permits (for the verifier)
 * against the schema and the CITES issuance rules. Every finding is reported at once,
 * with a stable code from RULE_CODES and a JSON pointer; warnings are kept apart and
 * never make a document invalid. Never throws for bad input. Browser-safe.
 */

import type { RuleIssue } from '../codes.js';
import { isRecord, issue, onePerPath, quote } from './findings.js';
import { PERMIT_RULES, REQUEST_RULES, runRules, type Doc, type RuleContext } from './rules.js';
import type { ImportPermitTrust } from './import-permit.js';
import { schemaFindings } from './schema-check.js';
import { permitValidator, requestValidator } from './schema-validators.js';
import { normaliseText, textCharactersAllowed } from './text.js';
import { WARNING_RULES } from './warnings.js';

export interface ValidationOutcome {
  /** True when there are no errors (warnings do not count). */
  ok: boolean;
  errors: RuleIssue[];
  warnings: RuleIssue[];
}

export interface RequestContext {
  /** ISO 3166-1 alpha-2 country of the Management Authority asked to issue. */
  authorityCountry: string;
  /** The time of issue: validity limits count from it, and dates may not lie after it. */
  now: Date;
  /** The authority's trust, for the import permit's issuer (import-permit.ts). Issuance always gives it. */
  trust?: ImportPermitTrust;
}

/** What the verified credential says around its subject (see subject.ts). */
export interface PermitContext {
  /** Country of the signing authority (box 6, from the trust list): the domestic-party rules apply with it. */
  issuerCountry?: string;
  /** The credential's issuanceDate: the date of issue, from which the validity limit counts. */
  issuedAt?: Date;
  /** Box 2: the UTC day of the credential's expirationDate, YYYY-MM-DD. */
  validUntil?: string;
  /** The verifier's trusted issuers, for the import permit's issuer (import-permit.ts). */
  trust?: ImportPermitTrust;
}

/**
 * Checks what an officer submits, at the authority of `ctx.authorityCountry`, as if issued
 * at `ctx.now`. Its texts are judged in NFC, as issuance stores them (`normaliseText`).
 */
export function validatePermitRequest(input: unknown, ctx: RequestContext): ValidationOutcome {
  if (!isRecord(input)) return notAnObject(input);
  const request = normaliseText(input);
  return outcome(request, schemaFindings(requestValidator(), request), REQUEST_RULES, {
    authorityCountry: ctx.authorityCountry,
    issuedAt: ctx.now,
    now: ctx.now,
    ...(ctx.trust && { trust: ctx.trust }),
  });
}

/**
 * Checks the credential subject of an issued permit. Nothing here depends on the current
 * time (expiry is the verifier's separate verdict); the validity limit counts from the
 * credential's issuanceDate.
 */
export function validatePermit(subject: unknown, ctx: PermitContext = {}): ValidationOutcome {
  if (!isRecord(subject)) return notAnObject(subject);
  const issuedAt = ctx.issuedAt !== undefined && !Number.isNaN(ctx.issuedAt.getTime()) ? ctx.issuedAt : undefined;
  return outcome(subject, schemaFindings(permitValidator(), subject), PERMIT_RULES, {
    authorityCountry: ctx.issuerCountry,
    issuedAt,
    validUntil: ctx.validUntil,
    ...(ctx.trust && { trust: ctx.trust }),
  });
}

function outcome(doc: Doc, schemaErrors: RuleIssue[], rules: typeof REQUEST_RULES, ctx: RuleContext): ValidationOutcome {
  // Refused characters first (a name of only NUL is a control character more than a blank
  // name), then schema findings, so a field that is malformed is reported as such and not
  // again by a rule that read it.
  const errors = onePerPath([...textCharactersAllowed(doc, ctx), ...schemaErrors, ...runRules(rules, doc, ctx)]);
  // A field with an error gets no warning on top: fixing the error comes first.
  const errorPaths = new Set(errors.map((e) => e.path));
  const warnings = onePerPath(runRules(WARNING_RULES, doc, ctx)).filter((w) => !errorPaths.has(w.path));
  return { ok: errors.length === 0, errors, warnings };
}

function notAnObject(input: unknown): ValidationOutcome {
  const found = input === null ? 'null' : Array.isArray(input) ? 'an array' : `${typeof input} ${quote(input)}`;
  return { ok: false, errors: [issue('FIELD_INVALID', '', `A permit must be a JSON object, found ${found}.`)], warnings: [] };
}
