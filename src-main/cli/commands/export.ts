import { randomUUID } from 'node:crypto';
import { access, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Core } from '../../app/create-core';
import { EXIT_OK, EXIT_PROBLEM } from '../../app/entry-support';
import { ApiError } from '../../contract/errors';
import type { ClientExportCounts, OfficeExportCounts } from '../../contract/privacy-export-methods';
import { errorCode } from '../../db/sqlite-connection';
import type { CliCommand, CliContext } from '../cli-command';

const WHAT = 'export takes what to export: "export clients --out FILE", "export --client ID --out FILE.zip" or "export --all --out FILE.zip".';

/**
 * `export clients --out FILE`: the client list as CSV for Excel (UTF-8 with BOM, ";"), as the UI's export button makes it.
 * `export --client ID --out FILE.zip`: everything held about one client (GDPR access and portability), as the privacy panel makes it.
 * `export --all --out FILE.zip`: the whole office, for moving to another system.
 * None replaces an existing file without --force; each ZIP export is written to the audit log.
 */
export const exportCommand: CliCommand = {
  name: 'export',
  usage: [
    'export clients --out FILE [--archived] [--force]',
    '                              write the client list (or the archived clients) as CSV for Excel',
    'export --client ID --out FILE.zip [--force]',
    '                              write everything held about one client (GDPR access and portability) as a ZIP',
    'export --all --out FILE.zip [--force]',
    '                              write the whole office (every client, appointment, message, consent…) as a ZIP',
  ],
  options: {
    out: { type: 'string' },
    archived: { type: 'boolean' },
    force: { type: 'boolean' },
    client: { type: 'string' },
    all: { type: 'boolean' },
  },
  checkUsage(values, args) {
    const out = typeof values.out === 'string' && values.out !== '';
    if (args[0] === 'clients') {
      if (args.length > 1) return `Unexpected argument "${args[1]}".`;
      if (values.client !== undefined || values.all !== undefined) return 'export clients writes the client list; for a ZIP, use "export --client ID" or "export --all" alone.';
      return out ? undefined : 'export clients needs --out FILE.';
    }
    if (args.length > 0) return `Unexpected argument "${String(args[0])}". ${WHAT}`;
    if (values.client === undefined && values.all === undefined) return WHAT;
    if (values.client !== undefined && values.all !== undefined) return 'export takes either --client ID or --all, not both.';
    if (values.archived !== undefined) return '--archived is for "export clients" only.';
    if (values.client !== undefined && clientId(values.client) === undefined) return `--client takes a client's id number (a whole number), not "${String(values.client)}".`;
    return out ? undefined : `export ${values.all === true ? '--all' : '--client ID'} needs --out FILE.zip.`;
  },
  async run(context) {
    if (context.args[0] === 'clients') return exportClientList(context);
    return exportZip(context, clientId(context.values.client));
  },
};

async function exportClientList({ core, values, print }: CliContext): Promise<number> {
  const path = resolve(String(values.out));
  const force = values.force === true;
  if (!force && (await exists(path))) return refuseExisting(path, print);
  const file = await core.api['clients.exportCsv']({ archived: values.archived === true });
  if (!(await write(path, file.content, force, print))) return EXIT_PROBLEM;
  print(`Exported ${file.rows} clients to ${path}`);
  return EXIT_OK;
}

/** One client's ZIP (id given) or the whole office's. */
async function exportZip({ core, values, print }: CliContext, id: number | undefined): Promise<number> {
  const path = resolve(String(values.out));
  const force = values.force === true;
  // Checked first, so a refused write leaves no export in the audit log.
  if (!force && (await exists(path))) return refuseExisting(path, print);
  const exportId = randomUUID();
  const stopProgress = showProgress(core, exportId);
  let file;
  try {
    file =
      id === undefined
        ? await core.api['privacy.export.office']({ exportId })
        : await core.api['privacy.export.client']({ clientId: id, exportId });
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    print(`Nothing exported: ${err.message}`);
    return EXIT_PROBLEM;
  } finally {
    stopProgress();
  }
  if (!(await write(path, Buffer.from(file.contentBase64, 'base64'), force, print))) return EXIT_PROBLEM;
  const size = `${Math.max(1, Math.ceil(file.bytes / 1024))} KB`;
  if ('appointments' in file.counts) {
    print(`Exported client ${String(id)} to ${path} (${size}): ${clientSummary(file.counts)}`);
  } else {
    print(`Exported the whole office to ${path} (${size}): ${officeSummary(file.counts)}`);
  }
  const missing = file.counts.evidenceMissing;
  if (missing > 0) print(`${missing} consent ${missing === 1 ? 'document' : 'documents'} could not be read; the README in the ZIP says which.`);
  return EXIT_OK;
}

function clientSummary(counts: ClientExportCounts): string {
  return [
    plural(counts.appointments, 'appointment'),
    plural(counts.messages, 'message'),
    plural(counts.replies, 'reply', 'replies'),
    plural(counts.consents, 'consent record'),
    plural(counts.auditEntries, 'audit entry', 'audit entries'),
    plural(counts.evidenceFiles, 'evidence file'),
  ].join(', ');
}

function officeSummary(counts: OfficeExportCounts): string {
  const rows = (table: string) => counts.tables[table] ?? 0;
  return [
    plural(rows('clients'), 'client'),
    plural(rows('appointments'), 'appointment'),
    plural(rows('messages'), 'message'),
    plural(rows('inbound_messages'), 'reply', 'replies'),
    plural(rows('consents'), 'consent record'),
    `${Object.keys(counts.tables).length} tables`,
  ].join(', ');
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "12" → 12; anything but a positive whole number → undefined. */
function clientId(value: string | boolean | undefined): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value.trim())) return undefined;
  const id = Number(value.trim());
  return id > 0 ? id : undefined;
}

/** "  42%…" on stderr while a ZIP is made, when someone is watching a terminal. */
function showProgress(core: Core, exportId: string): () => void {
  if (!process.stderr.isTTY) return () => undefined;
  const stop = core.events.subscribe((event) => {
    if (event.event === 'privacy.export.progress' && event.payload.exportId === exportId) {
      process.stderr.write(`\r  ${Math.floor((event.payload.done / Math.max(1, event.payload.total)) * 100)}%…`);
    }
  });
  return () => {
    stop();
    process.stderr.write('\n');
  };
}

async function write(path: string, content: string | Buffer, force: boolean, print: (line: string) => void): Promise<boolean> {
  try {
    await writeFile(path, content, typeof content === 'string' ? { encoding: 'utf8', flag: force ? 'w' : 'wx' } : { flag: force ? 'w' : 'wx' });
    return true;
  } catch (err) {
    const hint = errorCode(err) === 'EEXIST' ? ' (it already exists: add --force to replace it)' : '';
    print(`Not written: ${path}${hint}: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}

function refuseExisting(path: string, print: (line: string) => void): number {
  print(`Not written: ${path} (it already exists: add --force to replace it)`);
  return EXIT_PROBLEM;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
