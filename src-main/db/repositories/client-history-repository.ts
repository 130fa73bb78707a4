import type { ClientAppointment, ClientMessage } from '../../contract/clients-schemas';
import type { AppointmentStatus } from '../../contract/schemas';
import type { Database } from '../database';

interface AppointmentRecord {
  id: number;
  start_at: number;
  end_at: number;
  status: AppointmentStatus;
  staff_name: string | null;
  room_name: string | null;
  created_at: number;
}

export interface ClientAppointmentRecord extends ClientAppointment {
  /** With the id, makes an iCalendar UID that a re-used id cannot repeat. */
  createdAt: number;
}

export interface ConsentRecord {
  purpose: 'reminders' | 'recall' | 'marketing';
  granted: number;
  method: string;
  recorded_at: number;
}

const APPOINTMENT_COLUMNS = `a.id, a.start_at, a.end_at, a.status, a.created_at,
  s.display_name AS staff_name, r.name AS room_name`;
const APPOINTMENT_JOINS = 'LEFT JOIN staff s ON s.id = a.staff_id LEFT JOIN rooms r ON r.id = a.room_id';

/** What the client page shows besides the client: appointments, messages, consents. Read only. */
export class ClientHistoryRepository {
  constructor(private readonly db: Database) {}

  /** Starting at or after `now`, soonest first. */
  async upcoming(clientId: number, now: number, limit: number): Promise<ClientAppointmentRecord[]> {
    const rows = await this.db.all<AppointmentRecord>(
      `SELECT ${APPOINTMENT_COLUMNS} FROM appointments a ${APPOINTMENT_JOINS}
        WHERE a.client_id = ? AND a.start_at >= ? ORDER BY a.start_at, a.id LIMIT ?`,
      [clientId, now, limit],
    );
    return rows.map(toAppointment);
  }

  /** Started before `now`, latest first. */
  async past(clientId: number, now: number, limit: number): Promise<ClientAppointmentRecord[]> {
    const rows = await this.db.all<AppointmentRecord>(
      `SELECT ${APPOINTMENT_COLUMNS} FROM appointments a ${APPOINTMENT_JOINS}
        WHERE a.client_id = ? AND a.start_at < ? ORDER BY a.start_at DESC, a.id DESC LIMIT ?`,
      [clientId, now, limit],
    );
    return rows.map(toAppointment);
  }

  /** Every appointment of the client, in time order, for the .ics export. */
  async all(clientId: number): Promise<ClientAppointmentRecord[]> {
    const rows = await this.db.all<AppointmentRecord>(
      `SELECT ${APPOINTMENT_COLUMNS} FROM appointments a ${APPOINTMENT_JOINS}
        WHERE a.client_id = ? ORDER BY a.start_at, a.id`,
      [clientId],
    );
    return rows.map(toAppointment);
  }

  async counts(clientId: number, now: number): Promise<{ past: number; noShows: number }> {
    const row = await this.db.get<{ past: number | null; no_shows: number | null }>(
      `SELECT sum(start_at < ?) AS past, sum(status = 'no_show') AS no_shows FROM appointments WHERE client_id = ?`,
      [now, clientId],
    );
    return { past: row?.past ?? 0, noShows: row?.no_shows ?? 0 };
  }

  /** SMS sent to and received from the client, latest first. */
  async messages(clientId: number, limit: number): Promise<ClientMessage[]> {
    return this.db.all<ClientMessage>(
      `SELECT direction, at, body, state FROM (
         SELECT 'out' AS direction, coalesce(delivered_at, submitted_at, due_at) AS at, body, state, id
           FROM messages WHERE client_id = ?
         UNION ALL
         SELECT 'in' AS direction, received_at AS at, body, interpretation AS state, id
           FROM inbound_messages WHERE client_id = ?
       ) ORDER BY at DESC, id DESC LIMIT ?`,
      [clientId, clientId, limit],
    );
  }

  /** The latest consent record for each purpose (the ledger is append-only: the last word counts). */
  async latestConsents(clientId: number): Promise<ConsentRecord[]> {
    return this.db.all<ConsentRecord>(
      `SELECT purpose, granted, method, recorded_at FROM consents c
        WHERE client_id = ? AND id = (
          SELECT id FROM consents WHERE client_id = c.client_id AND purpose = c.purpose
           ORDER BY recorded_at DESC, id DESC LIMIT 1)
        ORDER BY purpose`,
      [clientId],
    );
  }
}

function toAppointment(row: AppointmentRecord): ClientAppointmentRecord {
  return {
    id: row.id,
    start: row.start_at,
    end: row.end_at,
    status: row.status,
    staffName: row.staff_name,
    roomName: row.room_name,
    createdAt: row.created_at,
  };
}
