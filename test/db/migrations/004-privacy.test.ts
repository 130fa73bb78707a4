import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Migration } from '../../../src-main/db/migrations';
import { initialSchema } from '../../../src-main/db/migrations/001-initial-schema';
import { clientSearch } from '../../../src-main/db/migrations/002-client-search';
import { reminderEngine } from '../../../src-main/db/migrations/003-reminder-engine';
import { privacy } from '../../../src-main/db/migrations/004-privacy';
import { openDatabase } from '../../../src-main/db/open-database';
import { tempDir } from '../../support/temp-dir';

describe('migration 004: privacy', () => {
  it('upgrades a version 3 database: clients keep their rows with no hold, and the audit log is shut but for the gate', async () => {
    const dir = await tempDir();
    const path = join(dir, 'promemoria.sqlite');
    const open = (list: readonly Migration[]) => openDatabase({ path, migrations: list, backupsDir: join(dir, 'backups'), now: () => 0 });
    const old = await open([initialSchema, clientSearch, reminderEngine]);
    await old.db.run(`INSERT INTO clients (id, first_name, last_name, created_at, updated_at) VALUES (1, 'Mario', 'Rossi', 0, 0)`);
    await old.db.run(`INSERT INTO audit_log (at, actor, action) VALUES (1, 'office', 'client.create')`);
    await old.db.close();

    const { db } = await open([initialSchema, clientSearch, reminderEngine, privacy]);
    try {
      expect(await db.get('PRAGMA user_version')).toEqual({ user_version: 4 });
      expect(await db.get('SELECT last_name, hold_until, hold_reason FROM clients WHERE id = 1')).toEqual({ last_name: 'Rossi', hold_until: null, hold_reason: null });
      await expect(db.run(`UPDATE clients SET hold_until = 'dieci anni' WHERE id = 1`)).rejects.toThrow(/CHECK/);
      await db.run(`UPDATE clients SET hold_until = '2036-11-24', hold_reason = 'cartella clinica' WHERE id = 1`);

      // Closed gate: the audit log refuses UPDATE and DELETE as before.
      await expect(db.run('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(db.run(`UPDATE audit_log SET actor = 'x'`)).rejects.toThrow(/append-only/);
      // Open gate, inside one transaction (the retention job's only way out): DELETE goes through, UPDATE still does not.
      await db.transaction(async (tx) => {
        await tx.run('UPDATE retention_gate SET open = 1 WHERE id = 1');
        await expect(tx.run(`UPDATE audit_log SET actor = 'x'`)).rejects.toThrow(/append-only/);
        await tx.run('DELETE FROM audit_log WHERE at < 2');
        await tx.run('UPDATE retention_gate SET open = 0 WHERE id = 1');
      });
      expect(await db.get('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 0 });
      await expect(db.run(`INSERT INTO retention_gate (id, open) VALUES (2, 1)`)).rejects.toThrow(/CHECK/);
    } finally {
      await db.close();
    }
  });
});
