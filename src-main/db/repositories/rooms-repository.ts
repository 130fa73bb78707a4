import type { Room } from '../../contract/calendar-schemas';
import type { SqlExecutor } from '../sqlite-connection';

interface RoomRecord {
  id: number;
  name: string;
  color: string;
  active: number;
  sort_order: number;
}

export interface RoomFields {
  name: string;
  color: string;
  active: boolean;
}

const COLUMNS = 'id, name, color, active, sort_order';

function toRoom(row: RoomRecord): Room {
  return { id: row.id, name: row.name, color: row.color, active: row.active === 1, sortOrder: row.sort_order };
}

/** Chairs, meeting rooms…: where appointments take place. */
export class RoomsRepository {
  constructor(private readonly sql: SqlExecutor) {}

  async list(includeInactive: boolean): Promise<Room[]> {
    const rows = await this.sql.all<RoomRecord>(
      `SELECT ${COLUMNS} FROM rooms ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY sort_order, id`,
    );
    return rows.map(toRoom);
  }

  async get(id: number): Promise<Room | undefined> {
    const row = await this.sql.get<RoomRecord>(`SELECT ${COLUMNS} FROM rooms WHERE id = ?`, [id]);
    return row && toRoom(row);
  }

  /** Added at the end of the order. */
  async insert(fields: RoomFields, now: number): Promise<number> {
    const { lastId } = await this.sql.run(
      `INSERT INTO rooms (name, color, active, sort_order, created_at, updated_at)
       VALUES (?, ?, ?, (SELECT coalesce(max(sort_order), -1) + 1 FROM rooms), ?, ?)`,
      [fields.name, fields.color, fields.active ? 1 : 0, now, now],
    );
    return lastId;
  }

  async update(id: number, fields: RoomFields, now: number): Promise<void> {
    await this.sql.run('UPDATE rooms SET name = ?, color = ?, active = ?, updated_at = ? WHERE id = ?', [
      fields.name,
      fields.color,
      fields.active ? 1 : 0,
      now,
      id,
    ]);
  }

  async setOrder(ids: readonly number[], now: number): Promise<void> {
    for (const [index, id] of ids.entries()) {
      await this.sql.run('UPDATE rooms SET sort_order = ?, updated_at = ? WHERE id = ?', [index, now, id]);
    }
  }

  async ids(): Promise<number[]> {
    return (await this.sql.all<{ id: number }>('SELECT id FROM rooms')).map((row) => row.id);
  }
}
