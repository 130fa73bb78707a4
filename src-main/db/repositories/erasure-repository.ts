import type { ErasureCounts } from '../../contract/erasure-methods';
import type { SqlExecutor } from '../sqlite-connection';

/** The client row as erasure needs it, erased or not. */
export interface ErasureTarget {
  id: number;
  first_name: string;
  last_name: string;
  mobile: string | null;
  email: string | null;
  hold_until: string | null;
  hold_reason: string | null;
  erased_at: number | null;
}

export interface HoldRecord {
  id: number;
  first_name: string;
  last_name: string;
  hold_until: string;
  hold_reason: string | null;
}

/** What one erasure changed, by id, for the events the UI reloads on. */
export interface ErasedRows {
  messageIds: number[];
  replyIds: number[];
  deletedAppointmentIds: number[];
  keptAppointmentIds: number[];
}

/**
 * The rows that carry a person beyond their clients row: messages (text and number),
 * replies (text and number), appointments (notes), consent evidence files. A
 * message or reply is the person's when it is linked to them, or when it is linked
 * to no one and went to (or came from) one of their numbers; a number another
 * client still has is theirs too, and stays.
 */
const MESSAGES_OF = `(client_id = ?1 OR (client_id IS NULL AND to_phone IN (SELECT value FROM json_each(?2))))`;
const REPLIES_OF = `(client_id = ?1 OR (client_id IS NULL AND from_phone IN (SELECT value FROM json_each(?2))))`;

/** Erasure and legal holds, statement by statement; the service runs them in one transaction. */
export class ErasureRepository {
  async target(sql: SqlExecutor, id: number): Promise<ErasureTarget | undefined> {
    return sql.get<ErasureTarget>(
      'SELECT id, first_name, last_name, mobile, email, hold_until, hold_reason, erased_at FROM clients WHERE id = ?',
      [id],
    );
  }

  /** The numbers the client has or was written at or wrote from, less those another (not erased) client has now. */
  async numbersOf(sql: SqlExecutor, id: number): Promise<string[]> {
    const rows = await sql.all<{ phone: string }>(
      `WITH mine (phone) AS (
         SELECT mobile FROM clients WHERE id = ?1 AND mobile IS NOT NULL
         UNION SELECT to_phone FROM messages WHERE client_id = ?1
         UNION SELECT from_phone FROM inbound_messages WHERE client_id = ?1
       )
       SELECT phone FROM mine
        WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.mobile = mine.phone AND c.id != ?1 AND c.erased_at IS NULL)
        ORDER BY phone`,
      [id],
    );
    return rows.map((row) => row.phone);
  }

  /** What erasing would remove and keep at `now` (evidence files counted by distinct path). */
  async counts(sql: SqlExecutor, id: number, numbers: readonly string[], now: number): Promise<ErasureCounts & { sending: number }> {
    const row = await sql.get<Record<keyof ErasureCounts | 'sending', number>>(
      `SELECT
         (SELECT count(*) FROM messages WHERE ${MESSAGES_OF}) AS messages,
         (SELECT count(*) FROM messages WHERE ${MESSAGES_OF} AND state = 'sending') AS sending,
         (SELECT count(*) FROM inbound_messages WHERE ${REPLIES_OF}) AS replies,
         (SELECT count(*) FROM appointments WHERE client_id = ?1 AND start_at >= ?3) AS futureAppointments,
         (SELECT count(*) FROM appointments WHERE client_id = ?1 AND start_at < ?3) AS pastAppointments,
         (SELECT count(*) FROM consents WHERE client_id = ?1) AS consentRecords,
         (SELECT count(DISTINCT evidence_path) FROM consents WHERE client_id = ?1 AND evidence_path IS NOT NULL AND evidence_path != '') AS evidenceFiles`,
      [id, JSON.stringify(numbers), now],
    );
    return {
      messages: row?.messages ?? 0,
      sending: row?.sending ?? 0,
      replies: row?.replies ?? 0,
      futureAppointments: row?.futureAppointments ?? 0,
      pastAppointments: row?.pastAppointments ?? 0,
      consentRecords: row?.consentRecords ?? 0,
      evidenceFiles: row?.evidenceFiles ?? 0,
    };
  }

  async evidencePaths(sql: SqlExecutor, id: number): Promise<string[]> {
    const rows = await sql.all<{ path: string }>(
      `SELECT DISTINCT evidence_path AS path FROM consents
        WHERE client_id = ? AND evidence_path IS NOT NULL AND evidence_path != '' ORDER BY path`,
      [id],
    );
    return rows.map((row) => row.path);
  }

  /**
   * Removes the person from every row: messages and replies deleted (their events
   * and parts cascade), appointments from `now` on deleted, past ones kept with
   * their notes cleared, and the clients row emptied and marked erased (its search
   * index entry goes with it, by trigger). Consent records stay as they are.
   */
  async erase(sql: SqlExecutor, id: number, numbers: readonly string[], now: number): Promise<ErasedRows> {
    const phones = JSON.stringify(numbers);
    const ids = (rows: { id: number }[]) => rows.map((row) => row.id);
    const messageIds = ids(await sql.all<{ id: number }>(`DELETE FROM messages WHERE ${MESSAGES_OF} RETURNING id`, [id, phones]));
    const replyIds = ids(await sql.all<{ id: number }>(`DELETE FROM inbound_messages WHERE ${REPLIES_OF} RETURNING id`, [id, phones]));
    const deletedAppointmentIds = ids(
      await sql.all<{ id: number }>('DELETE FROM appointments WHERE client_id = ? AND start_at >= ? RETURNING id', [id, now]),
    );
    const keptAppointmentIds = ids(
      await sql.all<{ id: number }>(`UPDATE appointments SET notes = '', updated_at = ? WHERE client_id = ? RETURNING id`, [now, id]),
    );
    await sql.run(
      `UPDATE clients SET first_name = '', last_name = '', mobile = NULL, email = NULL, notes = '',
              hold_until = NULL, hold_reason = NULL, erased_at = ?1, updated_at = ?1
        WHERE id = ?2`,
      [now, id],
    );
    return { messageIds, replyIds, deletedAppointmentIds, keptAppointmentIds };
  }

  /**
   * Merges the client search index into one segment. The index is contentless: a
   * deleted row only gets a tombstone, and its terms (name words, phone digits) stay
   * in the old segments until a merge drops them; "optimize" merges everything.
   */
  async purgeSearchIndex(sql: SqlExecutor): Promise<void> {
    await sql.run(`INSERT INTO clients_search (clients_search) VALUES ('optimize')`);
  }

  async setHold(sql: SqlExecutor, id: number, until: string, reason: string, now: number): Promise<void> {
    await sql.run('UPDATE clients SET hold_until = ?, hold_reason = ?, updated_at = ? WHERE id = ?', [until, reason, now, id]);
  }

  async clearHold(sql: SqlExecutor, id: number, now: number): Promise<void> {
    await sql.run('UPDATE clients SET hold_until = NULL, hold_reason = NULL, updated_at = ? WHERE id = ?', [now, id]);
  }

  /** Every client (not erased) with a hold, the soonest end first. */
  async holds(sql: SqlExecutor): Promise<HoldRecord[]> {
    return sql.all<HoldRecord>(
      `SELECT id, first_name, last_name, hold_until, hold_reason FROM clients
        WHERE hold_until IS NOT NULL AND erased_at IS NULL ORDER BY hold_until, last_name COLLATE NOCASE, id`,
    );
  }
}
