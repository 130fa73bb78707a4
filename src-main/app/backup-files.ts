import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { backupDatabase, type BackupResult } from '../db/backup';
import type { Database } from '../db/database';
import { appendAudit } from '../db/repositories/audit-log';
import type { SettingsRepository } from '../db/repositories/settings-repository';
import { backupsDirIn } from './data-dir';

/** The setting that names the folder for automatic and manual backups (null or absent: the data folder's backups/). */
export const BACKUPS_FOLDER_KEY = 'backups.folder';
/** Beside the backups: what quick_check said of each copy when it was written. */
const CHECKS_FILE = '.promemoria-backups.json';

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;

export type BackupKind = 'daily' | 'weekly' | 'manual' | 'before-upgrade' | 'before-restore';
export type BackupLocation = 'data' | 'folder';

export interface BackupFile {
  /** The file name (never a path: paths name people and cross no boundary). */
  file: string;
  location: BackupLocation;
  path: string;
  kind: BackupKind;
  bytes: number;
  /** Epoch ms: from the name, or the file's modification time. */
  at: number;
  /** What quick_check said when Promemoria wrote or last checked it; null when unknown. */
  integrity: string | null;
}

/** A file-name-safe UTC stamp, sortable: 2026-11-24T23-05-00-000Z. */
export function stampOf(at: number): string {
  return new Date(at).toISOString().replace(/[:.]/g, '-');
}

function parseStamp(stamp: string): number | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(stamp);
  if (!match) return undefined;
  const at = Date.parse(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
  return Number.isNaN(at) ? undefined : at;
}

export function automaticBackupName(at: number): string {
  return `promemoria-auto-${stampOf(at)}.sqlite`;
}
export function manualBackupName(at: number): string {
  return `promemoria-manual-${stampOf(at)}.sqlite`;
}
export function beforeRestoreName(at: number): string {
  return `before-restore-${stampOf(at)}.sqlite`;
}

/** The kind a name says (automatic copies are "daily" until rotation calls them weekly), and its stamp. */
export function classifyName(name: string): { kind: BackupKind | 'auto'; at: number | undefined } | undefined {
  if (!name.endsWith('.sqlite') || name.startsWith('.')) return undefined;
  const auto = /^promemoria-auto-(.+)\.sqlite$/.exec(name);
  if (auto) {
    const at = parseStamp(auto[1] ?? '');
    return at === undefined ? undefined : { kind: 'auto', at };
  }
  const manual = /^promemoria-manual-(.+)\.sqlite$/.exec(name);
  if (manual) return { kind: 'manual', at: parseStamp(manual[1] ?? '') };
  const restore = /^before-restore-(.+)\.sqlite$/.exec(name);
  if (restore) return { kind: 'before-restore', at: parseStamp(restore[1] ?? '') };
  const upgrade = /^before-upgrade-v\d+-to-v\d+-(.+)\.sqlite$/.exec(name);
  if (upgrade) return { kind: 'before-upgrade', at: parseStamp(upgrade[1] ?? '') };
  return undefined;
}

function isoWeek(at: number): string {
  const date = new Date(at);
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The rotation rule for automatic backups, pure: keep the newest copy of each of
 * the 7 most recent days (UTC) that have one ("daily"), and the newest copy of each
 * of the 4 most recent ISO weeks that have one ("weekly", when not already kept as
 * daily). Counting days that have a copy, not calendar days back from today, means
 * a PC that was off for a month still keeps its last copies. Everything else is
 * deleted. Manual, before-upgrade and before-restore copies are never rotated.
 */
export function planRotation<T extends { at: number }>(automatic: readonly T[]): { daily: T[]; weekly: T[]; remove: T[] } {
  const newestFirst = [...automatic].sort((a, b) => b.at - a.at);
  const daily: T[] = [];
  const weekly: T[] = [];
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const item of newestFirst) {
    const day = new Date(item.at).toISOString().slice(0, 10);
    if (!days.has(day) && days.size < KEEP_DAILY) {
      days.add(day);
      daily.push(item);
    }
  }
  for (const item of newestFirst) {
    const week = isoWeek(item.at);
    if (!weeks.has(week) && weeks.size < KEEP_WEEKLY) {
      weeks.add(week);
      if (!daily.includes(item)) weekly.push(item);
    }
  }
  const remove = newestFirst.filter((item) => !daily.includes(item) && !weekly.includes(item));
  return { daily, weekly, remove };
}

/** Where backups go: the chosen folder, or the data folder's backups/. */
export async function backupsFolder(settings: SettingsRepository, dataDir: string): Promise<{ path: string; location: BackupLocation }> {
  const chosen = await settings.read(BACKUPS_FOLDER_KEY);
  if (typeof chosen === 'string' && chosen.trim() !== '') return { path: chosen, location: 'folder' };
  return { path: backupsDirIn(dataDir), location: 'data' };
}

/** Undefined when `folder` can hold backups; otherwise why not, for the person at the desk. */
export async function folderProblem(folder: string): Promise<string | undefined> {
  if (!isAbsolute(folder)) return 'Choose a full folder path (for example D:\\Backup or /media/usb/Backup).';
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
    const probe = join(folder, `.promemoria-write-test-${process.pid}`);
    await writeFile(probe, 'ok');
    await unlink(probe);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return `Promemoria cannot write to this folder (${code}). Check that the drive is connected and that your user may write to it.`;
  }
}

type Checks = Record<string, { integrity: string; checkedAt: number }>;

async function readChecks(folder: string): Promise<Checks> {
  try {
    const parsed = JSON.parse(await readFile(join(folder, CHECKS_FILE), 'utf8')) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Checks) : {};
  } catch {
    return {};
  }
}

async function recordCheck(folder: string, file: string, integrity: string, at: number): Promise<void> {
  const checks = await readChecks(folder);
  checks[file] = { integrity, checkedAt: at };
  for (const name of Object.keys(checks)) {
    if (!(await stat(join(folder, name)).then(() => true, () => false))) delete checks[name];
  }
  await writeFile(join(folder, CHECKS_FILE), JSON.stringify(checks, null, 1)).catch(() => undefined);
}

/** Every backup in one folder, newest first; automatic copies labelled daily or weekly by the rotation rule. */
export async function listFolder(folder: string, location: BackupLocation): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const checks = await readChecks(folder);
  const found: BackupFile[] = [];
  for (const name of names) {
    const classified = classifyName(name);
    if (!classified) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    found.push({
      file: name,
      location,
      path,
      kind: classified.kind === 'auto' ? 'daily' : classified.kind,
      bytes: info.size,
      at: classified.at ?? info.mtimeMs,
      integrity: checks[name]?.integrity ?? null,
    });
  }
  const { weekly } = planRotation(found.filter((file) => classifyName(file.file)?.kind === 'auto'));
  for (const file of weekly) file.kind = 'weekly';
  return found.sort((a, b) => b.at - a.at);
}

/** Both places a backup may be: the data folder's backups/ (before-upgrade copies always go there) and the chosen folder. */
export async function listBackups(settings: SettingsRepository, dataDir: string): Promise<BackupFile[]> {
  const own = await listFolder(backupsDirIn(dataDir), 'data');
  const target = await backupsFolder(settings, dataDir);
  const chosen = target.location === 'folder' ? await listFolder(target.path, 'folder') : [];
  return [...own, ...chosen].sort((a, b) => b.at - a.at);
}

export interface AutomaticBackupOutcome extends BackupResult {
  file: string;
  removed: number;
}

/**
 * One copy into the backups folder (checked by quick_check before it takes its
 * name), then the rotation of the automatic copies there. The audit log gets the
 * size, the check and how many old copies went: never a path.
 */
export async function writeBackup(
  db: Database,
  folder: string,
  kind: 'auto' | 'manual',
  now: number,
  actor: string,
): Promise<AutomaticBackupOutcome> {
  const file = kind === 'auto' ? automaticBackupName(now) : manualBackupName(now);
  const result = await backupDatabase(db, join(folder, file), false);
  await recordCheck(folder, file, result.integrity, now);
  const removed = kind === 'auto' ? await rotate(folder) : 0;
  await appendAudit(db, now, {
    actor,
    action: 'store.backup',
    detail: JSON.stringify({ reason: kind === 'auto' ? 'daily' : 'manual', bytes: result.bytes, integrity: result.integrity, rotatedAway: removed }),
  });
  return { ...result, file, removed };
}

/** Deletes the automatic copies the rotation rule does not keep; returns how many. */
export async function rotate(folder: string): Promise<number> {
  const automatic = (await listFolder(folder, 'data')).filter((file) => classifyName(file.file)?.kind === 'auto');
  const { remove } = planRotation(automatic);
  let removed = 0;
  for (const file of remove) {
    await unlink(file.path).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}

/** When the newest automatic copy in `folder` was made, or undefined. */
export async function lastAutomaticBackup(folder: string): Promise<number | undefined> {
  const automatic = (await listFolder(folder, 'data')).filter((file) => classifyName(file.file)?.kind === 'auto');
  return automatic[0]?.at;
}
