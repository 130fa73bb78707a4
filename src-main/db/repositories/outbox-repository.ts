import type { Database } from '../database';

export interface ClaimedMessage {
  id: number;
  toPhone: string;
  body: string;
  attempts: number;
}

export type SendResult =
  | { id: number; ok: true; references: string[] }
  | { id: number; ok: false; retryable: boolean; reason: string; nextAttemptAt: number };

/**
 * The outbox's state changes, in batches: one transaction claims many due messages,
 * one records many outcomes, each with its message_events rows. Rows travel as one
 * JSON parameter (json_each), so a batch costs a few statements, not a few per message.
 */
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /** Moves up to `limit` due queued messages to `sending` (attempt + 1) and returns them. */
  claim(now: number, limit: number, transport: string): Promise<ClaimedMessage[]> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.all<{ id: number; to_phone: string; body: string; attempts: number }>(
        `SELECT id, to_phone, body, attempts FROM messages
          WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`,
        [now, limit],
      );
      if (rows.length === 0) return [];
      const ids = JSON.stringify(rows.map((row) => row.id));
      await tx.run(
        `UPDATE messages SET state = 'sending', attempts = attempts + 1, transport = ?, updated_at = ?
          WHERE id IN (SELECT value FROM json_each(?))`,
        [transport, now, ids],
      );
      await tx.run(
        `INSERT INTO message_events (message_id, at, from_state, to_state)
         SELECT value, ?, 'queued', 'sending' FROM json_each(?)`,
        [now, ids],
      );
      return rows.map((row) => ({ id: row.id, toPhone: row.to_phone, body: row.body, attempts: row.attempts + 1 }));
    });
  }

  /** Submitted, back to queued (retryable, with its next attempt time) or failed, for many messages at once. */
  record(results: readonly SendResult[], now: number): Promise<void> {
    const submitted = results.filter((r) => r.ok).map((r) => ({ id: r.id, ref: r.references.join(' ') }));
    const unsent = results.flatMap((r) =>
      r.ok ? [] : [{ id: r.id, to: r.retryable ? 'queued' : 'failed', reason: r.reason, next: r.nextAttemptAt }],
    );
    return this.db.transaction(async (tx) => {
      if (submitted.length > 0) {
        const rows = JSON.stringify(submitted);
        await tx.run(
          `UPDATE messages SET state = 'submitted', transport_ref = j.value ->> '$.ref', error = NULL,
                  submitted_at = ?, updated_at = ?
             FROM json_each(?) AS j WHERE messages.id = j.value ->> '$.id'`,
          [now, now, rows],
        );
        await tx.run(
          `INSERT INTO message_events (message_id, at, from_state, to_state)
           SELECT value ->> '$.id', ?, 'sending', 'submitted' FROM json_each(?)`,
          [now, rows],
        );
      }
      if (unsent.length > 0) {
        const rows = JSON.stringify(unsent);
        await tx.run(
          `UPDATE messages SET state = j.value ->> '$.to', error = j.value ->> '$.reason',
                  next_attempt_at = j.value ->> '$.next', updated_at = ?
             FROM json_each(?) AS j WHERE messages.id = j.value ->> '$.id'`,
          [now, rows],
        );
        await tx.run(
          `INSERT INTO message_events (message_id, at, from_state, to_state, detail)
           SELECT value ->> '$.id', ?, 'sending', value ->> '$.to', value ->> '$.reason' FROM json_each(?)`,
          [now, rows],
        );
      }
    });
  }
}
