import type { backupsMethods } from '../contract/backups-methods';
import { ApiError } from '../contract/errors';
import type { HandlersOf } from '../contract/method-spec';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { SettingsRepository } from '../db/repositories/settings-repository';
import { StoreRefusedError } from '../db/store-refused-error';
import { BACKUPS_FOLDER_KEY, backupsFolder, folderProblem, listBackups, writeBackup, type BackupFile } from './backup-files';
import { API_ACTOR, type HandlerDeps } from './handler-deps';
import { pendingRestorePathIn, stageRestore } from './restore';
import { stat } from 'node:fs/promises';

const entry = ({ file, location, kind, bytes, at, integrity }: BackupFile) => ({ file, location, kind, bytes, at: Math.round(at), integrity });

/** Backups for the Settings card; a restore is staged here and finished by the next start. */
export function createBackupsHandlers({ db, clock, info }: HandlerDeps): HandlersOf<typeof backupsMethods> {
  const settings = new SettingsRepository(db);
  const folderSetting = async () => {
    const value = await settings.read(BACKUPS_FOLDER_KEY);
    return { folder: typeof value === 'string' && value !== '' ? value : null };
  };
  return {
    'backups.list': async () => ({
      backups: (await listBackups(settings, info.dataDir)).map(entry),
      restorePending: await stat(pendingRestorePathIn(info.dataDir)).then(
        () => true,
        () => false,
      ),
    }),
    'backups.settings.get': folderSetting,
    'backups.settings.update': async ({ folder }) => {
      const value = folder === null || folder === '' ? null : folder;
      if (value !== null) {
        const problem = await folderProblem(value);
        if (problem) throw new ApiError('VALIDATION', problem, 'folder');
      }
      await settings.write({ [BACKUPS_FOLDER_KEY]: value }, API_ACTOR, clock.now());
      return folderSetting();
    },
    'backups.runNow': async () => {
      const folder = await backupsFolder(settings, info.dataDir);
      const outcome = await writeBackup(db, folder.path, 'manual', clock.now(), API_ACTOR).catch((err: unknown) => {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        if (/^(EACCES|EPERM|EROFS|ENOSPC|ENOENT|SQLITE_CANTOPEN)$/.test(code)) {
          throw new ApiError('VALIDATION', `The backup folder cannot be written (${code}). Check that the drive is connected.`, 'folder');
        }
        throw err;
      });
      return { file: outcome.file, location: folder.location, kind: 'manual' as const, bytes: outcome.bytes, at: clock.now(), integrity: outcome.integrity };
    },
    'backups.restore': async ({ file, location }) => {
      const chosen = (await listBackups(settings, info.dataDir)).find((b) => b.file === file && b.location === location);
      if (!chosen) throw new ApiError('NOT_FOUND', 'This backup is no longer in the backups folder.', 'file');
      try {
        const { version } = await stageRestore(chosen.path, info.dataDir, LATEST_SCHEMA_VERSION);
        return { restartNeeded: true as const, version };
      } catch (err) {
        // The refusal names the file; the wire carries no path, so say it with the file name only.
        if (err instanceof StoreRefusedError) throw new ApiError('STORE_REFUSED', err.message.split(chosen.path).join(chosen.file), 'file');
        throw err;
      }
    },
  };
}
