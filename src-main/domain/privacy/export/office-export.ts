import type { OfficeExportCounts } from '../../../contract/privacy-export-methods';
import type { Settings } from '../../../contract/schemas';
import { appendAudit } from '../../../db/repositories/audit-log';
import {
  PrivacyExportRepository,
  type ExportedTable,
  type StoredRow,
} from '../../../db/repositories/privacy-export-repository';
import { officeDate, type ExportDeps, type ExportedZip } from './client-export';
import { csvLine, CSV_BOM, type CsvValue } from './csv-table';
import { readEvidenceFiles } from './evidence-files';
import { officeReadme, README_FILES } from './export-readme';
import { ExportProgress, type ProgressSink } from './export-progress';
import { officeDateTime } from './export-words';
import { isoInstant, jsonRow, jsonValue } from './row-shape';
import { isSecretName, withoutSecrets } from './without-secrets';
import { ZipWriter, type ZipEntryWriter } from './zip-writer';

export const OFFICE_EXPORT_FORMAT = 'promemoria.office-export';
export const OFFICE_EXPORT_VERSION = 1;

/** Rows read (and compressed) at a time: a big table never sits whole in memory as text. */
const PAGE_ROWS = 1000;

/**
 * The whole office as one ZIP, for moving to another system: data.json (format
 * "promemoria.office-export", every table under "tables", names as in the
 * database) and one CSV per table with the same columns, the consent evidence
 * files, and LEGGIMI.txt / README.txt.
 *
 * Every table is exported except SQLite's own, the search index (derived from the
 * clients) and the audit log's retention gate; a table a later migration adds is
 * included without changes here. Settings come from the settings table only, and
 * anything in it named like a secret is left out (secrets are not stored there).
 *
 * One transaction reads every table, page by page, so the files are one consistent
 * snapshot; like a backup, it holds the database for as long as that takes.
 */
export class OfficeExportService {
  constructor(private readonly deps: ExportDeps) {}

  async export(sink?: ProgressSink): Promise<ExportedZip<OfficeExportCounts>> {
    const progress = new ExportProgress(sink);
    const settings = await this.deps.settings.get();
    const now = this.deps.clock.now();
    const zip = new ZipWriter(now);
    const json = zip.open('data.json');
    json.write(
      [
        '{',
        `  "format": ${JSON.stringify(OFFICE_EXPORT_FORMAT)},`,
        `  "version": ${OFFICE_EXPORT_VERSION},`,
        `  "exportedAt": ${JSON.stringify(isoInstant(now))},`,
        `  "app": ${JSON.stringify({ name: 'Promemoria', version: this.deps.appVersion })},`,
        `  "office": ${JSON.stringify(officeBlock(settings))},`,
        '  "tables": {',
      ].join('\n') + '\n',
    );

    const { tables, evidenceRows } = await this.deps.db.transaction(async (tx) => {
      const repository = new PrivacyExportRepository(tx);
      const exported = await repository.exportedTables();
      const sizes = await Promise.all(exported.map((table) => repository.count(table.name)));
      const evidence = exported.some((table) => table.name === 'consents') ? await repository.evidencePaths() : [];
      progress.start(sizes.reduce((sum, n) => sum + n, 0) + evidence.length + 1);
      const written: { name: string; rows: number }[] = [];
      for (const [index, table] of exported.entries()) {
        const rows = await writeTable(repository, table, zip, json, progress);
        json.write(index === exported.length - 1 ? '\n' : ',\n');
        written.push({ name: table.name, rows });
      }
      return { tables: written, evidenceRows: evidence };
    });

    const evidence = await readEvidenceFiles(this.deps.dataDir, evidenceRows);
    progress.advance(evidenceRows.length);
    for (const file of evidence.files) zip.addBytes(file.zipPath, file.bytes);
    const counts: OfficeExportCounts = {
      tables: Object.fromEntries(tables.map((table) => [table.name, table.rows])),
      evidenceFiles: evidence.files.length,
      evidenceMissing: evidence.missing.length,
    };
    json.write(
      [
        '  },',
        `  "counts": ${JSON.stringify(counts.tables)},`,
        `  "evidenceFiles": ${JSON.stringify(evidence.files.map((file) => ({ consentId: file.consentId, file: file.zipPath })))},`,
        `  "evidenceMissing": ${JSON.stringify(evidence.missing)}`,
        '}',
      ].join('\n') + '\n',
    );
    json.end();
    for (const language of ['it', 'en'] as const) {
      zip.addText(
        README_FILES[language],
        officeReadme(language, {
          officeName: settings.officeName,
          officeType: settings.officeType,
          exportedAt: officeDateTime(now, settings.timeZone),
          timeZone: settings.timeZone,
          tables,
          evidenceFiles: evidence.files.length,
          evidenceMissing: evidence.missing,
        }),
      );
    }
    const bytes = zip.finish();

    await this.deps.db.transaction((tx) =>
      appendAudit(tx, this.deps.clock.now(), {
        actor: this.deps.actor,
        action: 'privacy.export.office',
        detail: JSON.stringify({ ...counts.tables, evidenceFiles: counts.evidenceFiles }),
      }),
    );
    progress.finish();
    const prefix = (settings.language ?? 'it') === 'it' ? 'promemoria-studio' : 'promemoria-office';
    return { fileName: `${prefix}-${officeDate(now, settings.timeZone)}.zip`, bytes, counts };
  }
}

/** The office's details as the app reads them (defaults filled in), besides the raw settings table. */
function officeBlock(settings: Settings): Record<string, unknown> {
  return {
    name: settings.officeName,
    phone: settings.officePhone,
    type: settings.officeType,
    language: settings.language,
    timeZone: settings.timeZone,
    defaultRegion: settings.defaultRegion,
  };
}

/** Writes one table into data.json (a JSON array, one row per line) and its CSV; returns how many rows. */
async function writeTable(
  repository: PrivacyExportRepository,
  table: ExportedTable,
  zip: ZipWriter,
  json: ZipEntryWriter,
  progress: ExportProgress,
): Promise<number> {
  const columns = await repository.columns(table.name);
  const csv = zip.open(`${table.name}.csv`);
  csv.write(CSV_BOM + csvLine(columns));
  json.write(`    ${JSON.stringify(table.name)}: [`);
  let written = 0;
  let after = 0;
  for (;;) {
    const page = await repository.page(table, after, PAGE_ROWS);
    const rows = table.name === 'settings' ? page.rows.flatMap(settingWithoutSecrets) : page.rows;
    if (rows.length > 0) {
      json.write(rows.map((row, index) => `${written + index === 0 ? '' : ','}\n      ${JSON.stringify(jsonRow(table.name, row, 'stored'))}`).join(''));
      csv.write(rows.map((row) => csvRow(table.name, columns, row)).join(''));
      written += rows.length;
    }
    progress.advance(page.rows.length);
    if (page.last === undefined) break;
    after = page.last;
  }
  json.write(written === 0 ? ']' : '\n    ]');
  csv.end();
  return written;
}

/** A CSV line: the same values as data.json (instants in ISO 8601 UTC, flags 1/0, JSON as JSON text), names as stored. */
function csvRow(table: string, columns: readonly string[], row: StoredRow): string {
  return csvLine(columns.map((column) => jsonValue(table, column, row[column] ?? null) as CsvValue));
}

/** A settings row, without any property named like a secret; none at all when its key is one. */
function settingWithoutSecrets(row: StoredRow): StoredRow[] {
  const key = row.key;
  if (typeof key === 'string' && isSecretName(key)) return [];
  if (typeof row.value !== 'string') return [row];
  try {
    return [{ ...row, value: JSON.stringify(withoutSecrets(JSON.parse(row.value) as unknown)) }];
  } catch {
    return [row];
  }
}
