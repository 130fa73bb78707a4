import type { Migration } from './migration';

/**
 * The privacy panel's store: a legal hold per client (a date until which the
 * office must keep the record, and why), and the one sanctioned way out of the
 * append-only audit log. The audit log still refuses UPDATE and DELETE, except
 * while the retention job holds the gate open inside its own transaction; the
 * gate is a row, so it is as transactional as the delete it allows.
 */
const statements = [
  `ALTER TABLE clients ADD COLUMN hold_until TEXT CHECK (hold_until IS NULL OR hold_until GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`,
  `ALTER TABLE clients ADD COLUMN hold_reason TEXT`,
  `CREATE TABLE retention_gate (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    open INTEGER NOT NULL DEFAULT 0 CHECK (open IN (0, 1))
  ) STRICT`,
  `INSERT INTO retention_gate (id, open) VALUES (1, 0)`,
  `DROP TRIGGER audit_log_no_delete`,
  `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    WHEN (SELECT open FROM retention_gate WHERE id = 1) = 0
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
  `CREATE INDEX audit_log_by_at ON audit_log (at)`,
  `CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, at)`,
];

export const privacy: Migration = {
  version: 4,
  name: 'privacy',
  async up(tx) {
    for (const sql of statements) await tx.run(sql);
  },
};
