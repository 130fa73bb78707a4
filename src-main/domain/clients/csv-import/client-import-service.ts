import type { Clock } from '../../../app/clock';
import type { EventHub } from '../../../app/event-hub';
import {
  importFields,
  MAX_IMPORT_BYTES,
  type ImportField,
  type ImportPreview,
  type ImportReport,
  type ImportRunInput,
} from '../../../contract/clients-import-schemas';
import { ApiError } from '../../../contract/errors';
import type { Database } from '../../../db/database';
import type { ClientFields, ClientsRepository } from '../../../db/repositories/clients-repository';
import type { SqlExecutor } from '../../../db/sqlite-connection';
import type { SettingsService } from '../../settings-service';
import { recognizeColumns } from './header-mapping';
import type { CsvRecord } from './parse-csv';
import { readCsvFile, type CsvFile } from './read-csv-file';
import { readRow, type RowContext, type RowOutcome } from './read-row';
import { appendAudit } from '../../../db/repositories/audit-log';

const PREVIEW_ROWS = 10;
/** Rows per transaction when rows are written as they come: short enough that the desk is never kept waiting. */
const CHUNK_ROWS = 500;

export type ImportOptions = Omit<ImportRunInput, 'content'>;

/** Thrown inside a transaction body to undo it: a dry run, or all-or-nothing with rejected rows. */
class RollBack extends Error {}

/** Where a duplicate's mobile is already used: by clients in the list, and by which line of this file. */
interface MobileOwners {
  ids: number[];
  line?: number;
}

/**
 * CSV import: the same checks for the UI's preview and run and for the command
 * line. Rows are read and checked first (pure), then written: in chunks of
 * CHUNK_ROWS rows per transaction, or, for a dry run and for all-or-nothing, in one
 * transaction that is rolled back at the end if nothing must stay.
 */
export class ClientImportService {
  constructor(
    private readonly db: Database,
    private readonly clients: ClientsRepository,
    private readonly settings: SettingsService,
    private readonly clock: Clock,
    private readonly events: EventHub,
  ) {}

  preview(content: string): ImportPreview {
    const file = this.readFile(content);
    const mapping = recognizeColumns(file.headers);
    return {
      encoding: file.encoding,
      delimiter: file.delimiter,
      headerLine: file.headerLine,
      columns: file.headers.map((header, index) => ({ header, field: mapping[index] ?? null })),
      sample: file.records.slice(0, PREVIEW_ROWS).map((record) => ({ line: record.line, values: record.fields })),
      records: file.records.length,
    };
  }

  async run(content: string, options: ImportOptions, actor: string): Promise<ImportReport> {
    const file = this.readFile(content);
    const mapping = options.mapping ?? recognizeColumns(file.headers);
    checkMapping(mapping, file.headers.length);
    const { defaultRegion, language } = await this.settings.get();
    const context: RowContext = { mapping, defaultRegion, defaultLanguage: language ?? 'it', phoneProblems: options.phoneProblems };

    const report: ImportReport = {
      encoding: file.encoding,
      delimiter: file.delimiter,
      records: file.records.length,
      created: 0,
      updated: 0,
      skipped: [],
      rejected: [],
      warnings: [],
      dryRun: options.dryRun,
      committed: false,
    };
    const rows = file.records.map((record) => ({ record, outcome: readRow(record, context) }));
    const now = this.clock.now();
    const progress = (processed: number) => {
      if (options.importId !== undefined) {
        this.events.emit('clients.import.progress', { importId: options.importId, processed, total: rows.length });
      }
    };
    const write = (tx: SqlExecutor, slice: typeof rows, owners: Map<string, MobileOwners>) =>
      this.writeRows(tx, slice, owners, options, report, actor, now);

    progress(0);
    if (options.dryRun || options.allOrNothing) {
      try {
        await this.db.transaction(async (tx) => {
          const owners = await mobileOwners(tx);
          for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
            await write(tx, rows.slice(start, start + CHUNK_ROWS), owners);
            progress(Math.min(rows.length, start + CHUNK_ROWS));
          }
          if (options.dryRun || report.rejected.length > 0) throw new RollBack();
          await this.auditImport(tx, report, actor, now);
        });
        report.committed = true;
      } catch (err) {
        if (!(err instanceof RollBack)) throw err;
      }
    } else {
      const owners = await mobileOwners(this.db);
      for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
        await this.db.transaction((tx) => write(tx, rows.slice(start, start + CHUNK_ROWS), owners));
        progress(Math.min(rows.length, start + CHUNK_ROWS));
      }
      await this.db.transaction((tx) => this.auditImport(tx, report, actor, now));
      report.committed = true;
    }
    progress(rows.length);
    return report;
  }

  private async writeRows(
    tx: SqlExecutor,
    rows: { record: CsvRecord; outcome: RowOutcome }[],
    owners: Map<string, MobileOwners>,
    options: ImportOptions,
    report: ImportReport,
    actor: string,
    now: number,
  ): Promise<void> {
    for (const { record, outcome } of rows) {
      if (!outcome.ok) {
        report.rejected.push(outcome.issue);
        continue;
      }
      const { fields } = outcome;
      const existing = fields.mobile === null ? undefined : owners.get(fields.mobile);
      if (existing && options.duplicates !== 'import') {
        const where = existing.line === undefined ? 'a client already in the list' : `line ${existing.line}`;
        const duplicate = (message: string) =>
          report.skipped.push({
            line: record.line,
            reason: 'duplicate',
            message: `same mobile as ${where}${message}`,
            ...(existing.line === undefined ? {} : { otherLine: existing.line }),
          });
        if (options.duplicates === 'skip') {
          duplicate(': left as it is');
          continue;
        }
        const [id, ...others] = existing.ids;
        if (id === undefined || others.length > 0) {
          report.rejected.push({
            line: record.line,
            reason: 'ambiguous_duplicate',
            message: `${existing.ids.length} clients have this mobile: update the right one by hand`,
          });
          continue;
        }
        const changed = await this.updateFrom(tx, id, fields, outcome.filled, now);
        if (changed.length === 0) {
          duplicate(', with the same data: nothing to change');
          continue;
        }
        await this.clients.audit(tx, 'client.update', id, actor, now, `import; fields: ${changed.join(',')}`);
        report.updated++;
      } else {
        const id = await this.clients.insert(tx, fields, now);
        await this.clients.audit(tx, 'client.create', id, actor, now, 'import');
        if (fields.mobile !== null) {
          const owner = owners.get(fields.mobile);
          if (owner) owner.ids.push(id);
          else owners.set(fields.mobile, { ids: [id], line: record.line });
        }
        report.created++;
      }
      if (outcome.warning) report.warnings.push(outcome.warning);
    }
  }

  /** "Update existing": the values the row has replace the client's; empty cells leave theirs alone. */
  private async updateFrom(
    tx: SqlExecutor,
    id: number,
    fields: ClientFields,
    filled: ReadonlySet<keyof ClientFields>,
    now: number,
  ): Promise<(keyof ClientFields)[]> {
    const current = await this.clients.get(id, tx);
    if (!current) return [];
    const stored: ClientFields = {
      firstName: current.first_name,
      lastName: current.last_name,
      mobile: current.mobile,
      email: current.email,
      language: current.language,
      notes: current.notes,
    };
    const next = { ...stored };
    for (const field of filled) Object.assign(next, { [field]: fields[field] });
    const changed = (Object.keys(stored) as (keyof ClientFields)[]).filter((field) => stored[field] !== next[field]);
    if (changed.length > 0) await this.clients.update(tx, id, next, now);
    return changed;
  }

  /** One entry for the import itself, with counts only. */
  private async auditImport(tx: SqlExecutor, report: ImportReport, actor: string, now: number): Promise<void> {
    await appendAudit(tx, now, {
      actor,
      action: 'clients.import',
      entity: 'client',
      detail: `created ${report.created}, updated ${report.updated}, skipped ${report.skipped.length}, rejected ${report.rejected.length}`,
    });
  }

  private readFile(content: string): CsvFile {
    const bytes = Buffer.from(content, 'base64');
    if (bytes.length > MAX_IMPORT_BYTES) throw unusable('the file is larger than 32 MB: split it into smaller files');
    const read = readCsvFile(bytes);
    if (!read.ok) throw unusable(read.problem);
    return read.file;
  }
}

/** Every mobile in the list and the clients who have it, so each row's duplicate check is a lookup. */
async function mobileOwners(executor: SqlExecutor): Promise<Map<string, MobileOwners>> {
  const rows = await executor.all<{ id: number; mobile: string }>(
    'SELECT id, mobile FROM clients WHERE mobile IS NOT NULL AND erased_at IS NULL ORDER BY id',
  );
  const owners = new Map<string, MobileOwners>();
  for (const { id, mobile } of rows) {
    const owner = owners.get(mobile);
    if (owner) owner.ids.push(id);
    else owners.set(mobile, { ids: [id] });
  }
  return owners;
}

function checkMapping(mapping: readonly (ImportField | null)[], columns: number): void {
  if (mapping.length !== columns) {
    throw new ApiError('VALIDATION', `mapping: ${mapping.length} entries for ${columns} columns`, 'mapping');
  }
  const used = mapping.filter((field): field is ImportField => field !== null);
  const twice = importFields.find((field) => used.indexOf(field) !== used.lastIndexOf(field));
  if (twice) throw new ApiError('VALIDATION', `mapping: two columns fill ${twice}`, 'mapping');
  if (!used.includes('lastName')) {
    throw new ApiError('VALIDATION', 'mapping: no column is the last name (a header such as "Cognome" or "Last name")', 'mapping');
  }
}

function unusable(problem: string): ApiError {
  return new ApiError('VALIDATION', `content: ${problem}`, 'content');
}
