import type { Migration } from './migration';

/**
 * What the reminder engine needs beyond the first schema: one row per SMS part
 * (a delivery report names a part, and a long message is delivered only when all
 * its parts are), the indexes behind the message and inbox lists, and a trigger
 * that cancels an appointment's pending reminders when the appointment is deleted
 * (the foreign key would otherwise just unlink them, leaving them queued). The
 * trigger stamps the database's own time: it runs outside the core's clock.
 */
const statements = [
  // Set when staff cancel a message by hand: the planner never queues it again on its own.
  `ALTER TABLE messages ADD COLUMN held_by_staff INTEGER NOT NULL DEFAULT 0 CHECK (held_by_staff IN (0, 1))`,
  // Set when staff press "Send now": the message goes even in quiet hours or close to the appointment.
  `ALTER TABLE messages ADD COLUMN forced INTEGER NOT NULL DEFAULT 0 CHECK (forced IN (0, 1))`,
  `CREATE TABLE message_parts (
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    part INTEGER NOT NULL CHECK (part >= 1),
    transport TEXT NOT NULL,
    reference TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'submitted' CHECK (state IN ('submitted', 'delivered', 'failed', 'expired', 'unknown')),
    detail TEXT,
    reported_at INTEGER,
    PRIMARY KEY (message_id, part)
  ) STRICT`,
  `CREATE INDEX message_parts_by_reference ON message_parts (transport, reference)`,
  `CREATE INDEX messages_by_due ON messages (due_at)`,
  `CREATE INDEX inbound_by_received ON inbound_messages (received_at)`,
  `CREATE INDEX inbound_unhandled ON inbound_messages (received_at) WHERE handled_at IS NULL`,
  `CREATE TRIGGER appointments_delete_cancels_reminders BEFORE DELETE ON appointments
    BEGIN
      INSERT INTO message_events (message_id, at, from_state, to_state, detail)
        SELECT id, CAST(unixepoch('subsec') * 1000 AS INTEGER), 'queued', 'cancelled', 'the appointment was deleted'
          FROM messages WHERE appointment_id = old.id AND state = 'queued';
      UPDATE messages SET state = 'cancelled', error = 'the appointment was deleted',
             updated_at = CAST(unixepoch('subsec') * 1000 AS INTEGER)
       WHERE appointment_id = old.id AND state = 'queued';
    END`,
];

export const reminderEngine: Migration = {
  version: 3,
  name: 'reminder engine',
  async up(tx) {
    for (const sql of statements) await tx.run(sql);
  },
};
