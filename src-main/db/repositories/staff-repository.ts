import { workingHoursSchema, type StaffMember, type StaffRole, type WorkingHours } from '../../contract/calendar-schemas';
import type { SqlExecutor } from '../sqlite-connection';

interface StaffRecord {
  id: number;
  display_name: string;
  role: StaffRole;
  color: string;
  working_hours: string;
  active: number;
  sort_order: number;
}

export interface StaffFields {
  name: string;
  role: StaffRole;
  color: string;
  workingHours: WorkingHours;
  active: boolean;
}

const COLUMNS = 'id, display_name, role, color, working_hours, active, sort_order';

/** The stored JSON; a value that no longer fits the schema counts as "no hours set". */
function parseWorkingHours(json: string): WorkingHours {
  try {
    const parsed = workingHoursSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function toStaffMember(row: StaffRecord): StaffMember {
  return {
    id: row.id,
    name: row.display_name,
    role: row.role,
    color: row.color,
    workingHours: parseWorkingHours(row.working_hours),
    active: row.active === 1,
    sortOrder: row.sort_order,
  };
}

/** Dentists, lawyers, hygienists…: who appointments are with. */
export class StaffRepository {
  constructor(private readonly sql: SqlExecutor) {}

  async list(includeInactive: boolean): Promise<StaffMember[]> {
    const rows = await this.sql.all<StaffRecord>(
      `SELECT ${COLUMNS} FROM staff ${includeInactive ? '' : 'WHERE active = 1'} ORDER BY sort_order, id`,
    );
    return rows.map(toStaffMember);
  }

  async get(id: number): Promise<StaffMember | undefined> {
    const row = await this.sql.get<StaffRecord>(`SELECT ${COLUMNS} FROM staff WHERE id = ?`, [id]);
    return row && toStaffMember(row);
  }

  /** Added at the end of the order. */
  async insert(fields: StaffFields, now: number): Promise<number> {
    const { lastId } = await this.sql.run(
      `INSERT INTO staff (display_name, role, color, working_hours, active, sort_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(sort_order), -1) + 1 FROM staff), ?, ?)`,
      [fields.name, fields.role, fields.color, JSON.stringify(fields.workingHours), fields.active ? 1 : 0, now, now],
    );
    return lastId;
  }

  async update(id: number, fields: StaffFields, now: number): Promise<void> {
    await this.sql.run(
      `UPDATE staff SET display_name = ?, role = ?, color = ?, working_hours = ?, active = ?, updated_at = ? WHERE id = ?`,
      [fields.name, fields.role, fields.color, JSON.stringify(fields.workingHours), fields.active ? 1 : 0, now, id],
    );
  }

  async setOrder(ids: readonly number[], now: number): Promise<void> {
    for (const [index, id] of ids.entries()) {
      await this.sql.run('UPDATE staff SET sort_order = ?, updated_at = ? WHERE id = ?', [index, now, id]);
    }
  }

  async ids(): Promise<number[]> {
    return (await this.sql.all<{ id: number }>('SELECT id FROM staff')).map((row) => row.id);
  }
}
