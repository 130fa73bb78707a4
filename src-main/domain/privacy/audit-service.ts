import type { Clock } from '../../app/clock';
import type { AuditEntry, AuditFilters } from '../../contract/audit-methods';
import type { Language } from '../../contract/schemas';
import { AuditLogReader, type AuditLogRow } from '../../db/repositories/audit-log-reader';
import type { SqlExecutor } from '../../db/sqlite-connection';
import type { SettingsService } from '../settings-service';
import { utcToZoned } from '../time-zone';
import { auditCsvHeader, auditCsvLines } from './audit-csv';

export interface AuditServiceDeps {
  db: SqlExecutor;
  settings: SettingsService;
  clock: Clock;
}

/**
 * The audit log viewer's reads. It never writes: the log is append-only, and
 * reading or exporting it leaves no entry of its own. Client names are looked up
 * live from the client list; an erased client shows as erased, never by name.
 */
export class AuditService {
  private readonly reader: AuditLogReader;

  constructor(private readonly deps: AuditServiceDeps) {
    this.reader = new AuditLogReader(deps.db);
  }

  async list(filters: AuditFilters, offset: number, limit: number): Promise<{ total: number; items: AuditEntry[] }> {
    const [total, rows] = await Promise.all([this.reader.count(filters), this.reader.page(filters, offset, limit)]);
    return { total, items: rows.map(toEntry) };
  }

  async actions(): Promise<{ actions: string[]; actors: string[] }> {
    return { actions: await this.reader.distinctActions(), actors: await this.reader.distinctActors() };
  }

  async exportCsv(filters: AuditFilters, language: Language | undefined): Promise<{ fileName: string; mimeType: string; content: string; rows: number }> {
    const settings = await this.deps.settings.get();
    const options = { language: language ?? settings.language ?? 'it', officeType: settings.officeType, timeZone: settings.timeZone };
    const parts = [auditCsvHeader(options)];
    let rows = 0;
    for await (const batch of this.reader.all(filters)) {
      parts.push(auditCsvLines(batch.map(toEntry), options));
      rows += batch.length;
    }
    const day = utcToZoned(this.deps.clock.now(), settings.timeZone);
    const date = [day.year, day.month, day.day].map((part) => String(part).padStart(2, '0')).join('-');
    return {
      fileName: `${options.language === 'it' ? 'registro-attivita' : 'audit-log'}-${date}.csv`,
      mimeType: 'text/csv',
      content: parts.join(''),
      rows,
    };
  }
}

function toEntry(row: AuditLogRow): AuditEntry {
  let client: AuditEntry['client'] = null;
  if (row.client_id !== null) {
    // A client row that is gone, or marked erased, is shown as erased: its name is not ours to show.
    const erased = row.client_found === 0 || row.erased_at !== null;
    client = { id: row.client_id, name: erased ? null : `${row.last_name ?? ''} ${row.first_name ?? ''}`.trim(), erased };
  }
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    detail: row.detail,
    client,
  };
}
