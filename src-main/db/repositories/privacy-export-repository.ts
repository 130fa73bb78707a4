import type { SqlExecutor, SqlValue } from '../sqlite-connection';

/**
 * A row as stored, every column (`SELECT *`): an export holds everything, including
 * columns added by later migrations, without this file having to learn about them.
 */
export type StoredRow = Record<string, SqlValue>;

/** The columns the client export itself reads; the rest travels as it is. */
export interface ClientRow extends StoredRow {
  id: number;
  first_name: string;
  last_name: string;
  mobile: string | null;
  email: string | null;
  language: 'it' | 'en';
  created_at: number;
  updated_at: number;
}

export interface IdRow extends StoredRow {
  id: number;
}

export interface ConsentRow extends IdRow {
  evidence_path: string | null;
}

export interface MessageChildRow extends StoredRow {
  message_id: number;
}

export interface ExportedTable {
  name: string;
  /** False for a WITHOUT ROWID table. */
  rowid: boolean;
}

/** Besides SQLite's own and virtual tables: the retention gate is the audit log's lock, not data. */
const NOT_EXPORTED = /^sqlite_|^retention_gate$/;

/** The order the office export lists the tables in; any table a later migration adds follows, by name. */
const TABLE_ORDER = [
  'settings',
  'staff',
  'rooms',
  'clients',
  'appointments',
  'reminder_rules',
  'messages',
  'message_events',
  'message_parts',
  'inbound_messages',
  'consents',
  'audit_log',
];

/**
 * The client's mobile is theirs alone: no other client (archived ones included) has it.
 * Only then do messages linked to no client but sent to (or received from) that
 * number count as theirs; a shared family mobile's unlinked messages may be
 * someone else's, and stay out.
 */
const OWN_MOBILE = ':mobile IS NOT NULL AND NOT EXISTS (SELECT 1 FROM clients o WHERE o.mobile = :mobile AND o.id <> :clientId)';
/** A client's messages: theirs by id, and any sent to their own number before it was linked to them. */
const CLIENT_MESSAGES = `client_id = :clientId OR (client_id IS NULL AND to_phone = :mobile AND ${OWN_MOBILE})`;
const CLIENT_REPLIES = `client_id = :clientId OR (client_id IS NULL AND from_phone = :mobile AND ${OWN_MOBILE})`;

/**
 * The reads behind the access and portability exports. Each method runs on the
 * executor it is given, so one export reads inside one transaction: a consistent
 * snapshot, with no write landing between two of its reads.
 */
export class PrivacyExportRepository {
  constructor(private readonly sql: SqlExecutor) {}

  client(id: number): Promise<ClientRow | undefined> {
    return this.sql.get<ClientRow>('SELECT * FROM clients WHERE id = ?', [id]);
  }

  /** Every appointment, oldest first, with the names of the staff member and the room. */
  clientAppointments(clientId: number): Promise<IdRow[]> {
    return this.sql.all<IdRow>(
      `SELECT a.*, s.display_name AS staff_name, r.name AS room_name
         FROM appointments a LEFT JOIN staff s ON s.id = a.staff_id LEFT JOIN rooms r ON r.id = a.room_id
        WHERE a.client_id = ? ORDER BY a.start_at, a.id`,
      [clientId],
    );
  }

  clientMessages(clientId: number, mobile: string | null): Promise<IdRow[]> {
    return this.sql.all<IdRow>(`SELECT * FROM messages WHERE ${CLIENT_MESSAGES} ORDER BY created_at, id`, {
      ':clientId': clientId,
      ':mobile': mobile,
    });
  }

  /** Every state change of the client's messages, in order. */
  clientMessageEvents(clientId: number, mobile: string | null): Promise<MessageChildRow[]> {
    return this.sql.all<MessageChildRow>(
      `SELECT * FROM message_events WHERE message_id IN (SELECT id FROM messages WHERE ${CLIENT_MESSAGES})
        ORDER BY message_id, at, id`,
      { ':clientId': clientId, ':mobile': mobile },
    );
  }

  /** The SMS parts of the client's messages, with the channel's references and delivery reports. */
  clientMessageParts(clientId: number, mobile: string | null): Promise<MessageChildRow[]> {
    return this.sql.all<MessageChildRow>(
      `SELECT * FROM message_parts WHERE message_id IN (SELECT id FROM messages WHERE ${CLIENT_MESSAGES})
        ORDER BY message_id, part`,
      { ':clientId': clientId, ':mobile': mobile },
    );
  }

  /** SMS received from the client (or from their number before it was matched to them). */
  clientReplies(clientId: number, mobile: string | null): Promise<IdRow[]> {
    return this.sql.all<IdRow>(`SELECT * FROM inbound_messages WHERE ${CLIENT_REPLIES} ORDER BY received_at, id`, {
      ':clientId': clientId,
      ':mobile': mobile,
    });
  }

  /** The full consent history (the ledger is append-only), oldest first. */
  clientConsents(clientId: number): Promise<ConsentRow[]> {
    return this.sql.all<ConsentRow>('SELECT * FROM consents WHERE client_id = ? ORDER BY recorded_at, id', [clientId]);
  }

  /** Audit entries about the client, or about their appointments, messages, replies or consents. */
  clientAuditEntries(clientId: number, mobile: string | null): Promise<IdRow[]> {
    return this.sql.all<IdRow>(
      `SELECT * FROM audit_log
        WHERE (entity = 'client' AND entity_id = :clientId)
           OR (entity = 'appointment' AND entity_id IN (SELECT id FROM appointments WHERE client_id = :clientId))
           OR (entity = 'message' AND entity_id IN (SELECT id FROM messages WHERE ${CLIENT_MESSAGES}))
           OR (entity = 'inbound_message' AND entity_id IN (SELECT id FROM inbound_messages WHERE ${CLIENT_REPLIES}))
           OR (entity = 'consent' AND entity_id IN (SELECT id FROM consents WHERE client_id = :clientId))
        ORDER BY at, id`,
      { ':clientId': clientId, ':mobile': mobile },
    );
  }

  /**
   * The tables a whole-office export holds, in a stable order: every table but
   * SQLite's own, virtual tables (a search index) with their shadow tables, and the
   * retention gate. `rowid` is false for a WITHOUT ROWID table, read in one go.
   */
  async exportedTables(): Promise<ExportedTable[]> {
    const rows = await this.sql.all<{ name: string; sql: string | null }>(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name",
    );
    const virtual = rows.filter((row) => /^\s*CREATE\s+VIRTUAL\b/i.test(row.sql ?? '')).map((row) => row.name);
    const tables = rows
      .filter(({ name }) => !NOT_EXPORTED.test(name) && !virtual.some((table) => name === table || name.startsWith(`${table}_`)))
      .map(({ name, sql }) => ({ name, rowid: !/\bWITHOUT\s+ROWID\b/i.test(sql ?? '') }));
    const rank = (name: string) => {
      const index = TABLE_ORDER.indexOf(name);
      return index === -1 ? TABLE_ORDER.length : index;
    };
    // Array.prototype.sort is stable: tables not in TABLE_ORDER keep their order by name.
    return tables.sort((a, b) => rank(a.name) - rank(b.name));
  }

  /** The table's column names, in order (a CSV needs its header even when the table is empty). */
  async columns(table: string): Promise<string[]> {
    const rows = await this.sql.all<{ name: string }>(`SELECT name FROM pragma_table_info(?) ORDER BY cid`, [table]);
    return rows.map((row) => row.name);
  }

  async count(table: string): Promise<number> {
    const row = await this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdentifier(table)}`);
    return row?.n ?? 0;
  }

  /**
   * Up to `limit` rows after the row with rowid `after`, in rowid order; `last` is
   * the rowid to continue after, undefined when the table is done. The rowid is
   * returned beside, not among, the columns. A WITHOUT ROWID table comes in one page.
   */
  async page(table: ExportedTable, after: number, limit: number): Promise<{ rows: StoredRow[]; last: number | undefined }> {
    if (!table.rowid) return { rows: await this.sql.all<StoredRow>(`SELECT * FROM ${quoteIdentifier(table.name)}`), last: undefined };
    const rows = await this.sql.all<StoredRow & { export_rowid_: number }>(
      `SELECT rowid AS export_rowid_, * FROM ${quoteIdentifier(table.name)} WHERE rowid > ? ORDER BY rowid LIMIT ?`,
      [after, limit],
    );
    const stored = rows.map(({ export_rowid_: _rowid, ...row }) => row);
    return { rows: stored, last: rows.length === limit ? rows[rows.length - 1]?.export_rowid_ : undefined };
  }

  /** Every consent row that names an evidence file. */
  evidencePaths(): Promise<ConsentRow[]> {
    return this.sql.all<ConsentRow>('SELECT id, evidence_path FROM consents WHERE evidence_path IS NOT NULL ORDER BY id');
  }
}

/** Table names come from sqlite_schema, never from a caller; quoted all the same. */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
