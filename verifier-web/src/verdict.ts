/**
 * The one verdict a person sees first, from the verification result: its state, whether
 * it verified, and the code of the first failing check. Pure: no DOM, no network.
 *
 * "valid" is given only when everything was checked and passed, including the status:
 * a status that could not be checked is never shown as valid (peer-systems §0 point 8).
 */
import type { VerificationResult } from '../../src/verify/index.js';

export const VERDICTS = ['valid', 'used', 'imported', 'revoked', 'suspended', 'expired', 'untrusted', 'damaged-or-altered', 'not-a-permit', 'newer-format', 'status-unchecked', 'invalid'] as const;
export type VerdictKind = (typeof VERDICTS)[number];

export interface Verdict {
  kind: VerdictKind;
  /** The code that decided it (the first failing check's code, or the state's code); none for valid. */
  code?: string;
}

/**
 * The colour of the verdict. "used" (endorsed at export) has its own tone: at import it is
 * the expected state, at export it must not be used again; it is neither green nor a refusal.
 */
export const TONE: Record<VerdictKind, 'good' | 'bad' | 'warn' | 'info'> = {
  valid: 'good',
  used: 'info',
  // Issue 9: used up at import; final, so it is not accepted for another shipment.
  imported: 'bad',
  revoked: 'bad',
  suspended: 'bad',
  expired: 'bad',
  untrusted: 'bad',
  'damaged-or-altered': 'bad',
  'not-a-permit': 'warn',
  'newer-format': 'warn',
  'status-unchecked': 'warn',
  invalid: 'bad',
};

/** A text icon per verdict, so that meaning never rests on colour alone (it is aria-hidden; the headline says it in words). */
export const ICON: Record<VerdictKind, string> = {
  valid: '✔',
  used: '➜',
  imported: '■',
  revoked: '✖',
  suspended: '‖',
  expired: '⌛',
  untrusted: '⚠',
  'damaged-or-altered': '✖',
  'not-a-permit': '?',
  'newer-format': '↻',
  'status-unchecked': '⚠',
  invalid: '✖',
};

/**
 * Codes that say the code or the JWT in it is not what was signed: a damaged code, a
 * signature that does not match, a fetched permit whose hash differs from the one in the
 * reference code. Whether damage or forgery, the officer's answer is the same, so they get
 * one verdict (defect 11), never "not a permit" as well.
 */
const DAMAGED_OR_ALTERED = new Set(['MALFORMED', 'SIGNATURE_INVALID', 'QR_MALFORMED', 'QR_REFERENCE_MISMATCH']);

/** Text that is no permit code at all (or far too large to be one). */
const NOT_A_PERMIT = new Set(['NOT_A_PERMIT', 'QR_NOT_A_PERMIT', 'QR_TOO_LARGE', 'QR_EMPTY']);

/** The verdict for a failing code when the state does not decide it. */
export function verdictForCode(code: string): VerdictKind {
  // A referenced permit that could not be fetched from its issuer: nothing is known against it, nothing for it.
  if (code === 'QR_REFERENCE_UNAVAILABLE') return 'status-unchecked';
  if (NOT_A_PERMIT.has(code)) return 'not-a-permit';
  if (code === 'QR_UNKNOWN_VERSION') return 'newer-format';
  // Any other QR_* code is a permit code that could not be read as signed: fail closed.
  if (DAMAGED_OR_ALTERED.has(code) || code.startsWith('QR_')) return 'damaged-or-altered';
  if (code === 'ISSUER_UNTRUSTED') return 'untrusted';
  // The linked import permit's status could not be read: unchecked, like the permit's own (linked-permits.ts).
  if (code === 'STATUS_UNAVAILABLE' || code === 'RECORD_UNAVAILABLE' || code === 'LINKED_PERMIT_STATUS_UNAVAILABLE') return 'status-unchecked';
  if (code === 'REVOKED') return 'revoked';
  if (code === 'SUSPENDED') return 'suspended';
  if (code === 'EXPIRED') return 'expired';
  return 'invalid';
}

/** The verdict for a verification result. */
export function verdictOf(result: Pick<VerificationResult, 'verified' | 'checks' | 'state'>): Verdict {
  const failing = result.checks.filter((c) => !c.ok);
  const first = failing[0];
  switch (result.state) {
    case 'revoked':
      return { kind: 'revoked', code: 'REVOKED' };
    case 'suspended':
      return { kind: 'suspended', code: 'SUSPENDED' };
    case 'expired':
      return { kind: 'expired', code: 'EXPIRED' };
    case 'imported':
      // Used up (issue 9): final. A confirmation that is not genuine or above the export refuses it as any defect does.
      return first ? { kind: 'invalid', code: first.code } : { kind: 'imported' };
    case 'used':
      // "used" reads as valid at import (defect 13), so only a clean use gets it. Anything wrong
      // with the use (more exported than allowed) refuses it, at export (not again) as at import.
      return first ? { kind: 'invalid', code: first.code } : { kind: 'used' };
    case 'valid': {
      const statusChecked = result.checks.some((c) => c.check === 'status' && c.ok);
      if (result.verified && failing.length === 0 && statusChecked) return { kind: 'valid' };
      break;
    }
    default:
      break;
  }
  // Not valid, and nothing failed that says why: the status was not established.
  if (first === undefined) return { kind: 'status-unchecked' };
  return { kind: verdictForCode(first.code), code: first.code };
}

/** The verdict for input the page could not turn into a signed permit (a QR_* code from the codec, or a reference that failed). */
export function inputVerdict(code: string): Verdict {
  return { kind: verdictForCode(code), code };
}
