/**
 * Saiga's own tables, beside Veramo's. Each migration runs once, in order, inside a
 * transaction; the applied versions are recorded in saiga_migration. Never edit a
 * migration that has shipped: add a new one.
 */
import type { Queryable, SqliteDatabase } from './sqlite.js';

/**
 * What a code step needs from outside the store, given by the wiring (src/agent/wiring/): the
 * store holds no key and imports no service folder (test/architecture/import-graph.test.ts).
 */
export interface MigrationContext {
  /**
   * Migration 17: seals a clear TOTP secret for its user (src/auth/totp-at-rest.ts). Asked for only
   * when a clear secret is there, so a database without one migrates without the secret key.
   */
  sealTotpSecret?: (tx: Queryable) => Promise<{ seal(userId: string, secret: string): string }>;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** A step SQL cannot do, run after `sql` in the same transaction: all of it or nothing is written. */
  run?: (tx: Queryable, context: MigrationContext) => Promise<void>;
}

/** A code step that cannot run without what the wiring did not give (the CLI shows its code). */
export class MigrationError extends Error {
  readonly code = 'SECRET_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'permits, counters and API tokens',
    sql: `
      CREATE TABLE permit (
        permit_number    TEXT PRIMARY KEY,
        credential_id    TEXT NOT NULL UNIQUE,
        document_type    TEXT NOT NULL,
        issuer_did       TEXT NOT NULL,
        exporter_country TEXT NOT NULL,
        importer_country TEXT NOT NULL,
        issued_at        TEXT NOT NULL,
        valid_until      TEXT NOT NULL,
        signatory        TEXT NOT NULL,
        issued_by_token  TEXT,
        subject_json     TEXT NOT NULL,
        jwt              TEXT NOT NULL
      );
      CREATE INDEX permit_issued_at ON permit (issued_at);
      CREATE INDEX permit_document_type ON permit (document_type, issued_at);
      CREATE TABLE permit_counter (
        scope      TEXT PRIMARY KEY,
        last_value INTEGER NOT NULL
      );
      CREATE TABLE api_token (
        id         TEXT PRIMARY KEY,
        hash       TEXT NOT NULL UNIQUE,
        role       TEXT NOT NULL,
        name       TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );`,
  },
  {
    version: 2,
    name: 'status lists, status changes, customs endorsements',
    sql: `
      CREATE TABLE status_list (
        id         INTEGER PRIMARY KEY,
        purpose    TEXT NOT NULL,
        seq        INTEGER NOT NULL,
        length     INTEGER NOT NULL,
        allocated  INTEGER NOT NULL DEFAULT 0,
        bits       BLOB NOT NULL,
        jwt        TEXT NOT NULL,
        version    INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL,
        UNIQUE (purpose, seq)
      );
      CREATE TABLE status_entry (
        list_id       INTEGER NOT NULL REFERENCES status_list (id),
        idx           INTEGER NOT NULL,
        -- Deferred: the index is drawn before the permit row exists (the credential names it).
        permit_number TEXT NOT NULL REFERENCES permit (permit_number) DEFERRABLE INITIALLY DEFERRED,
        PRIMARY KEY (list_id, idx)
      );
      CREATE INDEX status_entry_permit ON status_entry (permit_number);
      ALTER TABLE permit ADD COLUMN state TEXT NOT NULL DEFAULT 'valid';
      ALTER TABLE permit ADD COLUMN revocation_reason TEXT;
      ALTER TABLE permit ADD COLUMN revoked_at TEXT;
      ALTER TABLE permit ADD COLUMN replaced_by TEXT;
      CREATE TABLE permit_event (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        permit_number TEXT NOT NULL REFERENCES permit (permit_number),
        action        TEXT NOT NULL,
        reason        TEXT,
        actor         TEXT NOT NULL,
        actor_token   TEXT,
        at            TEXT NOT NULL
      );
      CREATE INDEX permit_event_permit ON permit_event (permit_number, id);
      CREATE TABLE endorsement (
        permit_number  TEXT PRIMARY KEY REFERENCES permit (permit_number),
        credential_id  TEXT NOT NULL UNIQUE,
        jwt            TEXT NOT NULL,
        officer        TEXT NOT NULL,
        actor_token    TEXT,
        subject_json   TEXT NOT NULL,
        created_at     TEXT NOT NULL
      )`,
  },
  {
    version: 3,
    name: 'API token expiry',
    // api_token had revoked_at from version 1; a NULL expiry means "does not expire", so existing tokens keep working.
    sql: `ALTER TABLE api_token ADD COLUMN expires_at TEXT`,
  },
  {
    version: 4,
    name: 'exchange: outbox and inbox',
    // The outbox row is written in the transaction of the event that causes it (docs/exchange.md):
    // it exists exactly when the event committed. Bodies are packed at send time, so a retry
    // uses the peer's current keys; the id stays the same, so the peer applies it once.
    sql: `
      CREATE TABLE exchange_outbox (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        id              TEXT NOT NULL UNIQUE,
        recipient_did   TEXT NOT NULL,
        type            TEXT NOT NULL,
        -- The permit credential id the message concerns: messages about one permit go in order.
        subject         TEXT NOT NULL,
        body_json       TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        expires_at      TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed', 'undeliverable')),
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_code       TEXT,
        last_error      TEXT,
        delivered_at    TEXT
      );
      CREATE INDEX exchange_outbox_due ON exchange_outbox (state, next_attempt_at);
      CREATE INDEX exchange_outbox_order ON exchange_outbox (recipient_did, subject, seq);
      CREATE TABLE exchange_inbox (
        sender_did  TEXT NOT NULL,
        message_id  TEXT NOT NULL,
        type        TEXT NOT NULL,
        subject     TEXT,
        -- SHA-256 of the decrypted message: the same id with another content is refused, not applied.
        digest      TEXT NOT NULL,
        received_at TEXT NOT NULL,
        ack_json    TEXT NOT NULL,
        PRIMARY KEY (sender_did, message_id)
      )`,
  },
  {
    version: 5,
    name: 'exchange: permits received from other authorities, import confirmations',
    sql: `
      CREATE TABLE incoming_permit (
        credential_id     TEXT PRIMARY KEY,
        issuer_did        TEXT NOT NULL,
        permit_number     TEXT NOT NULL,
        document_type     TEXT NOT NULL,
        exporter_country  TEXT NOT NULL,
        importer_country  TEXT NOT NULL,
        -- Why it is here: 'import' (this country imports: an expected arrival), 'import-permit'
        -- (an import permit for an export this authority may issue, Art. III(3)), 'origin'
        -- (a re-export of specimens that left this country).
        relation          TEXT NOT NULL CHECK (relation IN ('import', 'import-permit', 'origin')),
        valid_until       TEXT NOT NULL,
        subject_json      TEXT NOT NULL,
        jwt               TEXT NOT NULL,
        -- As the issuer notified it (status-changed).
        status            TEXT NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked', 'suspended')),
        status_reason     TEXT,
        replaced_by       TEXT,
        status_changed_at TEXT,
        status_notified_at TEXT,
        endorsement_jwt   TEXT,
        endorsement_json  TEXT,
        endorsed_at       TEXT,
        received_at       TEXT NOT NULL,
        UNIQUE (issuer_did, permit_number)
      );
      CREATE INDEX incoming_permit_relation ON incoming_permit (relation, received_at);
      CREATE TABLE import_confirmation (
        -- Art. VI(5): a permit is used once, so one confirmation per permit.
        permit_credential_id TEXT PRIMARY KEY,
        credential_id        TEXT NOT NULL UNIQUE,
        permit_issuer_did    TEXT NOT NULL,
        permit_number        TEXT NOT NULL,
        -- 'made' here (this authority imports) or 'received' (for a permit issued here).
        direction            TEXT NOT NULL CHECK (direction IN ('made', 'received')),
        jwt                  TEXT NOT NULL,
        subject_json         TEXT NOT NULL,
        officer              TEXT,
        actor_token          TEXT,
        created_at           TEXT NOT NULL
      )`,
  },
  {
    version: 6,
    name: 'exchange: time of the last delivery attempt',
    // The operator view (saiga exchange status) shows when a message was last tried, beside
    // its attempts and the peer's last answer; a row that was never tried has none.
    sql: `ALTER TABLE exchange_outbox ADD COLUMN last_attempt_at TEXT`,
  },
  {
    version: 10,
    name: 'keys: signing-key states and key notices received',
    // Veramo keeps the keys (encrypted); Saiga keeps their history: when each was added and
    // revoked (issue 9 §6). A key with no row is one an identity had before version 10: active,
    // and older than every key added since. A row whose key is not (yet) one of the identity's
    // keys in Veramo is ignored (a rotation that stopped before didManagerAddKey).
    sql: `
      CREATE TABLE signing_key (
        -- The verification-method id (absolute DID URL) a JWT names in its kid.
        kid               TEXT PRIMARY KEY,
        did               TEXT NOT NULL,
        public_key_hex    TEXT NOT NULL UNIQUE,
        added_at          TEXT,
        revoked_at        TEXT,
        -- Anything signed with the key from this moment on is refused (KEY_COMPROMISED).
        compromised_since TEXT,
        CHECK (compromised_since IS NULL OR revoked_at IS NOT NULL)
      );
      CREATE INDEX signing_key_did ON signing_key (did, added_at);
      -- keyRevoked notices from peers (src/exchange/handlers/key-revoked.ts).
      CREATE TABLE key_notice (
        kid               TEXT PRIMARY KEY,
        did               TEXT NOT NULL,
        from_did          TEXT NOT NULL,
        revoked_at        TEXT NOT NULL,
        compromised_since TEXT,
        received_at       TEXT NOT NULL
      )`,
  },
  {
    version: 11,
    name: 'exchange: outbox indexes for a long queue',
    // With thousands of messages pending for a peer that was down, the delivery worker's reads
    // (OutboxStore.due, hasExpired, dueRecipients) must not scan rows that carry whole permits:
    // one index per read, each answering it alone (EXPLAIN QUERY PLAN in test/store/outbox-plans.test.ts).
    sql: `
      CREATE INDEX exchange_outbox_peer_queue ON exchange_outbox (recipient_did, state, seq);
      -- FIRST_OF_ITS_SUBJECT (exchange-outbox.ts) looks only at this permit's pending messages.
      CREATE INDEX exchange_outbox_subject_queue ON exchange_outbox (recipient_did, subject, state, seq);
      DROP INDEX exchange_outbox_order;
      CREATE INDEX exchange_outbox_expiry ON exchange_outbox (state, expires_at);
      CREATE INDEX exchange_outbox_due_peers ON exchange_outbox (state, recipient_did, next_attempt_at)`,
  },
  {
    version: 12,
    name: 'audit trail: hash-chained entries, signed checkpoints',
    // Issue 10 §3, Decision 18.125(e): who did what to each permit, kept 5 years after it
    // expires. Each entry holds the hash of the one before (src/store/audit-log.ts); a
    // checkpoint is the chain head signed by the authority's DID (src/audit/checkpoints.ts).
    // seq has no AUTOINCREMENT on purpose: it is the chain's order, taken from the head read
    // inside the write transaction.
    sql: `
      CREATE TABLE audit_entry (
        seq           INTEGER PRIMARY KEY,
        at            TEXT NOT NULL,
        actor_token   TEXT,
        actor_name    TEXT NOT NULL,
        action        TEXT NOT NULL,
        subject       TEXT,
        permit_number TEXT,
        before_hash   TEXT,
        after_hash    TEXT,
        details_json  TEXT NOT NULL,
        prev_hash     TEXT NOT NULL,
        hash          TEXT NOT NULL
      );
      CREATE INDEX audit_entry_permit ON audit_entry (permit_number, seq);
      CREATE INDEX audit_entry_at ON audit_entry (at);
      CREATE INDEX audit_entry_subject ON audit_entry (subject);
      CREATE TABLE audit_checkpoint (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        -- 'checkpoint': the head at seq. 'purge': entries up to seq were purged, and seq's hash was head_hash.
        kind       TEXT NOT NULL CHECK (kind IN ('checkpoint', 'purge')),
        seq        INTEGER NOT NULL,
        head_hash  TEXT NOT NULL,
        at         TEXT NOT NULL,
        jws        TEXT NOT NULL
      );
      CREATE INDEX audit_checkpoint_seq ON audit_checkpoint (seq);
      -- Checkpoints peers pushed to this agent (message type audit-checkpoint).
      CREATE TABLE audit_peer_checkpoint (
        from_did    TEXT NOT NULL,
        seq         INTEGER NOT NULL,
        head_hash   TEXT NOT NULL,
        at          TEXT NOT NULL,
        jws         TEXT NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (from_did, seq)
      )`,
  },
  {
    version: 13,
    name: 'reports: trade-date and issue-date indexes for the annual report',
    // The annual report (src/report, docs/annual-report.md) reads one year of trade: endorsements
    // and import confirmations by the date the shipment crossed the border (the trade year,
    // Res. Conf. 11.17). These indexes give the year's first and last row (src/store/report-source.ts),
    // between which the table is read in its own order; permits by date of issue use permit_issued_at.
    sql: `
      CREATE INDEX endorsement_trade_date ON endorsement (json_extract(subject_json, '$.date'));
      CREATE INDEX import_confirmation_trade_date ON import_confirmation (direction, json_extract(subject_json, '$.date'))`,
  },
  {
    version: 14,
    name: 'toolkit XML: lookup tokens used once',
    // Issue 10 §2, the EPIX-style lookup (src/toolkit-xml/lookup.ts): each peer's DIDJWT is
    // accepted once. Its (issuer, jti) is kept until the token could no longer be accepted anyway
    // (its exp plus the clock skew), so a restart does not open a window for replays.
    sql: `
      CREATE TABLE toolkit_lookup_token (
        issuer      TEXT NOT NULL,
        jti         TEXT NOT NULL,
        -- Milliseconds since the epoch after which the row may be deleted.
        forget_at   INTEGER NOT NULL,
        PRIMARY KEY (issuer, jti)
      );
      CREATE INDEX toolkit_lookup_token_forget ON toolkit_lookup_token (forget_at)`,
  },
  {
    version: 15,
    name: 'console sign-in: users and sessions',
    // Issue 11 §1. Only a password's scrypt hash (PHC-like string, src/auth/password.ts) and a
    // session id's SHA-256 are stored; username_key is the lower-cased username (unique without case).
    sql: `
      CREATE TABLE app_user (
        id              TEXT PRIMARY KEY,
        username        TEXT NOT NULL,
        username_key    TEXT NOT NULL UNIQUE,
        display_name    TEXT NOT NULL,
        role            TEXT NOT NULL,
        password_hash   TEXT NOT NULL,
        totp_secret     TEXT,
        totp_last_step  INTEGER,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until    TEXT,
        created_at      TEXT NOT NULL,
        disabled_at     TEXT
      );
      CREATE TABLE app_session (
        id_hash      TEXT PRIMARY KEY,
        user_id      TEXT NOT NULL REFERENCES app_user (id),
        csrf_token   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        ended_at     TEXT
      );
      CREATE INDEX app_session_user ON app_session (user_id)`,
  },
  {
    version: 16,
    name: 'console: permit request drafts',
    // Issue 11 §2 "Drafts are saved": a permit request as the officer left it, possibly
    // incomplete, so never checked against the permit rules. owner_id is the token id or
    // `user:<id>` of who saved it last, owner_name their name (box 13's signatory form).
    sql: `
      CREATE TABLE permit_draft (
        id           TEXT PRIMARY KEY,
        title        TEXT NOT NULL,
        request_json TEXT NOT NULL,
        owner_id     TEXT NOT NULL,
        owner_name   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX permit_draft_updated ON permit_draft (updated_at)`,
  },
  {
    version: 17,
    name: 'console: TOTP secrets encrypted at rest',
    // docs/console-sign-in.md "The TOTP secret at rest". SQL cannot encrypt, so this step is code:
    // every clear secret of migration 15 is sealed (AES-256-GCM, src/auth/totp-at-rest.ts) in this
    // migration's one transaction, so a failure (no key, a full disk) leaves every row as it was.
    // A value in the v1 format already is left as it is: sealing it twice would lock its user out.
    // secret_key_check: the HKDF key check of the agent secret key (src/agent/wiring/totp-box.ts), so
    // that a command given another key (a stale SAIGA_SECRET_KEY) refuses to seal with it.
    sql: `
      CREATE TABLE secret_key_check (
        purpose TEXT PRIMARY KEY,
        value   TEXT NOT NULL
      )`,
    run: async (tx, context) => {
      const rows = await tx.all<{ id: string; totp_secret: string }>('SELECT id, totp_secret FROM app_user WHERE totp_secret IS NOT NULL ORDER BY id');
      // A base32 secret (A–Z, 2–7) never starts with the format's lower-case "v1.".
      const clear = rows.filter((r) => !r.totp_secret.startsWith('v1.'));
      if (clear.length === 0) return;
      const box = await context.sealTotpSecret?.(tx);
      if (!box) throw new MigrationError('migration 17 needs the agent secret key to encrypt the TOTP secrets of console accounts');
      for (const row of clear) {
        await tx.run('UPDATE app_user SET totp_secret = ? WHERE id = ?', [box.seal(row.id, row.totp_secret), row.id]);
      }
    },
  },
  {
    version: 18,
    name: 'holder links: the permit shared with its holder',
    // Issue 12 §1 (src/holder, docs/holder-links.md): a link a trader opens to see and download
    // the permit. Only the token's SHA-256 is stored (like api_token): a copy of the database
    // opens no link. created_by / revoked_by are the officer's names (Decision 18.125(e)), their
    // token ids beside them; email is where the link was sent, when it was.
    sql: `
      CREATE TABLE holder_link (
        id               TEXT PRIMARY KEY,
        permit_number    TEXT NOT NULL REFERENCES permit (permit_number),
        credential_id    TEXT NOT NULL,
        token_hash       TEXT NOT NULL UNIQUE,
        created_at       TEXT NOT NULL,
        created_by       TEXT NOT NULL,
        created_by_token TEXT,
        expires_at       TEXT NOT NULL,
        revoked_at       TEXT,
        revoked_by       TEXT,
        revoked_by_token TEXT,
        email            TEXT
      );
      CREATE INDEX holder_link_permit ON holder_link (permit_number, created_at)`,
  },
  // Issue 12 §2 (docs/oid4vci.md): OpenID4VCI credential offers of permits, the access tokens
  // their pre-authorized codes were exchanged for, and the c_nonces handed out. Codes, tx_codes and
  // nonces are stored as SHA-256 only (a copy of the database redeems nothing). holder_link_id is
  // the holder link (migration 18) the offer was made for, if any: no foreign key, so this table
  // does not depend on that migration's order.
  {
    version: 19,
    name: 'OpenID4VCI offers, access tokens and nonces',
    sql: `
      CREATE TABLE oid4vci_offer (
        id               TEXT PRIMARY KEY,
        permit_number    TEXT NOT NULL REFERENCES permit (permit_number),
        code_hash        TEXT NOT NULL UNIQUE,
        tx_code_hash     TEXT NOT NULL,
        holder_link_id   TEXT,
        created_at       TEXT NOT NULL,
        expires_at       TEXT NOT NULL,
        used_at          TEXT,
        failed_attempts  INTEGER NOT NULL DEFAULT 0,
        created_by       TEXT NOT NULL,
        created_by_token TEXT
      );
      CREATE INDEX oid4vci_offer_permit ON oid4vci_offer (permit_number);
      CREATE TABLE oid4vci_access_token (
        jti         TEXT PRIMARY KEY,
        offer_id    TEXT NOT NULL REFERENCES oid4vci_offer (id),
        issued_at   TEXT NOT NULL,
        expires_at  TEXT NOT NULL,
        redeemed_at TEXT
      );
      CREATE TABLE oid4vci_nonce (
        nonce_hash TEXT PRIMARY KEY,
        expires_at TEXT NOT NULL,
        used_at    TEXT
      )`,
  },
  // The holder page looks up the live offer of its link at every open (src/store/oid4vci.ts,
  // by holder_link_id and expires_at), which migration 19 left unindexed: each open of a holder
  // page scanned every offer the authority ever made.
  {
    version: 20,
    name: 'Index of OpenID4VCI offers by holder link',
    sql: `CREATE INDEX oid4vci_offer_holder_link ON oid4vci_offer (holder_link_id, expires_at)`,
  },
  // The verifier page's cross-device presentation requests (src/presentation-relay, docs/oid4vp.md
  // "Cross-device"): the request the wallet scans, the SHA-256 of the page's read token, and the
  // wallet's direct_post answer, written once. Rows live for the request's lifetime: expired ones
  // are deleted as new ones are made, so a wallet's presentation is kept no longer than that.
  {
    version: 21,
    name: 'Cross-device presentation requests (OpenID4VP direct_post relay)',
    sql: `
      CREATE TABLE presentation_request (
        id                    TEXT PRIMARY KEY,
        read_token_hash       TEXT NOT NULL,
        state                 TEXT NOT NULL,
        nonce                 TEXT NOT NULL,
        authorization_request TEXT NOT NULL,
        created_at            TEXT NOT NULL,
        expires_at            TEXT NOT NULL,
        responded_at          TEXT,
        response              TEXT
      );
      CREATE INDEX presentation_request_expiry ON presentation_request (expires_at)`,
  },
];

export async function migrate(db: SqliteDatabase, context: MigrationContext = {}): Promise<void> {
  // Read-only commands (src/agent/wiring/open-readonly.ts) call this at every start: a current
  // database is only read, with no write lock taken (developers' rule: a read-only command opens
  // nothing it does not need). A database that is behind is migrated as before, each step
  // re-checked inside its own transaction, so two processes starting together stay safe.
  if (await isCurrent(db)) return;
  await db.exec('CREATE TABLE IF NOT EXISTS saiga_migration (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  for (const migration of MIGRATIONS) {
    await db.transaction(async (tx) => {
      const done = await tx.get('SELECT version FROM saiga_migration WHERE version = ?', [migration.version]);
      if (done) return;
      for (const statement of migration.sql.split(';').map((s) => s.trim()).filter(Boolean)) await tx.run(statement);
      await migration.run?.(tx, context);
      await tx.run('INSERT INTO saiga_migration (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
    });
  }
}

/** Whether every migration is recorded as applied: two reads, no write. */
async function isCurrent(db: SqliteDatabase): Promise<boolean> {
  const table = await db.get("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'saiga_migration'");
  if (!table) return false;
  const applied = new Set((await db.all<{ version: number }>('SELECT version FROM saiga_migration')).map((row) => row.version));
  return MIGRATIONS.every((migration) => applied.has(migration.version));
}
