import type { ReminderRule, ReminderRuleFields } from '../../contract/reminders-schemas';
import type { SqlExecutor } from '../sqlite-connection';

interface RuleRecord {
  id: number;
  name: string;
  offset_minutes: number;
  template_it: string;
  template_en: string;
  active: number;
  staff_ids: string | null;
  room_ids: string | null;
}

const COLUMNS = 'id, name, offset_minutes, template_it, template_en, active, staff_ids, room_ids';

function toRule(row: RuleRecord): ReminderRule {
  return {
    id: row.id,
    name: row.name,
    offsetMinutes: row.offset_minutes,
    templateIt: row.template_it,
    templateEn: row.template_en,
    active: row.active === 1,
    staffIds: row.staff_ids === null ? null : (JSON.parse(row.staff_ids) as number[]),
    roomIds: row.room_ids === null ? null : (JSON.parse(row.room_ids) as number[]),
  };
}

const idList = (ids: readonly number[] | null) => (ids === null ? null : JSON.stringify(ids));

/** Reminder rules: when before an appointment, and what to say in each language. */
export class ReminderRulesRepository {
  constructor(private readonly sql: SqlExecutor) {}

  async list(activeOnly = false): Promise<ReminderRule[]> {
    const rows = await this.sql.all<RuleRecord>(
      `SELECT ${COLUMNS} FROM reminder_rules ${activeOnly ? 'WHERE active = 1' : ''} ORDER BY offset_minutes DESC, id`,
    );
    return rows.map(toRule);
  }

  async get(id: number): Promise<ReminderRule | undefined> {
    const row = await this.sql.get<RuleRecord>(`SELECT ${COLUMNS} FROM reminder_rules WHERE id = ?`, [id]);
    return row && toRule(row);
  }

  async insert(fields: ReminderRuleFields, now: number): Promise<number> {
    const { lastId } = await this.sql.run(
      `INSERT INTO reminder_rules (name, offset_minutes, template_it, template_en, active, staff_ids, room_ids, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [fields.name, fields.offsetMinutes, fields.templateIt, fields.templateEn, fields.active ? 1 : 0, idList(fields.staffIds), idList(fields.roomIds), now, now],
    );
    return lastId;
  }

  async update(id: number, fields: ReminderRuleFields, now: number): Promise<void> {
    await this.sql.run(
      `UPDATE reminder_rules SET name = ?, offset_minutes = ?, template_it = ?, template_en = ?, active = ?,
              staff_ids = ?, room_ids = ?, updated_at = ? WHERE id = ?`,
      [fields.name, fields.offsetMinutes, fields.templateIt, fields.templateEn, fields.active ? 1 : 0, idList(fields.staffIds), idList(fields.roomIds), now, id],
    );
  }

  async delete(id: number): Promise<void> {
    await this.sql.run('DELETE FROM reminder_rules WHERE id = ?', [id]);
  }
}
