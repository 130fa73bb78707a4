import type { MessageEvent, MessageRow as ContractMessageRow, MessageState } from '../../contract/messages-schemas';

/** A message as stored; the service adds the number grouped for reading. */
export type MessageRow = Omit<ContractMessageRow, 'toPhoneDisplay'>;
import type { SqlExecutor } from '../sqlite-connection';

interface MessageRecord {
  id: number;
  kind: MessageRow['kind'];
  client_id: number | null;
  client_name: string | null;
  to_phone: string;
  body: string;
  encoding: 'gsm7' | 'ucs2';
  segments: number;
  state: MessageState;
  attempts: number;
  due_at: number;
  next_attempt_at: number;
  error: string | null;
  outcome_uncertain: number;
  appointment_id: number | null;
  appointment_start_at: number | null;
  rule_name: string | null;
  submitted_at: number | null;
  delivered_at: number | null;
  updated_at: number;
}

const SELECT = `SELECT m.id, m.kind, m.client_id,
    CASE WHEN c.id IS NULL OR c.erased_at IS NOT NULL THEN NULL ELSE trim(c.last_name || ' ' || c.first_name) END AS client_name,
    m.to_phone, m.body, m.encoding, m.segments, m.state, m.attempts, m.due_at, m.next_attempt_at, m.error,
    m.outcome_uncertain, m.appointment_id, m.appointment_start_at, r.name AS rule_name, m.submitted_at, m.delivered_at, m.updated_at
  FROM messages m LEFT JOIN clients c ON c.id = m.client_id LEFT JOIN reminder_rules r ON r.id = m.rule_id`;

function toRow(row: MessageRecord): MessageRow {
  return {
    id: row.id,
    kind: row.kind,
    clientId: row.client_id,
    clientName: row.client_name,
    toPhone: row.to_phone,
    body: row.body,
    encoding: row.encoding,
    segments: row.segments,
    state: row.state,
    attempts: row.attempts,
    dueAt: row.due_at,
    nextAttemptAt: row.next_attempt_at,
    error: row.error,
    outcomeUncertain: row.outcome_uncertain === 1,
    appointmentId: row.appointment_id,
    appointmentStart: row.appointment_start_at,
    ruleName: row.rule_name,
    submittedAt: row.submitted_at,
    deliveredAt: row.delivered_at,
    updatedAt: row.updated_at,
  };
}

export interface MessageFilter {
  states?: readonly MessageState[] | undefined;
  clientId?: number | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

export interface NewMessage {
  kind: 'reply_ack' | 'manual';
  clientId: number | null;
  toPhone: string;
  body: string;
  encoding: 'gsm7' | 'ucs2';
  segments: number;
  dueAt: number;
  /** What the first event says: "acknowledges reply 12". */
  detail: string;
}

/** The outbox and its history as staff see it, and their hand actions on one message. */
export class MessagesRepository {
  constructor(private readonly sql: SqlExecutor) {}

  async list(filter: MessageFilter, offset: number, limit: number): Promise<{ items: MessageRow[]; total: number }> {
    const where = `WHERE (?1 IS NULL OR m.state IN (SELECT value FROM json_each(?1)))
      AND (?2 IS NULL OR m.client_id = ?2) AND (?3 IS NULL OR m.due_at >= ?3) AND (?4 IS NULL OR m.due_at < ?4)`;
    const params = [filter.states ? JSON.stringify(filter.states) : null, filter.clientId ?? null, filter.from ?? null, filter.to ?? null];
    const rows = await this.sql.all<MessageRecord>(`${SELECT} ${where} ORDER BY m.due_at DESC, m.id DESC LIMIT ?5 OFFSET ?6`, [...params, limit, offset]);
    const total = await this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM messages m ${where}`, params);
    return { items: rows.map(toRow), total: total?.n ?? 0 };
  }

  async get(id: number): Promise<MessageRow | undefined> {
    const row = await this.sql.get<MessageRecord>(`${SELECT} WHERE m.id = ?`, [id]);
    return row && toRow(row);
  }

  async events(id: number): Promise<MessageEvent[]> {
    return this.sql.all<MessageEvent>(
      `SELECT at, from_state AS fromState, to_state AS toState, detail FROM message_events WHERE message_id = ? ORDER BY at, id`,
      [id],
    );
  }

  /** Counts by state of the messages due in [from, to). */
  async countsByState(from: number, to: number): Promise<Partial<Record<MessageState, number>>> {
    const rows = await this.sql.all<{ state: MessageState; n: number }>(
      'SELECT state, count(*) AS n FROM messages WHERE due_at >= ? AND due_at < ? GROUP BY state',
      [from, to],
    );
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  }

  async insert(message: NewMessage, now: number): Promise<number> {
    const { lastId } = await this.sql.run(
      `INSERT INTO messages (client_id, kind, to_phone, body, encoding, segments, due_at, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [message.clientId, message.kind, message.toPhone, message.body, message.encoding, message.segments, message.dueAt, message.dueAt, now, now],
    );
    await this.event(lastId, null, 'queued', message.detail, now);
    return lastId;
  }

  /**
   * Moves a message from one of `from` to `to`, with its event; false when it was
   * in none of them (sent meanwhile, say). `changes` sets more columns on the way.
   */
  async transition(
    id: number,
    from: readonly MessageState[],
    to: MessageState,
    detail: string,
    now: number,
    changes: { nextAttemptAt?: number; forced?: boolean; heldByStaff?: boolean; error?: string | null } = {},
  ): Promise<boolean> {
    const current = await this.sql.get<{ state: MessageState }>('SELECT state FROM messages WHERE id = ?', [id]);
    if (!current || !from.includes(current.state)) return false;
    await this.sql.run(
      `UPDATE messages SET state = ?, updated_at = ?,
              next_attempt_at = coalesce(?, next_attempt_at),
              forced = coalesce(?, forced),
              held_by_staff = coalesce(?, held_by_staff),
              error = CASE WHEN ? THEN ? ELSE error END
        WHERE id = ?`,
      [
        to,
        now,
        changes.nextAttemptAt ?? null,
        changes.forced === undefined ? null : Number(changes.forced),
        changes.heldByStaff === undefined ? null : Number(changes.heldByStaff),
        changes.error !== undefined ? 1 : 0,
        changes.error ?? null,
        id,
      ],
    );
    await this.event(id, current.state, to, detail, now);
    return true;
  }

  private async event(id: number, from: MessageState | null, to: MessageState, detail: string, now: number): Promise<void> {
    await this.sql.run('INSERT INTO message_events (message_id, at, from_state, to_state, detail) VALUES (?, ?, ?, ?, ?)', [id, now, from, to, detail]);
  }
}
