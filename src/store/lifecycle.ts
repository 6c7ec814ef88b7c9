/**
 * A permit's life after issue, in SQLite: its state (valid, revoked, suspended), every
 * change with who, when and why (permit_event, append-only), and its one customs
 * endorsement (the primary key on permit_number makes a second one impossible: Art. VI(5)).
 */
import type { Queryable } from './sqlite.js';

export type PermitStateName = 'valid' | 'revoked' | 'suspended';
export type PermitAction = 'issue' | 'revoke' | 'suspend' | 'reinstate' | 'endorse';

export interface PermitLifeRow {
  permitNumber: string;
  credentialId: string;
  documentType: string;
  validUntil: string;
  issuedAt: string;
  state: PermitStateName;
  revocationReason: string | null;
  revokedAt: string | null;
  replacedBy: string | null;
  endorsed: boolean;
}

export interface PermitEvent {
  action: PermitAction;
  reason: string | null;
  actor: string;
  at: string;
}

export interface EndorsementRow {
  permitNumber: string;
  credentialId: string;
  jwt: string;
  officer: string;
  subject: unknown;
  createdAt: string;
}

type LifeRaw = {
  permit_number: string;
  credential_id: string;
  document_type: string;
  valid_until: string;
  issued_at: string;
  state: PermitStateName;
  revocation_reason: string | null;
  revoked_at: string | null;
  replaced_by: string | null;
  endorsed: number;
};

export class LifecycleStore {
  constructor(private readonly q: Queryable) {}

  async life(by: { permitNumber: string } | { credentialId: string }): Promise<PermitLifeRow | undefined> {
    const [column, value] = 'permitNumber' in by ? ['permit_number', by.permitNumber] : ['credential_id', by.credentialId];
    const raw = await this.q.get<LifeRaw>(
      `SELECT p.permit_number, p.credential_id, p.document_type, p.valid_until, p.issued_at, p.state, p.revocation_reason,
              p.revoked_at, p.replaced_by, EXISTS (SELECT 1 FROM endorsement e WHERE e.permit_number = p.permit_number) AS endorsed
         FROM permit p WHERE p.${column} = ?`,
      [value],
    );
    if (!raw) return undefined;
    return {
      permitNumber: raw.permit_number,
      credentialId: raw.credential_id,
      documentType: raw.document_type,
      validUntil: raw.valid_until,
      issuedAt: raw.issued_at,
      state: raw.state,
      revocationReason: raw.revocation_reason,
      revokedAt: raw.revoked_at,
      replacedBy: raw.replaced_by,
      endorsed: raw.endorsed === 1,
    };
  }

  async setState(permitNumber: string, state: PermitStateName, extra: { reason?: string; at?: string; replacedBy?: string } = {}): Promise<void> {
    if (state === 'revoked') {
      await this.q.run('UPDATE permit SET state = ?, revocation_reason = ?, revoked_at = ?, replaced_by = ? WHERE permit_number = ?', [
        state,
        extra.reason ?? null,
        extra.at ?? null,
        extra.replacedBy ?? null,
        permitNumber,
      ]);
    } else {
      await this.q.run('UPDATE permit SET state = ? WHERE permit_number = ?', [state, permitNumber]);
    }
  }

  async addEvent(permitNumber: string, event: PermitEvent & { actorToken?: string }): Promise<void> {
    await this.q.run('INSERT INTO permit_event (permit_number, action, reason, actor, actor_token, at) VALUES (?, ?, ?, ?, ?, ?)', [
      permitNumber,
      event.action,
      event.reason,
      event.actor,
      event.actorToken ?? null,
      event.at,
    ]);
  }

  async events(permitNumber: string): Promise<PermitEvent[]> {
    return this.q.all<PermitEvent & Record<string, unknown>>(
      'SELECT action, reason, actor, at FROM permit_event WHERE permit_number = ? ORDER BY id',
      [permitNumber],
    );
  }

  async insertEndorsement(row: Omit<EndorsementRow, 'subject'> & { subject: unknown; actorToken?: string }): Promise<void> {
    await this.q.run(
      'INSERT INTO endorsement (permit_number, credential_id, jwt, officer, actor_token, subject_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [row.permitNumber, row.credentialId, row.jwt, row.officer, row.actorToken ?? null, JSON.stringify(row.subject), row.createdAt],
    );
  }

  async endorsements(permitNumber: string): Promise<EndorsementRow[]> {
    const rows = await this.q.all<{ permit_number: string; credential_id: string; jwt: string; officer: string; subject_json: string; created_at: string }>(
      'SELECT * FROM endorsement WHERE permit_number = ?',
      [permitNumber],
    );
    return rows.map((r) => ({
      permitNumber: r.permit_number,
      credentialId: r.credential_id,
      jwt: r.jwt,
      officer: r.officer,
      subject: JSON.parse(r.subject_json) as unknown,
      createdAt: r.created_at,
    }));
  }
}

/** What a permit's life looks like from outside a transaction (committed reads only). */
export type LifecycleReads = Pick<LifecycleStore, 'life' | 'events' | 'endorsements'>;
