import type { ClientRow, Language } from '../../contract/schemas';
import type { Database } from '../database';

interface ClientRecord {
  id: number;
  first_name: string;
  last_name: string;
  mobile: string | null;
  email: string | null;
  language: Language;
  sms_opt_out: number;
}

/** Active clients: not archived, not erased. */
const ACTIVE = 'archived_at IS NULL AND erased_at IS NULL';

export class ClientsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Each word of the query must match: digits match anywhere in the mobile number,
   * other words match the start of the first or last name ("ross 333").
   */
  async list(query: string, limit: number, offset: number): Promise<{ total: number; items: ClientRow[] }> {
    const conditions = [ACTIVE];
    const params: (string | number)[] = [];
    for (const word of query.trim().split(/\s+/).filter(Boolean)) {
      const digits = word.replace(/[^0-9]/g, '');
      if (digits.length > 0 && digits.length === word.replace(/[\s+().-]/g, '').length) {
        conditions.push(`mobile LIKE ? ESCAPE '\\'`);
        params.push(`%${digits}%`);
      } else {
        conditions.push(`(first_name LIKE ? ESCAPE '\\' OR last_name LIKE ? ESCAPE '\\')`);
        const prefix = `${escapeLike(word)}%`;
        params.push(prefix, prefix);
      }
    }
    const where = conditions.join(' AND ');
    const total = (await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM clients WHERE ${where}`, params))?.n ?? 0;
    const rows = await this.db.all<ClientRecord>(
      `SELECT id, first_name, last_name, mobile, email, language, sms_opt_out FROM clients
       WHERE ${where} ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE, id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return {
      total,
      items: rows.map((row) => ({
        id: row.id,
        firstName: row.first_name,
        lastName: row.last_name,
        mobile: row.mobile,
        email: row.email,
        language: row.language,
        smsOptOut: row.sms_opt_out === 1,
      })),
    };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
