import type { BusyAppointment } from '../../domain/calendar/conflict-rules';
import type { AppointmentDetail, CalendarItem } from '../../contract/calendar-schemas';
import type { AppointmentStatus } from '../../contract/schemas';
import type { SqlExecutor } from '../sqlite-connection';

const DAY_MS = 24 * 3600 * 1000;
/** Appointments last at most a day (a CHECK in the schema), which bounds every range scan on start_at. */
const CLIENT_NAME = `c.last_name || ' ' || c.first_name`;

/** One row of listRange's JSON array, in the order of its json_array(). */
type CalendarTuple = [
  id: number,
  start: number,
  end: number,
  status: AppointmentStatus,
  seriesId: string | null,
  notes: string,
  clientId: number,
  clientName: string,
  staffId: number | null,
  staffName: string | null,
  roomId: number | null,
  roomName: string | null,
];

interface AppointmentRecord {
  id: number;
  client_id: number;
  staff_id: number | null;
  room_id: number | null;
  start_at: number;
  end_at: number;
  status: AppointmentStatus;
  series_id: string | null;
  notes: string;
}

interface DetailRecord {
  id: number;
  start_at: number;
  end_at: number;
  status: AppointmentStatus;
  series_id: string | null;
  notes: string;
  client_id: number;
  client_name: string;
  mobile: string | null;
  no_shows: number;
  staff_id: number | null;
  staff_name: string | null;
  room_id: number | null;
  room_name: string | null;
  series_position: number;
  series_count: number;
}

/** One appointment as stored, with ids rather than names. */
export interface AppointmentRow {
  id: number;
  clientId: number;
  staffId: number | null;
  roomId: number | null;
  start: number;
  end: number;
  status: AppointmentStatus;
  seriesId: string | null;
  notes: string;
}

const ROW_COLUMNS = 'id, client_id, staff_id, room_id, start_at, end_at, status, series_id, notes';

function toRow(record: AppointmentRecord): AppointmentRow {
  return {
    id: record.id,
    clientId: record.client_id,
    staffId: record.staff_id,
    roomId: record.room_id,
    start: record.start_at,
    end: record.end_at,
    status: record.status,
    seriesId: record.series_id,
    notes: record.notes,
  };
}

function ref(id: number | null, name: string | null): { id: number; name: string } | null {
  return id === null ? null : { id, name: name ?? '' };
}

export class AppointmentsRepository {
  constructor(private readonly sql: SqlExecutor) {}

  /**
   * Appointments overlapping [from, to), in start order, with the names the calendar
   * shows. A busy week is a thousand rows: SQLite packs them into one JSON array,
   * because the driver's cost is per value handed to JavaScript (four times the
   * whole query's time when each row came as an object of its own).
   */
  async listRange(from: number, to: number): Promise<CalendarItem[]> {
    const result = await this.sql.get<{ items: string }>(
      `SELECT json_group_array(json_array(
                a.id, a.start_at, a.end_at, a.status, a.series_id, a.notes,
                c.id, ${CLIENT_NAME}, s.id, s.display_name, r.id, r.name)
              ORDER BY a.start_at, a.id) AS items
         FROM appointments a
         JOIN clients c ON c.id = a.client_id
         LEFT JOIN staff s ON s.id = a.staff_id
         LEFT JOIN rooms r ON r.id = a.room_id
        WHERE a.start_at < ? AND a.end_at > ? AND a.start_at >= ?`,
      [to, from, from - DAY_MS],
    );
    const rows = JSON.parse(result?.items ?? '[]') as CalendarTuple[];
    return rows.map(([id, start, end, status, seriesId, notes, clientId, clientName, staffId, staffName, roomId, roomName]) => ({
      id,
      start,
      end,
      status,
      seriesId,
      notes,
      client: { id: clientId, name: clientName },
      staff: ref(staffId, staffName),
      room: ref(roomId, roomName),
    }));
  }

  async get(id: number): Promise<AppointmentRow | undefined> {
    const record = await this.sql.get<AppointmentRecord>(`SELECT ${ROW_COLUMNS} FROM appointments WHERE id = ?`, [id]);
    return record && toRow(record);
  }

  /** The appointments of a series from `fromStart` on, in start order. */
  async seriesFrom(seriesId: string, fromStart: number): Promise<AppointmentRow[]> {
    const records = await this.sql.all<AppointmentRecord>(
      `SELECT ${ROW_COLUMNS} FROM appointments WHERE series_id = ? AND start_at >= ? ORDER BY start_at, id`,
      [seriesId, fromStart],
    );
    return records.map(toRow);
  }

  async seriesSize(seriesId: string): Promise<number> {
    const row = await this.sql.get<{ n: number }>('SELECT count(*) AS n FROM appointments WHERE series_id = ?', [seriesId]);
    return row?.n ?? 0;
  }

  async detail(id: number): Promise<AppointmentDetail | undefined> {
    const record = await this.sql.get<DetailRecord>(
      `SELECT a.id, a.start_at, a.end_at, a.status, a.series_id, a.notes,
              c.id AS client_id, ${CLIENT_NAME} AS client_name, c.mobile,
              (SELECT count(*) FROM appointments n WHERE n.client_id = a.client_id AND n.status = 'no_show') AS no_shows,
              s.id AS staff_id, s.display_name AS staff_name,
              r.id AS room_id, r.name AS room_name,
              (SELECT count(*) FROM appointments p WHERE p.series_id = a.series_id
                  AND (p.start_at < a.start_at OR (p.start_at = a.start_at AND p.id < a.id))) + 1 AS series_position,
              (SELECT count(*) FROM appointments p WHERE p.series_id = a.series_id) AS series_count
         FROM appointments a
         JOIN clients c ON c.id = a.client_id
         LEFT JOIN staff s ON s.id = a.staff_id
         LEFT JOIN rooms r ON r.id = a.room_id
        WHERE a.id = ?`,
      [id],
    );
    if (!record) return undefined;
    return {
      id: record.id,
      start: record.start_at,
      end: record.end_at,
      status: record.status,
      notes: record.notes,
      client: { id: record.client_id, name: record.client_name, mobile: record.mobile, noShows: record.no_shows },
      staff: ref(record.staff_id, record.staff_name),
      room: ref(record.room_id, record.room_name),
      // A series cut down to one appointment reads as a single appointment.
      series:
        record.series_id !== null && record.series_count > 1
          ? { id: record.series_id, position: record.series_position, count: record.series_count }
          : null,
    };
  }

  async insert(row: Omit<AppointmentRow, 'id'>, now: number): Promise<number> {
    const { lastId } = await this.sql.run(
      `INSERT INTO appointments (client_id, staff_id, room_id, start_at, end_at, status, series_id, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.clientId, row.staffId, row.roomId, row.start, row.end, row.status, row.seriesId, row.notes, now, now],
    );
    return lastId;
  }

  async update(row: AppointmentRow, now: number): Promise<void> {
    await this.sql.run(
      `UPDATE appointments SET client_id = ?, staff_id = ?, room_id = ?, start_at = ?, end_at = ?, status = ?,
              series_id = ?, notes = ?, updated_at = ?
        WHERE id = ?`,
      [row.clientId, row.staffId, row.roomId, row.start, row.end, row.status, row.seriesId, row.notes, now, row.id],
    );
  }

  async delete(ids: readonly number[]): Promise<void> {
    for (const id of ids) await this.sql.run('DELETE FROM appointments WHERE id = ?', [id]);
  }

  /**
   * Appointments that hold a slot (every status but cancelled) overlapping [start, end)
   * with the given staff member or room. Two index range scans, one per column.
   */
  async busyAround(staffId: number | null, roomId: number | null, start: number, end: number): Promise<BusyAppointment[]> {
    if (staffId === null && roomId === null) return [];
    const rows = await this.sql.all<{
      id: number;
      start_at: number;
      end_at: number;
      staff_id: number | null;
      room_id: number | null;
      client_name: string;
    }>(
      `SELECT a.id, a.start_at, a.end_at, a.staff_id, a.room_id, ${CLIENT_NAME} AS client_name
         FROM appointments a JOIN clients c ON c.id = a.client_id
        WHERE a.id IN (
                SELECT id FROM appointments WHERE staff_id = ?1 AND start_at < ?3 AND start_at >= ?4 AND end_at > ?2
                UNION
                SELECT id FROM appointments WHERE room_id = ?5 AND start_at < ?3 AND start_at >= ?4 AND end_at > ?2)
          AND a.status <> 'cancelled'
        ORDER BY a.start_at, a.id`,
      [staffId, start, end, start - DAY_MS, roomId],
    );
    return rows.map((row) => ({
      id: row.id,
      start: row.start_at,
      end: row.end_at,
      staffId: row.staff_id,
      roomId: row.room_id,
      clientName: row.client_name,
    }));
  }

  /** Whether the client may be given an appointment: it exists and is neither archived nor erased. */
  async clientIsBookable(clientId: number): Promise<boolean> {
    const row = await this.sql.get<{ id: number }>(
      'SELECT id FROM clients WHERE id = ? AND archived_at IS NULL AND erased_at IS NULL',
      [clientId],
    );
    return row !== undefined;
  }

  async clientStats(clientId: number, now: number): Promise<{ total: number; upcoming: number; noShows: number; cancelled: number }> {
    const row = await this.sql.get<{ total: number; upcoming: number | null; no_shows: number | null; cancelled: number | null }>(
      `SELECT count(*) AS total,
              sum(start_at >= ? AND status <> 'cancelled') AS upcoming,
              sum(status = 'no_show') AS no_shows,
              sum(status = 'cancelled') AS cancelled
         FROM appointments WHERE client_id = ?`,
      [now, clientId],
    );
    return {
      total: row?.total ?? 0,
      upcoming: row?.upcoming ?? 0,
      noShows: row?.no_shows ?? 0,
      cancelled: row?.cancelled ?? 0,
    };
  }
}
