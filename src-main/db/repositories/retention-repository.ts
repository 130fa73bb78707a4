import type { SqlExecutor } from '../sqlite-connection';

export interface RetentionCutoffs {
  messageTexts: number;
  replies: number;
  auditLog: number;
}

/** A client whose legal hold still runs on `today` keeps everything, past its period or not. */
const held = (clientColumn: string) =>
  `EXISTS (SELECT 1 FROM clients c WHERE c.id = ${clientColumn} AND c.hold_until >= ?2 AND c.erased_at IS NULL)`;

/**
 * Messages that may still go (queued, or with the channel now) are never touched,
 * whatever their age: retention blanks only what is over.
 */
const OVER = `state NOT IN ('queued', 'sending')`;

/** The statements of one retention pass; the service runs them in one transaction. */
export class RetentionRepository {
  /** Blanks the texts of messages created before the cutoff; rows and states stay, for counts. */
  async blankMessageTexts(sql: SqlExecutor, cutoff: number, today: string): Promise<{ blanked: number; held: number }> {
    const { changes } = await sql.run(
      `UPDATE messages SET body = '' WHERE created_at < ?1 AND body != '' AND ${OVER} AND NOT ${held('messages.client_id')}`,
      [cutoff, today],
    );
    const kept = await sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM messages WHERE created_at < ?1 AND body != '' AND ${OVER} AND ${held('messages.client_id')}`,
      [cutoff, today],
    );
    return { blanked: changes, held: kept?.n ?? 0 };
  }

  /** Deletes replies received before the cutoff. */
  async deleteReplies(sql: SqlExecutor, cutoff: number, today: string): Promise<{ deleted: number; held: number }> {
    const { changes } = await sql.run(
      `DELETE FROM inbound_messages WHERE received_at < ?1 AND NOT ${held('inbound_messages.client_id')}`,
      [cutoff, today],
    );
    const kept = await sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM inbound_messages WHERE received_at < ?1 AND ${held('inbound_messages.client_id')}`,
      [cutoff, today],
    );
    return { deleted: changes, held: kept?.n ?? 0 };
  }

  /**
   * Deletes audit entries older than the cutoff: the one way out of the append-only
   * log. The gate (migration 004) is opened and closed again inside the caller's
   * transaction, so no other connection ever sees it open, and a failure rolls the
   * opening back with everything else.
   */
  async deleteAuditEntries(sql: SqlExecutor, cutoff: number): Promise<number> {
    await sql.run('UPDATE retention_gate SET open = 1 WHERE id = 1');
    const { changes } = await sql.run('DELETE FROM audit_log WHERE at < ?', [cutoff]);
    await sql.run('UPDATE retention_gate SET open = 0 WHERE id = 1');
    return changes;
  }

  /** The job's own record of its last pass: not a setting anyone changes, so no audit entry of its own. */
  async writeLastRun(sql: SqlExecutor, key: string, value: unknown, now: number): Promise<void> {
    await sql.run(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [key, JSON.stringify(value), now],
    );
  }
}
