import type { OfficeSummary } from '../contract/schemas';
import type { Database } from '../db/database';

/** The counts that decide which empty states and hints the UI shows. */
export async function officeSummary(db: Database, now: number): Promise<OfficeSummary> {
  const row = await db.get<OfficeSummary>(
    `SELECT
       (SELECT count(*) FROM clients WHERE archived_at IS NULL AND erased_at IS NULL) AS clients,
       (SELECT count(*) FROM staff WHERE active = 1) AS staff,
       (SELECT count(*) FROM rooms WHERE active = 1) AS rooms,
       (SELECT count(*) FROM appointments WHERE start_at >= ? AND status NOT IN ('cancelled')) AS upcomingAppointments,
       (SELECT count(*) FROM messages WHERE state = 'queued') AS queuedMessages`,
    [now],
  );
  if (!row) throw new Error('summary query returned nothing');
  return row;
}
