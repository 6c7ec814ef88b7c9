/**
 * The one verdict a person sees first, from the verification result: its state, whether
 * it verified, and the code of the first failing check. Pure: no DOM, no network.
 *
 * "valid" is given only when everything was checked and passed, including the status:
 * a status that could not be checked is never shown as valid (peer-systems §0 point 8).
 */
import type { VerificationResult } from '../../src/verify/index.js';

export const VERDICTS = ['valid', 'used', 'revoked', 'suspended', 'expired', 'untrusted', 'tampered', 'not-a-permit', 'status-unchecked', 'invalid'] as const;
export type VerdictKind = (typeof VERDICTS)[number];

export interface Verdict {
  kind: VerdictKind;
  /** The code that decided it (the first failing check's code, or the state's code); none for valid. */
  code?: string;
}

/** Whether the verdict lets the goods through (only "valid" does); used for the colour and icon. */
export const TONE: Record<VerdictKind, 'good' | 'bad' | 'warn' | 'info'> = {
  valid: 'good',
  used: 'info',
  revoked: 'bad',
  suspended: 'bad',
  expired: 'bad',
  untrusted: 'bad',
  tampered: 'bad',
  'not-a-permit': 'warn',
  'status-unchecked': 'warn',
  invalid: 'bad',
};

/** A text icon per verdict, so that meaning never rests on colour alone (it is aria-hidden; the headline says it in words). */
export const ICON: Record<VerdictKind, string> = {
  valid: '✔',
  used: '⊘',
  revoked: '✖',
  suspended: '‖',
  expired: '⌛',
  untrusted: '⚠',
  tampered: '✖',
  'not-a-permit': '?',
  'status-unchecked': '⚠',
  invalid: '✖',
};

/** The verdict for a failing code when the state does not decide it. */
export function verdictForCode(code: string): VerdictKind {
  // A referenced permit that could not be fetched from its issuer: nothing is known against it, nothing for it.
  if (code === 'QR_REFERENCE_UNAVAILABLE') return 'status-unchecked';
  if (code === 'MALFORMED' || code === 'NOT_A_PERMIT' || code.startsWith('QR_')) return 'not-a-permit';
  if (code === 'SIGNATURE_INVALID') return 'tampered';
  if (code === 'ISSUER_UNTRUSTED') return 'untrusted';
  if (code === 'STATUS_UNAVAILABLE' || code === 'RECORD_UNAVAILABLE') return 'status-unchecked';
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
    case 'used':
      // Used is the truth whatever else is wrong (e.g. more exported than allowed): it must not be used again.
      return first ? { kind: 'used', code: first.code } : { kind: 'used' };
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

/** The verdict for input that is not a permit code at all (a QR_* code from the codec). */
export function inputVerdict(code: string): Verdict {
  return { kind: 'not-a-permit', code };
}
