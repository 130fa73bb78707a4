import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../src-main/db/repositories/audit-log';
import { openTestDatabase } from '../../support/open-test-database';

describe('appendAudit', () => {
  it('writes one row inside the caller transaction, optional fields as NULL', async () => {
    const { db } = await openTestDatabase();
    await db.transaction(async (tx) => {
      await appendAudit(tx, 10, { actor: 'office', action: 'clients.update', entity: 'client', entityId: 7 });
      await appendAudit(tx, 11, { actor: 'system', action: 'demo.seed', detail: 'demo office created' });
    });
    expect(await db.all('SELECT at, actor, action, entity, entity_id, detail FROM audit_log ORDER BY at')).toEqual([
      { at: 10, actor: 'office', action: 'clients.update', entity: 'client', entity_id: 7, detail: null },
      { at: 11, actor: 'system', action: 'demo.seed', entity: null, entity_id: null, detail: 'demo office created' },
    ]);
  });

  it('is rolled back with the transaction it belongs to', async () => {
    const { db } = await openTestDatabase();
    await expect(
      db.transaction(async (tx) => {
        await appendAudit(tx, 10, { actor: 'office', action: 'settings.update' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.get('SELECT count(*) AS n FROM audit_log')).toEqual({ n: 0 });
  });
});
