import type { ClientSortOrder } from '../../contract/clients-schemas';
import type { Language } from '../../contract/schemas';
import type { Database } from '../database';
import type { SqlExecutor } from '../sqlite-connection';
import { appendAudit } from './audit-log';

/** A clients row as stored. */
export interface ClientRecord {
  id: number;
  first_name: string;
  last_name: string;
  mobile: string | null;
  email: string | null;
  language: Language;
  notes: string;
  sms_opt_out: number;
  archived_at: number | null;
  created_at: number;
  updated_at: number;
}

/** The fields a person at the desk (or an import) writes; the mobile already E.164. */
export interface ClientFields {
  firstName: string;
  lastName: string;
  mobile: string | null;
  email: string | null;
  language: Language;
  notes: string;
}

export interface ClientSearch {
  /** An FTS5 query over clients_search (see searchExpression), or undefined to list everyone. */
  expression: string | undefined;
  sort: ClientSortOrder;
  archived: boolean;
  limit: number;
  offset: number;
}

const COLUMNS = 'id, first_name, last_name, mobile, email, language, notes, sms_opt_out, archived_at, created_at, updated_at';
const ACTIVE = 'archived_at IS NULL AND erased_at IS NULL';
const ARCHIVED = 'archived_at IS NOT NULL AND erased_at IS NULL';

/** Each order and the partial index of active clients (migration 002) that yields it without sorting. */
const ORDERS: Record<ClientSortOrder, { orderBy: string; activeIndex: string }> = {
  lastName: {
    orderBy: 'last_name COLLATE NOCASE, first_name COLLATE NOCASE, id',
    activeIndex: 'clients_active_by_last_name',
  },
  firstName: {
    orderBy: 'first_name COLLATE NOCASE, last_name COLLATE NOCASE, id',
    activeIndex: 'clients_active_by_first_name',
  },
  newest: { orderBy: 'created_at DESC, id DESC', activeIndex: 'clients_active_by_created' },
};

/**
 * Below this many matches, they are fetched by id and sorted (about 0.3 µs each on
 * 100,000 clients); above it, the page is found by walking the ordered index and
 * keeping the matches (about 0.1 µs a step, and a broad search matches often, so
 * the walk is short). Both stay under 10 ms at 100,000 clients (test/bench/clients-bench.ts).
 */
const WALK_INDEX_ABOVE = 8000;

export class ClientsRepository {
  constructor(private readonly db: Database) {}

  async search({ expression, sort, archived, limit, offset }: ClientSearch): Promise<{ total: number; records: ClientRecord[] }> {
    const { orderBy, activeIndex } = ORDERS[sort];
    if (expression === undefined) {
      const where = archived ? ARCHIVED : ACTIVE;
      const total = (await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM clients WHERE ${where}`))?.n ?? 0;
      const records = await this.db.all<ClientRecord>(
        `SELECT ${COLUMNS} FROM clients WHERE ${where} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
        [limit, offset],
      );
      return { total, records };
    }

    // Archived clients are marked in the index, so the count never reads the clients table.
    const match = archived ? `(${expression}) AND state : archived` : `(${expression}) NOT state : archived`;
    const total =
      (await this.db.get<{ n: number }>('SELECT count(*) AS n FROM clients_search WHERE clients_search MATCH ?', [match]))?.n ?? 0;
    if (total === 0 || offset >= total) return { total, records: [] };

    const matches = 'SELECT rowid FROM clients_search WHERE clients_search MATCH ?';
    const records =
      !archived && total > WALK_INDEX_ABOVE
        ? await this.db.all<ClientRecord>(
            `SELECT ${COLUMNS} FROM clients INDEXED BY ${activeIndex}
              WHERE ${ACTIVE} AND id IN (${matches}) ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
            [match, limit, offset],
          )
        : // CROSS JOIN keeps the index first: each match is looked up by id, never the table scanned.
          await this.db.all<ClientRecord>(
            `SELECT ${COLUMNS} FROM clients_search CROSS JOIN clients ON clients.id = clients_search.rowid
              WHERE clients_search MATCH ? AND erased_at IS NULL ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
            [match, limit, offset],
          );
    return { total, records };
  }

  /** A client that was not erased, archived or not. */
  async get(id: number, executor: SqlExecutor = this.db): Promise<ClientRecord | undefined> {
    return executor.get<ClientRecord>(`SELECT ${COLUMNS} FROM clients WHERE id = ? AND erased_at IS NULL`, [id]);
  }

  /** Clients (archived ones too) who have this mobile, by name. */
  async withMobile(mobile: string, excludeId: number | undefined, executor: SqlExecutor = this.db): Promise<ClientRecord[]> {
    return executor.all<ClientRecord>(
      `SELECT ${COLUMNS} FROM clients WHERE mobile = ? AND id IS NOT ? AND erased_at IS NULL
        ORDER BY ${ORDERS.lastName.orderBy} LIMIT 20`,
      [mobile, excludeId ?? null],
    );
  }

  /** Every active (or archived) client in name order, for the CSV export. */
  async all(archived: boolean): Promise<ClientRecord[]> {
    return this.db.all<ClientRecord>(
      `SELECT ${COLUMNS} FROM clients WHERE ${archived ? ARCHIVED : ACTIVE} ORDER BY ${ORDERS.lastName.orderBy}`,
    );
  }

  async insert(tx: SqlExecutor, fields: ClientFields, now: number): Promise<number> {
    const result = await tx.run(
      `INSERT INTO clients (first_name, last_name, mobile, email, language, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [fields.firstName, fields.lastName, fields.mobile, fields.email, fields.language, fields.notes, now, now],
    );
    return result.lastId;
  }

  async update(tx: SqlExecutor, id: number, fields: ClientFields, now: number): Promise<void> {
    await tx.run(
      `UPDATE clients SET first_name = ?, last_name = ?, mobile = ?, email = ?, language = ?, notes = ?, updated_at = ?
        WHERE id = ?`,
      [fields.firstName, fields.lastName, fields.mobile, fields.email, fields.language, fields.notes, now, id],
    );
  }

  async setArchived(tx: SqlExecutor, id: number, archivedAt: number | null, now: number): Promise<void> {
    await tx.run('UPDATE clients SET archived_at = ?, updated_at = ? WHERE id = ?', [archivedAt, now, id]);
  }

  /** The audit trail names the client by id only: no names, numbers or notes. */
  async audit(tx: SqlExecutor, action: string, id: number, actor: string, now: number, detail: string | null = null): Promise<void> {
    await appendAudit(tx, now, { actor, action, entity: 'client', entityId: id, ...(detail === null ? {} : { detail }) });
  }
}
