import type { InboundRow as ContractInboundRow } from '../../contract/messages-schemas';

/** A reply as stored; the handler adds the number grouped for reading. */
export type InboundRow = Omit<ContractInboundRow, 'fromPhoneDisplay'>;
import type { AppointmentStatus } from '../../contract/schemas';
import type { ReplyMeaning } from '../../domain/messages/reply-keywords';
import type { SqlExecutor } from '../sqlite-connection';

export interface ReplySender {
  clientId: number | null;
  firstName: string;
  language: 'it' | 'en';
  /** The next appointment (not yet over) that a reminder went out for, if any. */
  appointment: { id: number; status: AppointmentStatus } | null;
}

interface InboundRecord {
  id: number;
  from_phone: string;
  body: string;
  received_at: number;
  client_id: number | null;
  client_name: string | null;
  appointment_id: number | null;
  appointment_start: number | null;
  appointment_status: AppointmentStatus | null;
  interpretation: ReplyMeaning;
  handled_at: number | null;
}

const SELECT = `SELECT i.id, i.from_phone, i.body, i.received_at, i.client_id,
    CASE WHEN c.id IS NULL OR c.erased_at IS NOT NULL THEN NULL ELSE trim(c.last_name || ' ' || c.first_name) END AS client_name,
    i.appointment_id, a.start_at AS appointment_start, a.status AS appointment_status, i.interpretation, i.handled_at
  FROM inbound_messages i LEFT JOIN clients c ON c.id = i.client_id LEFT JOIN appointments a ON a.id = i.appointment_id`;

function toRow(row: InboundRecord): InboundRow {
  return {
    id: row.id,
    fromPhone: row.from_phone,
    body: row.body,
    receivedAt: row.received_at,
    clientId: row.client_id,
    clientName: row.client_name,
    appointmentId: row.appointment_id,
    appointmentStart: row.appointment_start,
    appointmentStatus: row.appointment_status,
    interpretation: row.interpretation,
    handledAt: row.handled_at,
  };
}

/** Replies from clients: who sent them, what they were read as, and whether staff have dealt with them. */
export class InboxRepository {
  constructor(private readonly sql: SqlExecutor) {}

  /**
   * Who wrote, by number: the client a reminder was last sent to at that number for
   * an appointment not yet over (a number shared by two clients resolves to the one
   * who was reminded), else a client with that mobile.
   */
  async sender(phone: string, now: number): Promise<ReplySender | undefined> {
    const reminded = await this.sql.get<{ client_id: number; first_name: string; language: 'it' | 'en'; appointment_id: number; status: AppointmentStatus }>(
      `SELECT c.id AS client_id, c.first_name, c.language, a.id AS appointment_id, a.status
         FROM messages m JOIN appointments a ON a.id = m.appointment_id JOIN clients c ON c.id = m.client_id
        WHERE m.to_phone = ? AND m.kind = 'reminder' AND m.state IN ('submitted', 'delivered') AND a.end_at > ?
          AND c.erased_at IS NULL
        ORDER BY a.start_at, a.id LIMIT 1`,
      [phone, now],
    );
    if (reminded) {
      return {
        clientId: reminded.client_id,
        firstName: reminded.first_name,
        language: reminded.language,
        appointment: { id: reminded.appointment_id, status: reminded.status },
      };
    }
    const client = await this.sql.get<{ id: number; first_name: string; language: 'it' | 'en' }>(
      `SELECT id, first_name, language FROM clients WHERE mobile = ? AND erased_at IS NULL
        ORDER BY archived_at IS NOT NULL, updated_at DESC LIMIT 1`,
      [phone],
    );
    return client && { clientId: client.id, firstName: client.first_name, language: client.language, appointment: null };
  }

  async insert(entry: {
    fromPhone: string;
    body: string;
    receivedAt: number;
    transport: string;
    clientId: number | null;
    appointmentId: number | null;
    interpretation: ReplyMeaning;
    handledAt: number | null;
  }): Promise<number> {
    const { lastId } = await this.sql.run(
      `INSERT INTO inbound_messages (from_phone, body, received_at, transport, client_id, appointment_id, interpretation, handled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [entry.fromPhone, entry.body, entry.receivedAt, entry.transport, entry.clientId, entry.appointmentId, entry.interpretation, entry.handledAt],
    );
    return lastId;
  }

  async get(id: number): Promise<InboundRow | undefined> {
    const row = await this.sql.get<InboundRecord>(`${SELECT} WHERE i.id = ?`, [id]);
    return row && toRow(row);
  }

  async list(unhandledOnly: boolean, offset: number, limit: number): Promise<{ items: InboundRow[]; total: number }> {
    const where = unhandledOnly ? 'WHERE i.handled_at IS NULL' : '';
    const rows = await this.sql.all<InboundRecord>(`${SELECT} ${where} ORDER BY i.received_at DESC, i.id DESC LIMIT ? OFFSET ?`, [limit, offset]);
    const total = await this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM inbound_messages i ${where}`);
    return { items: rows.map(toRow), total: total?.n ?? 0 };
  }

  async setHandled(id: number, handledAt: number | null): Promise<boolean> {
    const { changes } = await this.sql.run('UPDATE inbound_messages SET handled_at = ? WHERE id = ?', [handledAt, id]);
    return changes > 0;
  }

  async unhandledCount(): Promise<number> {
    const row = await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM inbound_messages WHERE handled_at IS NULL');
    return row?.n ?? 0;
  }
}
