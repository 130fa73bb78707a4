import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXIT_OK, EXIT_PROBLEM, EXIT_USAGE } from '../../app/entry-support';
import {
  duplicatePolicies,
  type DuplicatePolicy,
  type ImportIssue,
  type ImportReport,
} from '../../contract/clients-import-schemas';
import { ApiError } from '../../contract/errors';
import type { CliCommand } from '../cli-command';

const BAD_PHONES = { reject: 'reject', keep: 'importWithout' } as const;

/**
 * `import clients FILE`: the same import as the UI's wizard, with the same report.
 * Exit 0 when every row was imported (duplicates skipped on purpose count as fine),
 * 1 when rows were rejected, 2 when the file cannot be used at all or on bad usage.
 */
export const importClientsCommand: CliCommand = {
  name: 'import',
  usage: [
    'import clients FILE [--dry-run] [--all-or-nothing] [--duplicates skip|import|update] [--bad-phones reject|keep]',
    '                              import clients from a CSV file (exit 0 all imported, 1 rows rejected, 2 unusable file)',
  ],
  options: {
    'dry-run': { type: 'boolean' },
    'all-or-nothing': { type: 'boolean' },
    duplicates: { type: 'string' },
    'bad-phones': { type: 'string' },
  },
  checkUsage(values, args) {
    if (args[0] !== 'clients') return 'import takes what to import: "import clients FILE".';
    if (args.length !== 2) return args.length < 2 ? 'import clients needs a FILE.' : `Unexpected argument "${args[2]}".`;
    const duplicates = values.duplicates;
    if (duplicates !== undefined && !(duplicatePolicies as readonly unknown[]).includes(duplicates)) {
      return `--duplicates must be one of ${duplicatePolicies.join(', ')}.`;
    }
    const badPhones = values['bad-phones'];
    if (badPhones !== undefined && !Object.hasOwn(BAD_PHONES, String(badPhones))) return '--bad-phones must be reject or keep.';
    return undefined;
  },
  async run({ core, values, args, print }) {
    const path = resolve(args[1] ?? '');
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (err) {
      print(`Cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
      return EXIT_USAGE;
    }
    const importId = randomUUID();
    const showProgress = process.stderr.isTTY;
    const stopProgress = core.events.subscribe((event) => {
      if (showProgress && event.event === 'clients.import.progress' && event.payload.importId === importId) {
        process.stderr.write(`\r  ${event.payload.processed} of ${event.payload.total} rows…`);
      }
    });
    let report: ImportReport;
    try {
      report = await core.api['clients.import.run']({
        content: bytes.toString('base64'),
        duplicates: (values.duplicates as DuplicatePolicy | undefined) ?? 'skip',
        phoneProblems: BAD_PHONES[(values['bad-phones'] as keyof typeof BAD_PHONES | undefined) ?? 'reject'],
        allOrNothing: values['all-or-nothing'] === true,
        dryRun: values['dry-run'] === true,
        importId,
      });
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      print(`Cannot import ${path}: ${err.message.replace(/^content: /, '')}`);
      return err.code === 'VALIDATION' ? EXIT_USAGE : EXIT_PROBLEM;
    } finally {
      stopProgress();
      if (showProgress) process.stderr.write('\n');
    }
    for (const line of reportLines(path, report)) print(line);
    return report.rejected.length > 0 ? EXIT_PROBLEM : EXIT_OK;
  },
};

const ENCODINGS: Record<ImportReport['encoding'], string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  mixed: 'UTF-8, some lines Windows-1252',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16',
};
const DELIMITERS: Record<ImportReport['delimiter'], string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

function reportLines(path: string, report: ImportReport): string[] {
  const would = report.committed ? '' : 'would be ';
  const lines = [
    `${report.dryRun ? 'Checked' : 'Imported'} ${path}: ${report.records} rows, ${ENCODINGS[report.encoding]}, fields separated by ${DELIMITERS[report.delimiter]}.`,
    `  New clients ${would}created: ${report.created}`,
    `  Existing clients ${would}updated: ${report.updated}`,
    ...section('Skipped (duplicates)', report.skipped),
    ...section('Rejected', report.rejected),
    ...section('Imported without the mobile', report.warnings),
  ];
  if (report.dryRun) lines.push('Dry run: nothing was written.');
  else if (!report.committed) lines.push(`Nothing was written: --all-or-nothing and ${report.rejected.length} rows rejected.`);
  return lines;
}

function section(title: string, issues: readonly ImportIssue[]): string[] {
  if (issues.length === 0) return [];
  return [`  ${title}: ${issues.length}`, ...issues.map((issue) => `    line ${issue.line}: ${issue.message}`)];
}
