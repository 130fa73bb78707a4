import { unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import { acquireDispatchLock } from '../../app/dispatch-lock';
import { EXIT_OK, EXIT_PROBLEM } from '../../app/entry-support';
import { checkedCopyOf, replaceDatabase } from '../../app/restore';
import { migrations } from '../../db/migrations';
import { StoreRefusedError } from '../../db/store-refused-error';
import type { CliCommand } from '../cli-command';

/**
 * Replaces the office database with a backup. Refuses a file that is not a
 * Promemoria backup or is newer than this version, and refuses while another
 * Promemoria (the desktop app, the web mode, `cli run`) uses the data folder.
 * The current database is copied to backups/before-restore-….sqlite first.
 */
export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: ['restore FILE                  replace the database with a backup (a copy of the current one is kept)'],
  options: {},
  checkUsage(_values, args) {
    if (args.length === 0) return 'restore needs the backup FILE.';
    return args.length > 1 ? `Unexpected argument "${args[1]}".` : undefined;
  },
  async run({ core, args, print }) {
    const source = resolve(String(args[0]));
    const acquired = await acquireDispatchLock(core.dataDir);
    if (!('lock' in acquired)) {
      const { pid, host } = acquired.heldBy;
      print(`Restore not done: Promemoria is running (process ${pid} on ${host}). Close it (and its tray icon), then try again. Nothing was changed.`);
      return EXIT_PROBLEM;
    }
    try {
      let checked: { copy: string; version: number };
      try {
        checked = await checkedCopyOf(source, core.dataDir, migrations.length);
      } catch (err) {
        if (!(err instanceof StoreRefusedError)) throw err;
        print(`Restore not done: ${err.message} The current database was not touched.`);
        return EXIT_PROBLEM;
      }
      // This command's own connection is the last one: close it before the file is replaced.
      await core.dispose();
      try {
        const outcome = await replaceDatabase(checked.copy, { dataDir: core.dataDir, migrations, now: () => Date.now(), actor: 'cli' });
        print(`Restored from ${source} (data version ${outcome.restoredVersion}).`);
        if (outcome.safetyCopy) print(`The previous database was kept at ${outcome.safetyCopy}`);
        return EXIT_OK;
      } finally {
        await unlink(checked.copy).catch(() => undefined);
      }
    } finally {
      await acquired.lock.release();
    }
  },
};
