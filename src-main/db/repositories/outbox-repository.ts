import type { DeliveryState } from '../../sms/transport';
import { messageReasons, reasonFormats } from '../../contract/message-reasons';
import type { Database } from '../database';
import type { SqlExecutor } from '../sqlite-connection';
import { CLIENT_REACHABLE_SQL } from './reminder-plan-repository';

export interface ClaimedMessage {
  id: number;
  toPhone: string;
  body: string;
  /** Including this one. */
  attempts: number;
}

export interface Claim {
  claimed: ClaimedMessage[];
  /** Due messages that must not go any more (opted out, appointment cancelled or too close): cancelled or expired. */
  closed: number[];
}

export interface ClaimOptions {
  /** False in quiet hours: only replies' acknowledgements and messages staff sent by hand may go. */
  reminders: boolean;
  /** A reminder is expired once the appointment is closer than this (unless staff pressed "Send now"). */
  minLeadMs: number;
}

export type SendResult =
  | { id: number; ok: true; references: string[] }
  | {
      id: number;
      ok: false;
      to: 'queued' | 'failed';
      reason: string;
      nextAttemptAt: number;
      /** The try never reached a channel (link down): it does not count against the message's tries. */
      uncounted?: boolean;
    };

interface CandidateRecord {
  id: number;
  to_phone: string;
  body: string;
  attempts: number;
  verdict: string | null;
}

/**
 * The last checks before a message goes, evaluated by the claim itself: the client
 * may have opted out, the appointment may have been cancelled, moved or deleted, or
 * be too close, since the message was planned. NULL means "send it".
 * Acknowledgements of a reply are exempt from opt-out: "you will get no more SMS" is the last one.
 * (The reasons are constants without quotes, so they can sit in the SQL text.)
 */
const VERDICT_SQL = `CASE
    WHEN m.kind != 'reply_ack' AND m.client_id IS NOT NULL AND NOT ${CLIENT_REACHABLE_SQL}
      THEN 'cancelled|${messageReasons.optedOut}'
    WHEN m.kind = 'reminder' AND a.id IS NULL THEN 'cancelled|${messageReasons.appointmentDeleted}'
    WHEN m.kind = 'reminder' AND a.status NOT IN ('booked', 'confirmed') THEN 'cancelled|${messageReasons.appointmentCancelledOrClosed}'
    WHEN m.kind = 'reminder' AND a.start_at != m.appointment_start_at THEN 'cancelled|${messageReasons.appointmentMoved}'
    WHEN m.kind = 'reminder' AND m.forced = 0 AND ?1 > a.start_at - ?2 THEN 'expired|${messageReasons.tooClose}'
    WHEN m.kind = 'reminder' AND ?1 >= a.start_at THEN 'expired|${messageReasons.appointmentStarted}'
  END`;

/**
 * The outbox's state changes, in batches: one transaction claims many due messages,
 * one records many outcomes, each with its message_events rows. Rows travel as one
 * JSON parameter (json_each), so a batch costs a few statements, not a few per message.
 */
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /**
   * Messages left in `sending` by a run that stopped (crash, power cut) may or may
   * not have reached the channel: they go back to the queue, flagged, so the log can
   * say "may have been sent twice". At-least-once, bounded by the in-flight window.
   */
  recoverInterrupted(now: number): Promise<number[]> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.all<{ id: number }>(`SELECT id FROM messages WHERE state = 'sending'`);
      if (rows.length === 0) return [];
      const ids = JSON.stringify(rows.map((row) => row.id));
      await tx.run(
        `UPDATE messages SET state = 'queued', outcome_uncertain = 1, next_attempt_at = ?, updated_at = ?
          WHERE id IN (SELECT value FROM json_each(?))`,
        [now, now, ids],
      );
      await tx.run(
        `INSERT INTO message_events (message_id, at, from_state, to_state, detail)
         SELECT value, ?, 'sending', 'queued', ? FROM json_each(?)`,
        [now, messageReasons.interrupted, ids],
      );
      return rows.map((row) => row.id);
    });
  }

  /** Moves up to `limit` due queued messages to `sending` (attempt + 1), closing on the way those that must not go. */
  claim(now: number, limit: number, transport: string, options: ClaimOptions): Promise<Claim> {
    return this.db.transaction((tx) => this.claimIn(tx, now, limit, transport, options));
  }

  private async claimIn(tx: SqlExecutor, now: number, limit: number, transport: string, options: ClaimOptions): Promise<Claim> {
    const rows = await tx.all<CandidateRecord>(
      `SELECT m.id, m.to_phone, m.body, m.attempts, ${VERDICT_SQL} AS verdict
         FROM messages m
         LEFT JOIN appointments a ON a.id = m.appointment_id
         LEFT JOIN clients c ON c.id = m.client_id
        WHERE m.state = 'queued' AND m.next_attempt_at <= ?1 ${options.reminders ? '' : `AND (m.kind != 'reminder' OR m.forced = 1)`}
        ORDER BY m.next_attempt_at, m.id LIMIT ?3`,
      [now, options.minLeadMs, limit],
    );
    const claimed = rows.filter((row) => row.verdict === null);
    const closed = rows.flatMap((row) => {
      if (row.verdict === null) return [];
      const [to = 'cancelled', reason = ''] = row.verdict.split('|');
      return [{ id: row.id, to, reason }];
    });
    if (claimed.length > 0) {
      const ids = JSON.stringify(claimed.map((row) => row.id));
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
    }
    if (closed.length > 0) await this.close(tx, closed, now);
    return {
      claimed: claimed.map((row) => ({ id: row.id, toPhone: row.to_phone, body: row.body, attempts: row.attempts + 1 })),
      closed: closed.map((row) => row.id),
    };
  }

  /**
   * While the channel is down nothing is claimed, so reminders that can no longer
   * be useful are expired here, to keep the queue and its count honest.
   */
  expireOverdue(now: number, minLeadMs: number): Promise<number[]> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.all<{ id: number }>(
        `SELECT m.id FROM messages m JOIN appointments a ON a.id = m.appointment_id
          WHERE m.state = 'queued' AND m.kind = 'reminder' AND m.next_attempt_at <= ?1
            AND (?1 >= a.start_at OR (m.forced = 0 AND ?1 > a.start_at - ?2))`,
        [now, minLeadMs],
      );
      await this.close(tx, rows.map((row) => ({ id: row.id, to: 'expired', reason: messageReasons.tooClose })), now);
      return rows.map((row) => row.id);
    });
  }

  private async close(tx: SqlExecutor, rows: { id: number; to: string; reason: string }[], now: number): Promise<void> {
    if (rows.length === 0) return;
    const json = JSON.stringify(rows);
    await tx.run(
      `UPDATE messages SET state = j.value ->> '$.to', error = j.value ->> '$.reason', updated_at = ?
         FROM json_each(?) AS j WHERE messages.id = j.value ->> '$.id' AND messages.state = 'queued'`,
      [now, json],
    );
    await tx.run(
      `INSERT INTO message_events (message_id, at, from_state, to_state, detail)
       SELECT value ->> '$.id', ?, 'queued', value ->> '$.to', value ->> '$.reason' FROM json_each(?)`,
      [now, json],
    );
  }

  /**
   * Submitted (with one part row per reference), back to queued with its next
   * attempt time, or failed. With `next`, the same transaction then claims what
   * may go in the room the recorded messages made: one commit per turn instead of two.
   */
  record(results: readonly SendResult[], now: number, transport: string, next?: { limit: number; options: ClaimOptions }): Promise<Claim> {
    const submitted = results.filter((r) => r.ok).map((r) => ({ id: r.id, ref: r.references.join(' '), refs: r.references }));
    const unsent = results.flatMap((r) =>
      r.ok ? [] : [{ id: r.id, to: r.to, reason: r.reason, next: r.nextAttemptAt, back: r.uncounted ? 1 : 0 }],
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
        await tx.run(
          `INSERT OR REPLACE INTO message_parts (message_id, part, transport, reference)
           SELECT m.value ->> '$.id', p.key + 1, ?, p.value FROM json_each(?) AS m, json_each(m.value -> '$.refs') AS p`,
          [transport, rows],
        );
      }
      if (unsent.length > 0) {
        const rows = JSON.stringify(unsent);
        await tx.run(
          `UPDATE messages SET state = j.value ->> '$.to', error = j.value ->> '$.reason',
                  next_attempt_at = j.value ->> '$.next', attempts = attempts - (j.value ->> '$.back'), updated_at = ?
             FROM json_each(?) AS j WHERE messages.id = j.value ->> '$.id'`,
          [now, rows],
        );
        await tx.run(
          `INSERT INTO message_events (message_id, at, from_state, to_state, detail)
           SELECT value ->> '$.id', ?, 'sending', value ->> '$.to', value ->> '$.reason' FROM json_each(?)`,
          [now, rows],
        );
      }
      return next && next.limit > 0 ? this.claimIn(tx, now, next.limit, transport, next.options) : { claimed: [], closed: [] };
    });
  }

  /**
   * A delivery report for one part. The message becomes delivered once every part
   * is, failed as soon as one part is not. Returns the message's id when its state
   * changed, undefined for a report about a part we do not know (a test send, an old run).
   */
  applyDelivery(transport: string, reference: string, state: DeliveryState, detail: string, at: number): Promise<number | undefined> {
    return this.db.transaction(async (tx) => {
      const part = await tx.get<{ message_id: number }>(
        `SELECT message_id FROM message_parts WHERE transport = ? AND reference = ? ORDER BY message_id DESC LIMIT 1`,
        [transport, reference],
      );
      if (!part) return undefined;
      await tx.run(
        `UPDATE message_parts SET state = ?, detail = ?, reported_at = ? WHERE message_id = ? AND transport = ? AND reference = ?`,
        [state, detail, at, part.message_id, transport, reference],
      );
      const parts = await tx.all<{ state: string }>('SELECT state FROM message_parts WHERE message_id = ?', [part.message_id]);
      const failed = parts.some((p) => p.state === 'failed' || p.state === 'expired');
      const delivered = parts.every((p) => p.state === 'delivered');
      if (!failed && !delivered) return undefined;
      const to = delivered ? 'delivered' : 'failed';
      const reason = delivered ? null : reasonFormats.notDelivered(detail);
      const { changes } = await tx.run(
        `UPDATE messages SET state = ?1, error = ?2, delivered_at = CASE WHEN ?1 = 'delivered' THEN ?3 ELSE delivered_at END,
                updated_at = ?3
          WHERE id = ?4 AND state = 'submitted'`,
        [to, reason, at, part.message_id],
      );
      if (changes === 0) return undefined;
      await tx.run('INSERT INTO message_events (message_id, at, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?)', [
        part.message_id,
        at,
        'submitted',
        to,
        detail,
      ]);
      return part.message_id;
    });
  }

  /** When the next queued message is due: reminders and the rest apart, since quiet hours hold only reminders. */
  async nextDue(): Promise<{ reminder: number | null; other: number | null }> {
    const row = await this.db.get<{ reminder: number | null; other: number | null }>(
      `SELECT (SELECT min(next_attempt_at) FROM messages WHERE state = 'queued' AND kind = 'reminder' AND forced = 0) AS reminder,
              (SELECT min(next_attempt_at) FROM messages WHERE state = 'queued' AND (kind != 'reminder' OR forced = 1)) AS other`,
    );
    return { reminder: row?.reminder ?? null, other: row?.other ?? null };
  }

  async queuedCount(): Promise<number> {
    const row = await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM messages WHERE state = 'queued'`);
    return row?.n ?? 0;
  }
}
