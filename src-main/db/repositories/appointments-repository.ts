import type { AgendaItem, AppointmentStatus } from '../../contract/schemas';
import type { Database } from '../database';

interface AgendaRecord {
  id: number;
  start_at: number;
  end_at: number;
  status: AppointmentStatus;
  client_id: number;
  client_name: string;
  staff_id: number | null;
  staff_name: string | null;
  room_id: number | null;
  room_name: string | null;
}

export class AppointmentsRepository {
  constructor(private readonly db: Database) {}

  /** Appointments overlapping [from, to), in start order, with the names the agenda shows. */
  async listRange(from: number, to: number): Promise<AgendaItem[]> {
    const rows = await this.db.all<AgendaRecord>(
      `SELECT a.id, a.start_at, a.end_at, a.status,
              c.id AS client_id, c.last_name || ' ' || c.first_name AS client_name,
              s.id AS staff_id, s.display_name AS staff_name,
              r.id AS room_id, r.name AS room_name
         FROM appointments a
         JOIN clients c ON c.id = a.client_id
         LEFT JOIN staff s ON s.id = a.staff_id
         LEFT JOIN rooms r ON r.id = a.room_id
        WHERE a.start_at < ? AND a.end_at > ? AND a.start_at >= ?
        ORDER BY a.start_at, a.id`,
      // Appointments last at most a day, which bounds the index scan on start_at.
      [to, from, from - 24 * 3600 * 1000],
    );
    return rows.map((row) => ({
      id: row.id,
      start: row.start_at,
      end: row.end_at,
      status: row.status,
      client: { id: row.client_id, name: row.client_name },
      staff: row.staff_id === null ? null : { id: row.staff_id, name: row.staff_name ?? '' },
      room: row.room_id === null ? null : { id: row.room_id, name: row.room_name ?? '' },
    }));
  }
}
