import type { SqlExecutor } from '../sqlite-connection';

export interface AuditLogQuery {
  from?: number | undefined;
  to?: number | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  entityId?: number | undefined;
  clientId?: number | undefined;
  actor?: string | undefined;
}

/** One audit entry with the client it concerns, looked up at read time. */
export interface AuditLogRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  entity: string | null;
  entity_id: number | null;
  detail: string | null;
  /** The client the entry is about, directly or through its appointment, message or reply. */
  client_id: number | null;
  /** 1 when that client's row still exists. */
  client_found: number;
  first_name: string | null;
  last_name: string | null;
  erased_at: number | null;
}

/**
 * The client an entry concerns: the entity itself, or the owner of the appointment,
 * message or reply it names. Looked up per page only, never stored: the log holds ids.
 */
const CLIENT_OF_ENTRY = `CASE a.entity
    WHEN 'client' THEN a.entity_id
    WHEN 'appointment' THEN (SELECT client_id FROM appointments WHERE id = a.entity_id)
    WHEN 'message' THEN (SELECT client_id FROM messages WHERE id = a.entity_id)
    WHEN 'inbound_message' THEN (SELECT client_id FROM inbound_messages WHERE id = a.entity_id)
  END`;

/**
 * Reads the append-only audit log; never writes. Newest first: the (at) index
 * serves the order and the date range, (entity, entity_id, at) one entity's history.
 */
export class AuditLogReader {
  constructor(private readonly sql: SqlExecutor) {}

  async count(query: AuditLogQuery): Promise<number> {
    const { where, params } = whereClause(query);
    const row = await this.sql.get<{ n: number }>(`SELECT count(*) AS n FROM audit_log a ${where}`, params);
    return row?.n ?? 0;
  }

  async page(query: AuditLogQuery & { below?: { at: number; id: number } | undefined }, offset: number, limit: number): Promise<AuditLogRow[]> {
    const { where, params } = whereClause(query);
    return this.sql.all<AuditLogRow>(
      `SELECT p.*, c.id IS NOT NULL AS client_found, c.first_name, c.last_name, c.erased_at
       FROM (
         SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.detail, ${CLIENT_OF_ENTRY} AS client_id
         FROM audit_log a ${where}
         ORDER BY a.at DESC, a.id DESC
         LIMIT ? OFFSET ?
       ) p
       LEFT JOIN clients c ON c.id = p.client_id
       ORDER BY p.at DESC, p.id DESC`,
      [...params, limit, offset],
    );
  }

  /**
   * Every matching entry, newest first, `batch` at a time (for the CSV export).
   * Each batch continues below the last entry read, so entries written meanwhile
   * neither repeat nor shift what follows.
   */
  async *all(query: AuditLogQuery, batch = 1000): AsyncGenerator<AuditLogRow[]> {
    let below: { at: number; id: number } | undefined;
    for (;;) {
      const rows = await this.page({ ...query, below }, 0, batch);
      if (rows.length > 0) yield rows;
      const last = rows.at(-1);
      if (!last || rows.length < batch) return;
      below = { at: last.at, id: last.id };
    }
  }

  async distinctActions(): Promise<string[]> {
    const rows = await this.sql.all<{ action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action');
    return rows.map((row) => row.action);
  }

  async distinctActors(): Promise<string[]> {
    const rows = await this.sql.all<{ actor: string }>('SELECT DISTINCT actor FROM audit_log ORDER BY actor');
    return rows.map((row) => row.actor);
  }
}

function whereClause(query: AuditLogQuery & { below?: { at: number; id: number } | undefined }): { where: string; params: (string | number)[] } {
  const conditions: string[] = [];
  const params: (string | number)[] = [];
  if (query.below !== undefined) {
    conditions.push('(a.at < ? OR (a.at = ? AND a.id < ?))');
    params.push(query.below.at, query.below.at, query.below.id);
  }
  if (query.from !== undefined) {
    conditions.push('a.at >= ?');
    params.push(query.from);
  }
  if (query.to !== undefined) {
    conditions.push('a.at < ?');
    params.push(query.to);
  }
  if (query.action !== undefined) {
    conditions.push('a.action = ?');
    params.push(query.action);
  }
  if (query.entity !== undefined) {
    conditions.push('a.entity = ?');
    params.push(query.entity);
  }
  if (query.entityId !== undefined) {
    conditions.push('a.entity_id = ?');
    params.push(query.entityId);
  }
  if (query.actor !== undefined) {
    conditions.push('a.actor = ?');
    params.push(query.actor);
  }
  if (query.clientId !== undefined) {
    const id = query.clientId;
    conditions.push(`(
      (a.entity = 'client' AND a.entity_id = ?)
      OR (a.entity = 'appointment' AND a.entity_id IN (SELECT id FROM appointments WHERE client_id = ?))
      OR (a.entity = 'message' AND a.entity_id IN (SELECT id FROM messages WHERE client_id = ?))
      OR (a.entity = 'inbound_message' AND a.entity_id IN (SELECT id FROM inbound_messages WHERE client_id = ?))
    )`);
    params.push(id, id, id, id);
  }
  return { where: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params };
}
