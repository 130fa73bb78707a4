import type { Migration } from './migration';

/**
 * The first schema (DESIGN.md section 2). Conventions: instants are UTC epoch
 * milliseconds in INTEGER columns named *_at; phone numbers are E.164 text;
 * flags are 0/1 integers; every table is STRICT so a wrong type is an error.
 */
/** E.164: a plus, a non-zero digit, then digits only; at most 15 digits in all. */
const isE164 = (column: string) =>
  `(${column} GLOB '+[1-9]*' AND substr(${column}, 2) NOT GLOB '*[^0-9]*' AND length(${column}) BETWEEN 8 AND 16)`;

const statements = [
  `CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT`,

  `CREATE TABLE clients (
    id INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    mobile TEXT CHECK (mobile IS NULL OR ${isE164('mobile')}),
    email TEXT,
    language TEXT NOT NULL DEFAULT 'it' CHECK (language IN ('it', 'en')),
    notes TEXT NOT NULL DEFAULT '',
    sms_opt_out INTEGER NOT NULL DEFAULT 0 CHECK (sms_opt_out IN (0, 1)),
    archived_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    erased_at INTEGER
  ) STRICT`,
  `CREATE INDEX clients_by_name ON clients (last_name COLLATE NOCASE, first_name COLLATE NOCASE)`,
  `CREATE INDEX clients_by_mobile ON clients (mobile)`,

  `CREATE TABLE staff (
    id INTEGER PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL DEFAULT 'other'
      CHECK (role IN ('dentist', 'hygienist', 'lawyer', 'assistant', 'other')),
    color TEXT NOT NULL DEFAULT '#228be6',
    working_hours TEXT NOT NULL DEFAULT '[]',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT`,

  `CREATE TABLE rooms (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    color TEXT NOT NULL DEFAULT '#868e96',
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    sort_order INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT`,

  `CREATE TABLE appointments (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    staff_id INTEGER REFERENCES staff (id) ON DELETE SET NULL,
    room_id INTEGER REFERENCES rooms (id) ON DELETE SET NULL,
    start_at INTEGER NOT NULL,
    end_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'booked'
      CHECK (status IN ('booked', 'confirmed', 'cancel_requested', 'cancelled', 'done', 'no_show')),
    series_id TEXT,
    notes TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    -- At most a day long: range queries rely on it to bound their index scans.
    CHECK (end_at > start_at AND end_at - start_at <= 86400000)
  ) STRICT`,
  `CREATE INDEX appointments_by_start ON appointments (start_at)`,
  `CREATE INDEX appointments_by_client ON appointments (client_id, start_at)`,
  `CREATE INDEX appointments_by_staff ON appointments (staff_id, start_at)`,
  `CREATE INDEX appointments_by_room ON appointments (room_id, start_at)`,
  `CREATE INDEX appointments_by_series ON appointments (series_id) WHERE series_id IS NOT NULL`,

  `CREATE TABLE reminder_rules (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    offset_minutes INTEGER NOT NULL CHECK (offset_minutes > 0),
    template_it TEXT NOT NULL,
    template_en TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    staff_ids TEXT,
    room_ids TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  ) STRICT`,

  `CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    client_id INTEGER REFERENCES clients (id) ON DELETE SET NULL,
    appointment_id INTEGER REFERENCES appointments (id) ON DELETE SET NULL,
    rule_id INTEGER REFERENCES reminder_rules (id) ON DELETE SET NULL,
    appointment_start_at INTEGER,
    kind TEXT NOT NULL CHECK (kind IN ('reminder', 'reply_ack', 'manual')),
    to_phone TEXT NOT NULL CHECK ${isE164('to_phone')},
    body TEXT NOT NULL,
    encoding TEXT NOT NULL CHECK (encoding IN ('gsm7', 'ucs2')),
    segments INTEGER NOT NULL CHECK (segments >= 1),
    state TEXT NOT NULL DEFAULT 'queued'
      CHECK (state IN ('queued', 'sending', 'submitted', 'delivered', 'failed', 'expired', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    due_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    transport TEXT,
    transport_ref TEXT,
    error TEXT,
    outcome_uncertain INTEGER NOT NULL DEFAULT 0 CHECK (outcome_uncertain IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    submitted_at INTEGER,
    delivered_at INTEGER
  ) STRICT`,
  // Planning is idempotent: one reminder per (appointment, rule, start it was planned for).
  `CREATE UNIQUE INDEX messages_plan_key ON messages (appointment_id, rule_id, appointment_start_at)
    WHERE appointment_id IS NOT NULL AND rule_id IS NOT NULL`,
  `CREATE INDEX messages_due ON messages (state, next_attempt_at)`,
  `CREATE INDEX messages_by_transport_ref ON messages (transport, transport_ref) WHERE transport_ref IS NOT NULL`,
  `CREATE INDEX messages_by_client ON messages (client_id, created_at)`,

  `CREATE TABLE message_events (
    id INTEGER PRIMARY KEY,
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    at INTEGER NOT NULL,
    from_state TEXT,
    to_state TEXT NOT NULL,
    detail TEXT
  ) STRICT`,
  `CREATE INDEX message_events_by_message ON message_events (message_id, at)`,

  `CREATE TABLE inbound_messages (
    id INTEGER PRIMARY KEY,
    from_phone TEXT NOT NULL,
    body TEXT NOT NULL,
    received_at INTEGER NOT NULL,
    transport TEXT NOT NULL,
    transport_ref TEXT,
    client_id INTEGER REFERENCES clients (id) ON DELETE SET NULL,
    appointment_id INTEGER REFERENCES appointments (id) ON DELETE SET NULL,
    interpretation TEXT NOT NULL DEFAULT 'other'
      CHECK (interpretation IN ('confirm', 'cancel', 'opt_out', 'other')),
    handled_at INTEGER
  ) STRICT`,
  `CREATE INDEX inbound_by_client ON inbound_messages (client_id, received_at)`,

  `CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
    purpose TEXT NOT NULL CHECK (purpose IN ('reminders', 'recall', 'marketing')),
    granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
    method TEXT NOT NULL CHECK (method IN ('paper', 'verbal', 'sms_keyword', 'email', 'import')),
    recorded_by TEXT NOT NULL,
    notice_version TEXT,
    recorded_at INTEGER NOT NULL,
    evidence_path TEXT
  ) STRICT`,
  `CREATE INDEX consents_by_client ON consents (client_id, purpose, recorded_at)`,

  `CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT,
    entity_id INTEGER,
    detail TEXT
  ) STRICT`,

  // The consent ledger and the audit log are append-only, enforced by the store itself.
  ...['consents', 'audit_log'].flatMap((table) => [
    `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
  ]),
];

export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  async up(tx) {
    for (const sql of statements) await tx.run(sql);
  },
};
