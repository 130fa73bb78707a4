import type { AppointmentStatus, Language } from '../../contract/schemas';
import { messageReasons } from '../../contract/message-reasons';
import type { ExistingReminder, PlanAppointment, PlanChange } from '../../domain/reminders/reminder-plan';
import type { Database } from '../database';
import type { SqlExecutor } from '../sqlite-connection';

interface AppointmentRecord {
  id: number;
  start_at: number;
  status: AppointmentStatus;
  staff_id: number | null;
  room_id: number | null;
  staff_name: string | null;
  client_id: number;
  first_name: string;
  language: Language;
  mobile: string | null;
  reachable: number;
}

interface ReminderRecord {
  id: number;
  appointment_id: number;
  rule_id: number | null;
  appointment_start_at: number;
  state: string;
  to_phone: string;
  body: string;
  due_at: number;
  error: string | null;
  held_by_staff: number;
}

/**
 * A client may get reminders: not opted out, not erased, and the last word in the
 * consent ledger for reminders is not a withdrawal. Shared by planning and by the
 * dispatcher's last check before a send.
 */
export const CLIENT_REACHABLE_SQL = `(c.sms_opt_out = 0 AND c.erased_at IS NULL AND coalesce((
  SELECT granted FROM consents WHERE client_id = c.id AND purpose = 'reminders'
   ORDER BY recorded_at DESC, id DESC LIMIT 1), 1) = 1)`;

/** Reads what planning needs and writes what it decided, one transaction per batch. */
export class ReminderPlanRepository {
  constructor(private readonly db: Database) {}

  async appointments(ids: readonly number[]): Promise<PlanAppointment[]> {
    const rows = await this.db.all<AppointmentRecord>(
      `SELECT a.id, a.start_at, a.status, a.staff_id, a.room_id, s.display_name AS staff_name,
              c.id AS client_id, c.first_name, c.language, c.mobile, ${CLIENT_REACHABLE_SQL} AS reachable
         FROM appointments a JOIN clients c ON c.id = a.client_id LEFT JOIN staff s ON s.id = a.staff_id
        WHERE a.id IN (SELECT value FROM json_each(?))`,
      [JSON.stringify(ids)],
    );
    return rows.map((row) => ({
      id: row.id,
      start: row.start_at,
      status: row.status,
      staffId: row.staff_id,
      roomId: row.room_id,
      staffName: row.staff_name,
      clientId: row.client_id,
      firstName: row.first_name,
      language: row.language,
      mobile: row.mobile,
      reachable: row.reachable === 1,
    }));
  }

  async reminders(appointmentIds: readonly number[]): Promise<ExistingReminder[]> {
    const rows = await this.db.all<ReminderRecord>(
      `SELECT id, appointment_id, rule_id, appointment_start_at, state, to_phone, body, due_at, error, held_by_staff
         FROM messages WHERE appointment_id IN (SELECT value FROM json_each(?)) AND kind = 'reminder'`,
      [JSON.stringify(appointmentIds)],
    );
    return rows.map((row) => ({
      id: row.id,
      appointmentId: row.appointment_id,
      ruleId: row.rule_id,
      appointmentStart: row.appointment_start_at,
      state: row.state,
      toPhone: row.to_phone,
      body: row.body,
      dueAt: row.due_at,
      error: row.error,
      heldByStaff: row.held_by_staff === 1,
    }));
  }

  /**
   * Appointments that an active rule wants a reminder for, due by `horizonEnd`,
   * and that have no row for it yet: what a periodic pass has to plan. The start
   * index bounds the scan; the plan key index answers the NOT EXISTS.
   */
  async unplanned(now: number, horizonEnd: number, maxOffsetMs: number): Promise<number[]> {
    const rows = await this.db.all<{ id: number }>(
      `SELECT DISTINCT a.id FROM appointments a
         JOIN clients c ON c.id = a.client_id
         JOIN reminder_rules r ON r.active = 1
        WHERE a.start_at > ? AND a.start_at <= ?
          AND a.status IN ('booked', 'confirmed') AND c.mobile IS NOT NULL AND ${CLIENT_REACHABLE_SQL}
          AND a.start_at - r.offset_minutes * 60000 <= ?
          AND (r.staff_ids IS NULL OR a.staff_id IN (SELECT value FROM json_each(r.staff_ids)))
          AND (r.room_ids IS NULL OR a.room_id IN (SELECT value FROM json_each(r.room_ids)))
          AND NOT EXISTS (SELECT 1 FROM messages m
                           WHERE m.appointment_id = a.id AND m.rule_id = r.id AND m.appointment_start_at = a.start_at)`,
      [now, horizonEnd + maxOffsetMs, horizonEnd],
    );
    return rows.map((row) => row.id);
  }

  /** Future appointments that have reminders the planner may still change (queued or cancelled by it). */
  async withOpenReminders(now: number, filter: { ruleId?: number; clientId?: number } = {}): Promise<number[]> {
    const rows = await this.db.all<{ id: number }>(
      `SELECT DISTINCT appointment_id AS id FROM messages
        WHERE kind = 'reminder' AND appointment_id IS NOT NULL AND appointment_start_at > ?
          AND state IN ('queued', 'cancelled') AND held_by_staff = 0
          AND (?2 IS NULL OR rule_id = ?2) AND (?3 IS NULL OR client_id = ?3)`,
      [now, filter.ruleId ?? null, filter.clientId ?? null],
    );
    return rows.map((row) => row.id);
  }

  /** The next appointment that would get a reminder: what the template preview fills in. */
  async nextUpcoming(now: number): Promise<number | undefined> {
    const row = await this.db.get<{ id: number }>(
      `SELECT a.id FROM appointments a JOIN clients c ON c.id = a.client_id
        WHERE a.start_at > ? AND a.status IN ('booked', 'confirmed') AND c.erased_at IS NULL
        ORDER BY a.start_at LIMIT 1`,
      [now],
    );
    return row?.id;
  }

  async upcomingOfClient(clientId: number, now: number): Promise<number[]> {
    const rows = await this.db.all<{ id: number }>(
      'SELECT id FROM appointments WHERE client_id = ? AND start_at > ?',
      [clientId, now],
    );
    return rows.map((row) => row.id);
  }

  /** Applies the changes with a message_events row for each state change; returns the ids of the rows touched. */
  apply(changes: readonly PlanChange[], now: number): Promise<number[]> {
    if (changes.length === 0) return Promise.resolve([]);
    return this.db.transaction(async (tx) => {
      const touched: number[] = [];
      const inserts: Extract<PlanChange, { kind: 'insert' }>[] = [];
      const event = (id: number, from: string | null, to: string, detail: string | null) =>
        tx.run('INSERT INTO message_events (message_id, at, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?)', [id, now, from, to, detail]);
      for (const change of changes) {
        switch (change.kind) {
          case 'insert':
            inserts.push(change);
            break;
          case 'update':
          case 'requeue': {
            // Only from the state planning saw: the dispatcher may have claimed the row since.
            const from = change.kind === 'update' ? 'queued' : 'cancelled';
            // A queued row staff sent by hand ("Send now", "Retry"), or one waiting out a retry's backoff, keeps
            // its next try: a new text must not put it back to its due time.
            const { changes: updated } = await tx.run(
              `UPDATE messages SET to_phone = ?, body = ?, encoding = ?, segments = ?, due_at = ?,
                      next_attempt_at = CASE WHEN state = 'queued' AND (forced = 1 OR attempts > 0) THEN next_attempt_at ELSE ? END,
                      state = 'queued', error = NULL, updated_at = ? WHERE id = ? AND state = ?`,
              [change.toPhone, change.body, change.encoding, change.segments, change.dueAt, change.dueAt, now, change.id, from],
            );
            if (updated === 0) break;
            await event(change.id, from, 'queued', change.kind === 'update' ? messageReasons.replanned : messageReasons.plannedAgain);
            touched.push(change.id);
            break;
          }
          case 'cancel': {
            const { changes: updated } = await tx.run(
              `UPDATE messages SET state = 'cancelled', error = ?, updated_at = ? WHERE id = ? AND state = 'queued'`,
              [change.reason, now, change.id],
            );
            if (updated === 0) break;
            await event(change.id, 'queued', 'cancelled', change.reason);
            touched.push(change.id);
            break;
          }
          case 'reason':
            await tx.run(`UPDATE messages SET error = ?, updated_at = ? WHERE id = ? AND state = 'cancelled'`, [change.reason, now, change.id]);
            touched.push(change.id);
            break;
        }
      }
      touched.push(...(await insertReminders(tx, inserts, now)));
      return touched;
    });
  }
}

/**
 * New reminders in one statement, and their first events in another: a first
 * pass over a busy horizon plans a thousand at once. A row for the same key
 * written since planning read (by another pass) wins, as planning is idempotent.
 */
async function insertReminders(tx: SqlExecutor, inserts: readonly Extract<PlanChange, { kind: 'insert' }>[], now: number): Promise<number[]> {
  if (inserts.length === 0) return [];
  const rows = await tx.all<{ id: number; state: string; error: string | null }>(
    `INSERT INTO messages (client_id, appointment_id, rule_id, appointment_start_at, kind, to_phone, body, encoding,
                           segments, state, due_at, next_attempt_at, error, created_at, updated_at)
     SELECT value ->> '$.clientId', value ->> '$.appointmentId', value ->> '$.ruleId', value ->> '$.start', 'reminder',
            value ->> '$.toPhone', value ->> '$.body', value ->> '$.encoding', value ->> '$.segments',
            CASE WHEN value ->> '$.skip' IS NULL THEN 'queued' ELSE 'cancelled' END,
            value ->> '$.dueAt', value ->> '$.dueAt', value ->> '$.skip', ?1, ?1
       FROM json_each(?2) WHERE true
     ON CONFLICT DO NOTHING
     RETURNING id, state, error`,
    [now, JSON.stringify(inserts)],
  );
  await tx.run(
    `INSERT INTO message_events (message_id, at, from_state, to_state, detail)
     SELECT value ->> '$.id', ?, NULL, value ->> '$.state', coalesce(value ->> '$.error', ?) FROM json_each(?)`,
    [now, messageReasons.planned, JSON.stringify(rows)],
  );
  return rows.map((row) => row.id);
}
