import { readdir, rmdir, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { Clock } from '../../app/clock';
import { backupsDirIn } from '../../app/data-dir';
import type { Logger } from '../../app/logger';
import type { ErasurePreview, ErasureResult, LegalHold } from '../../contract/erasure-methods';
import { ApiError } from '../../contract/errors';
import type { Database } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit-log';
import { ErasureRepository, type ErasedRows, type ErasureTarget } from '../../db/repositories/erasure-repository';
import { errorCode, type SqlExecutor } from '../../db/sqlite-connection';
import type { SettingsService } from '../settings-service';
import { scrubDatabaseFile, withSecureDelete } from './database-scrub';
import { civilDateText, officeDay } from './office-day';

export interface ErasureServiceDeps {
  db: Database;
  clock: Clock;
  settings: SettingsService;
  log: Logger;
  /** Evidence files are deleted only inside it; its backups folder is counted for the warning. */
  dataDir: string;
}

/**
 * Erasure (GDPR Art. 17) and legal holds.
 *
 * Erasing a client, in one transaction: their messages and replies are deleted (the
 * texts carry the first name, the rows the number; message_events and message_parts
 * cascade), appointments from now on are deleted, past ones are kept as anonymous
 * rows with their notes cleared, the clients row is emptied and marked erased (its
 * search index entry leaves by trigger), and the search index is merged so the old
 * segments holding the name and digits are dropped. The audit entry holds the id,
 * the counts and the reason. Then the consent evidence files are deleted and the
 * database file is rewritten and its log emptied, so no old copy remains on disk
 * (the backups folder still has the person until its copies age out).
 */
export class ErasureService {
  private readonly repository = new ErasureRepository();

  constructor(private readonly deps: ErasureServiceDeps) {}

  async preview(clientId: number): Promise<ErasurePreview> {
    const { db, clock } = this.deps;
    const today = await this.today();
    const target = mustBeErasable(await this.repository.target(db, clientId), clientId);
    const numbers = await this.repository.numbersOf(db, clientId);
    const { sending, ...counts } = await this.repository.counts(db, clientId, numbers, clock.now());
    return {
      clientId,
      name: displayName(target),
      hold: holdOf(target, today),
      sending,
      counts,
      backups: await this.backupCount(),
    };
  }

  /** Erases the client; refused (CONFLICT) under an active legal hold, or while a message to them is being sent. */
  async erase(clientId: number, reason: string, actor: string): Promise<{ result: ErasureResult; rows: ErasedRows }> {
    const { db, clock, log } = this.deps;
    const today = await this.today();
    const now = clock.now();
    const { counts, rows, evidence } = await db.transaction(async (tx) => {
      const target = mustBeErasable(await this.repository.target(tx, clientId), clientId);
      const hold = holdOf(target, today);
      if (hold?.active) throw holdConflict(hold);
      if (namesThePerson(reason, target)) {
        throw new ApiError(
          'VALIDATION',
          "reason: it stays in the audit log, so it must not contain the person's name, number or e-mail",
          'reason',
        );
      }
      const numbers = await this.repository.numbersOf(tx, clientId);
      const { sending, ...found } = await this.repository.counts(tx, clientId, numbers, now);
      if (sending > 0) {
        throw new ApiError('CONFLICT', 'A message to this client is being handed to the SMS channel right now; try again in a minute.');
      }
      const evidencePaths = await this.repository.evidencePaths(tx, clientId);
      const erased = await withSecureDelete(tx, async () => {
        const changed = await this.repository.erase(tx, clientId, numbers, now);
        await this.repository.purgeSearchIndex(tx);
        return changed;
      });
      await audit(tx, now, actor, clientId, { ...found, reason });
      return { counts: found, rows: erased, evidence: evidencePaths };
    });

    const evidenceFilesLeft = await this.deleteEvidence(clientId, evidence);
    const fileScrubbed = await scrubDatabaseFile(db, log);
    log.info(`client ${clientId} erased (${counts.messages} messages, ${counts.replies} replies)`);
    return {
      result: { clientId, erasedAt: now, counts, evidenceFilesLeft, fileScrubbed, backups: await this.backupCount() },
      rows,
    };
  }

  async setHold(clientId: number, until: string, reason: string, actor: string): Promise<LegalHold> {
    const { db, clock } = this.deps;
    const today = await this.today();
    if (until < today) throw new ApiError('VALIDATION', `until: the date has passed (today is ${today})`, 'until');
    const now = clock.now();
    await db.transaction(async (tx) => {
      mustBeErasable(await this.repository.target(tx, clientId), clientId);
      await this.repository.setHold(tx, clientId, until, reason, now);
      await appendAudit(tx, now, { actor, action: 'privacy.hold.set', entity: 'client', entityId: clientId, detail: JSON.stringify({ until }) });
    });
    return { clientId, until, reason, active: true };
  }

  async clearHold(clientId: number, actor: string): Promise<{ clientId: number }> {
    const { db, clock } = this.deps;
    const now = clock.now();
    await db.transaction(async (tx) => {
      const target = mustBeErasable(await this.repository.target(tx, clientId), clientId);
      if (target.hold_until === null) return;
      await this.repository.clearHold(tx, clientId, now);
      await appendAudit(tx, now, { actor, action: 'privacy.hold.clear', entity: 'client', entityId: clientId });
    });
    return { clientId };
  }

  async hold(clientId: number): Promise<LegalHold | null> {
    const today = await this.today();
    return holdOf(mustBeErasable(await this.repository.target(this.deps.db, clientId), clientId), today);
  }

  async holds(): Promise<(LegalHold & { name: string })[]> {
    const today = await this.today();
    const rows = await this.repository.holds(this.deps.db);
    return rows.map((row) => ({
      clientId: row.id,
      name: displayName(row),
      until: row.hold_until,
      reason: row.hold_reason ?? '',
      active: row.hold_until >= today,
    }));
  }

  private async today(): Promise<string> {
    const { timeZone } = await this.deps.settings.get();
    return civilDateText(officeDay(this.deps.clock.now(), timeZone));
  }

  /**
   * Deletes the consent evidence files that lie inside the data folder; a path
   * elsewhere is the office's own file and is left alone. Returns how many are left.
   * The ledger keeps its paths: it is append-only (see the report on evidence_path).
   */
  private async deleteEvidence(clientId: number, paths: readonly string[]): Promise<number> {
    const { dataDir, log } = this.deps;
    const root = resolve(dataDir);
    const isInside = (path: string) => {
      const inside = relative(root, path);
      return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
    };
    let left = 0;
    const folders = new Set<string>();
    for (const path of paths) {
      const absolute = resolve(root, path);
      if (!isInside(absolute)) {
        left++;
        log.warn(`an evidence file of client ${clientId} lies outside the data folder and was not deleted`);
        continue;
      }
      try {
        await unlink(absolute);
        if (isInside(dirname(absolute))) folders.add(dirname(absolute));
      } catch (err) {
        if (errorCode(err) === 'ENOENT') continue;
        left++;
        // The path may name the person: the log gets the reason only.
        log.warn(`an evidence file of client ${clientId} could not be deleted (${errorCode(err) ?? 'unknown error'})`);
      }
    }
    // The client's own evidence folder goes too, once empty (a folder with other files in it stays).
    for (const folder of folders) await rmdir(folder).catch(() => undefined);
    return left;
  }

  private async backupCount(): Promise<number> {
    try {
      const entries = await readdir(backupsDirIn(this.deps.dataDir), { withFileTypes: true });
      return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.sqlite')).length;
    } catch {
      return 0;
    }
  }
}

function mustBeErasable(target: ErasureTarget | undefined, clientId: number): ErasureTarget {
  if (!target) throw new ApiError('NOT_FOUND', `No client with id ${clientId}`);
  if (target.erased_at !== null) throw new ApiError('CONFLICT', 'This client was already erased.');
  return target;
}

function displayName(row: { last_name: string; first_name: string }): string {
  return `${row.last_name} ${row.first_name}`.trim();
}

function holdOf(target: ErasureTarget, today: string): LegalHold | null {
  if (target.hold_until === null) return null;
  return { clientId: target.id, until: target.hold_until, reason: target.hold_reason ?? '', active: target.hold_until >= today };
}

function holdConflict(hold: LegalHold): ApiError {
  const why = hold.reason === '' ? '' : ` ("${hold.reason}")`;
  return new ApiError(
    'CONFLICT',
    `Legal hold until ${hold.until}${why}: the record must be kept until then, so it cannot be erased. Clear the hold first if it no longer applies.`,
  );
}

async function audit(tx: SqlExecutor, now: number, actor: string, clientId: number, detail: Record<string, number | string>): Promise<void> {
  await appendAudit(tx, now, { actor, action: 'privacy.erase', entity: 'client', entityId: clientId, detail: JSON.stringify(detail) });
}

/** Lower case, accents off: "Nicolò" and "NICOLO" compare equal. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * True when the reason would carry the person into the audit log: a word of their
 * name (three letters or more), the last seven digits of their mobile, or their
 * e-mail's name part.
 */
export function namesThePerson(reason: string, person: Pick<ErasureTarget, 'first_name' | 'last_name' | 'mobile' | 'email'>): boolean {
  const words = new Set(fold(reason).split(/[^\p{L}\p{N}]+/u));
  const nameWords = fold(`${person.first_name} ${person.last_name}`)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3);
  if (nameWords.some((word) => words.has(word))) return true;
  const digits = reason.replace(/\D/g, '');
  if (person.mobile && digits.includes(person.mobile.slice(-7))) return true;
  const local = person.email ? fold(person.email.split('@')[0] ?? '') : '';
  return local.length >= 3 && fold(reason).includes(local);
}
