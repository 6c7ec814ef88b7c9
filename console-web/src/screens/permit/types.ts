/**
 * The API's answers the officer's screens read (src/store/stored-permit-view.ts,
 * src/lifecycle/permit-lifecycle.ts PermitStatusView). Types only: nothing is copied.
 */
import type { Permit } from '../../../../src/permit/model.js';
import type { Endorsement } from '../../../../src/vocab/endorsement.js';
import type { ImportConfirmation } from '../../../../src/vocab/import-confirmation.js';

export type ListState = 'valid' | 'used' | 'expired' | 'revoked' | 'suspended';

export interface StoredPermit {
  permitNumber: string;
  id: string;
  documentType: Permit['documentType'];
  issuer: string;
  issuedAt: string;
  validUntil: string;
  state: ListState;
  signatory: string;
  permit: Permit;
  jwt: string;
}

export interface PermitPage {
  items: StoredPermit[];
  total: number;
  limit: number;
  offset: number;
}

export interface PermitEvent {
  action: 'issue' | 'revoke' | 'suspend' | 'reinstate' | 'endorse';
  reason: string | null;
  actor: string;
  at: string;
}

export interface PermitStatus {
  permitNumber: string;
  state: 'valid' | 'revoked' | 'suspended';
  revocation?: { reason: string; date: string };
  replacedBy?: string;
  validUntil: string;
  endorsement: { id: string; jwt: string; endorsement: Endorsement; officer: string; at: string } | null;
  importConfirmation?: { id: string; jwt: string; confirmation: ImportConfirmation; at: string };
  history: PermitEvent[];
}
