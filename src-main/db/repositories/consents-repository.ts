import type { ConsentMethod, ConsentPurpose, ConsentState } from '../../contract/consents-methods';
import type { Database } from '../database';
import type { SqlExecutor } from '../sqlite-connection';
import type { ClientRecord } from './clients-repository';

/** A consents row as stored. */
export interface ConsentRow {
  id: number;
  client_id: number;
  purpose: ConsentPurpose;
  granted: number;
  method: ConsentMethod;
  recorded_by: string;
  notice_version: string | null;
  recorded_at: number;
  /** Relative to the data folder, e.g. "evidence/12/3f9c….pdf". */
  evidence_path: string | null;
}

export interface NewConsent {
  clientId: number;
  purpose: ConsentPurpose;
  granted: boolean;
  method: ConsentMethod;
  recordedBy: string;
  noticeVersion: string | null;
  recordedAt: number;
  evidencePath: string | null;
}

export interface ConsentFilter {
  purpose: ConsentPurpose;
  state: ConsentState | undefined;
  /** An FTS5 query over clients_search (see searchExpression), or undefined for everyone. */
  expression: string | undefined;
  limit: number;
  offset: number;
}

export type PurposeCounts = Record<ConsentPurpose, { granted: number; withdrawn: number }>;

const COLUMNS = 'id, client_id, purpose, granted, method, recorded_by, notice_version, recorded_at, evidence_path';
const ALIASED_COLUMNS = COLUMNS.split(', ')
  .map((column) => `l.${column}`)
  .join(', ');
const CLIENT_COLUMNS =
  'c.id, c.first_name, c.last_name, c.mobile, c.email, c.language, c.notes, c.sms_opt_out, c.archived_at, c.created_at, c.updated_at';

/**
 * A record is the last word for its client and purpose when no later one exists:
 * the ledger is append-only, so the latest decides (in the same order as the
 * reminder planner's CLIENT_REACHABLE_SQL: time, then id). Each check is one probe
 * of consents_by_client.
 */
const IS_LATEST = `NOT EXISTS (SELECT 1 FROM consents later
    WHERE later.client_id = l.client_id AND later.purpose = l.purpose
      AND (later.recorded_at > l.recorded_at OR (later.recorded_at = l.recorded_at AND later.id > l.id)))`;

/** The consent ledger. Rows are only ever inserted: the store's triggers refuse UPDATE and DELETE. */
export class ConsentsRepository {
  constructor(private readonly db: Database) {}

  /** Every record of the client, latest first. */
  history(clientId: number): Promise<ConsentRow[]> {
    return this.db.all<ConsentRow>(`SELECT ${COLUMNS} FROM consents WHERE client_id = ? ORDER BY recorded_at DESC, id DESC`, [clientId]);
  }

  get(id: number): Promise<ConsentRow | undefined> {
    return this.db.get<ConsentRow>(`SELECT ${COLUMNS} FROM consents WHERE id = ?`, [id]);
  }

  async insert(tx: SqlExecutor, consent: NewConsent): Promise<number> {
    const result = await tx.run(
      `INSERT INTO consents (client_id, purpose, granted, method, recorded_by, notice_version, recorded_at, evidence_path)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        consent.clientId,
        consent.purpose,
        consent.granted ? 1 : 0,
        consent.method,
        consent.recordedBy,
        consent.noticeVersion,
        consent.recordedAt,
        consent.evidencePath,
      ],
    );
    return result.lastId;
  }

  /** The client's SMS opt-out flag follows their last word on reminders (updated_at moves only when it changes). */
  async setSmsOptOut(tx: SqlExecutor, clientId: number, optOut: boolean, now: number): Promise<void> {
    await tx.run('UPDATE clients SET sms_opt_out = ?, updated_at = ? WHERE id = ? AND sms_opt_out <> ?', [
      optOut ? 1 : 0,
      now,
      clientId,
      optOut ? 1 : 0,
    ]);
  }

  /** How many clients (not erased) stand where, per purpose; those with no record are the rest. */
  async counts(): Promise<{ clients: number; byPurpose: PurposeCounts }> {
    const clients = (await this.db.get<{ n: number }>('SELECT count(*) AS n FROM clients WHERE erased_at IS NULL'))?.n ?? 0;
    const rows = await this.db.all<{ purpose: ConsentPurpose; granted: number; withdrawn: number }>(
      `SELECT l.purpose, sum(l.granted = 1) AS granted, sum(l.granted = 0) AS withdrawn
         FROM consents l JOIN clients c ON c.id = l.client_id
        WHERE c.erased_at IS NULL AND ${IS_LATEST} GROUP BY l.purpose`,
    );
    const byPurpose: PurposeCounts = {
      reminders: { granted: 0, withdrawn: 0 },
      recall: { granted: 0, withdrawn: 0 },
      marketing: { granted: 0, withdrawn: 0 },
    };
    for (const row of rows) byPurpose[row.purpose] = { granted: row.granted, withdrawn: row.withdrawn };
    return { clients, byPurpose };
  }

  /** Clients (not erased, archived ones too) whose state for the purpose matches, by last name. */
  async clients({ purpose, state, expression, limit, offset }: ConsentFilter): Promise<{ total: number; records: ClientRecord[] }> {
    const where = ['c.erased_at IS NULL'];
    const params: (string | number)[] = [];
    if (expression !== undefined) {
      where.push('c.id IN (SELECT rowid FROM clients_search WHERE clients_search MATCH ?)');
      params.push(expression);
    }
    if (state === 'none') {
      where.push('c.id NOT IN (SELECT client_id FROM consents WHERE purpose = ?)');
      params.push(purpose);
    } else if (state !== undefined) {
      where.push(`c.id IN (SELECT l.client_id FROM consents l WHERE l.purpose = ? AND l.granted = ? AND ${IS_LATEST})`);
      params.push(purpose, state === 'granted' ? 1 : 0);
    }
    const condition = where.join(' AND ');
    const total = (await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM clients c WHERE ${condition}`, params))?.n ?? 0;
    if (total === 0 || offset >= total) return { total, records: [] };
    const records = await this.db.all<ClientRecord>(
      `SELECT ${CLIENT_COLUMNS} FROM clients c WHERE ${condition}
        ORDER BY c.last_name COLLATE NOCASE, c.first_name COLLATE NOCASE, c.id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return { total, records };
  }

  /** The latest record per purpose of each of these clients. */
  latestOf(clientIds: readonly number[]): Promise<ConsentRow[]> {
    if (clientIds.length === 0) return Promise.resolve([]);
    return this.db.all<ConsentRow>(
      `SELECT ${ALIASED_COLUMNS} FROM consents l
        WHERE l.client_id IN (SELECT value FROM json_each(?)) AND ${IS_LATEST}`,
      [JSON.stringify(clientIds)],
    );
  }
}
