import type { SqlExecutor } from '../sqlite-connection';

export interface AuditEntry {
  actor: string;
  /** "clients.update", "appointments.create"… */
  action: string;
  entity?: string;
  entityId?: number;
  /** Ids and counts only: the audit log is append-only, so nothing personal may go in. */
  detail?: string;
}

/** One row in the append-only audit log, inside the caller's transaction. */
export async function appendAudit(tx: SqlExecutor, at: number, entry: AuditEntry): Promise<void> {
  await tx.run('INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)', [
    at,
    entry.actor,
    entry.action,
    entry.entity ?? null,
    entry.entityId ?? null,
    entry.detail ?? null,
  ]);
}
