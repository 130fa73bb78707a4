import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src-main/app/random';
import { MAX_EVIDENCE_BYTES } from '../../../src-main/contract/consents-methods';
import { SettingsRepository } from '../../../src-main/db/repositories/settings-repository';
import { ConsentService } from '../../../src-main/domain/privacy/consent-service';
import { openTestDatabase } from '../../support/open-test-database';

const NOW = Date.UTC(2026, 10, 24, 9, 0);
const MINUTE = 60_000;

/** The service over a real database file, on a clock the test moves, with two clients. */
async function ledger() {
  const { db, dir, path } = await openTestDatabase();
  let now = NOW;
  const clock = { now: () => now };
  const settings = new SettingsRepository(db);
  const service = new ConsentService({ db, clock, random: seededRandom(3), settings, dataDir: dir });
  let phones = 0;
  const insertClient = async (first: string, last: string) =>
    (
      await db.run(`INSERT INTO clients (first_name, last_name, mobile, language, created_at, updated_at) VALUES (?, ?, ?, 'it', ?, ?)`, [
        first,
        last,
        `+39333000000${++phones}`,
        NOW,
        NOW,
      ])
    ).lastId;
  const mario = await insertClient('Mario', 'Rossi');
  const anna = await insertClient('Anna', 'Bianchi');
  return {
    db,
    dir,
    path,
    service,
    settings,
    mario,
    anna,
    insertClient,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** A tiny PDF-looking file, as the UI would send it. */
const PDF = Buffer.from('%PDF-1.4\n% modulo firmato\n%%EOF\n');

describe('consent ledger service', () => {
  it('with no record: reminders stand on the mandate (state none), recall and marketing are not given', async () => {
    const l = await ledger();
    expect(await l.service.forClient(l.mario)).toEqual({
      clientId: l.mario,
      smsOptOut: false,
      current: [
        { purpose: 'reminders', state: 'none', latest: null },
        { purpose: 'recall', state: 'none', latest: null },
        { purpose: 'marketing', state: 'none', latest: null },
      ],
      history: [],
      noticeVersion: null,
    });
  });

  it('is append-only: every change is a new record, the latest decides, the history keeps them all, newest first', async () => {
    const l = await ledger();
    const first = await l.service.record({ clientId: l.mario, purpose: 'marketing', granted: true, method: 'paper', recordedBy: 'Dott.ssa Verdi' }, 'office');
    expect(first.recorded).toEqual({
      id: 1,
      purpose: 'marketing',
      granted: true,
      method: 'paper',
      recordedBy: 'Dott.ssa Verdi',
      noticeVersion: null,
      recordedAt: NOW,
      hasEvidence: false,
    });
    expect(first.current[2]).toEqual({ purpose: 'marketing', state: 'granted', latest: first.recorded });

    l.advance(5 * MINUTE);
    const second = await l.service.record({ clientId: l.mario, purpose: 'marketing', granted: false, method: 'email' }, 'office');
    expect(second.recorded).toMatchObject({ id: 2, granted: false, method: 'email', recordedBy: 'office', recordedAt: NOW + 5 * MINUTE });
    expect(second.current.map((c) => [c.purpose, c.state])).toEqual([
      ['reminders', 'none'],
      ['recall', 'none'],
      ['marketing', 'withdrawn'],
    ]);
    expect(second.history.map((entry) => [entry.id, entry.granted])).toEqual([
      [2, false],
      [1, true],
    ]);
    // Nothing was updated in place: the store still holds both rows as written.
    expect(await l.db.all('SELECT id, granted, recorded_at FROM consents ORDER BY id')).toEqual([
      { id: 1, granted: 1, recorded_at: NOW },
      { id: 2, granted: 0, recorded_at: NOW + 5 * MINUTE },
    ]);
    await expect(l.db.run('UPDATE consents SET granted = 1 WHERE id = 2')).rejects.toThrow(/append-only/);
    await expect(l.db.run('DELETE FROM consents WHERE id = 1')).rejects.toThrow(/append-only/);
  });

  it('the same instant twice: the later record (higher id) is the last word', async () => {
    const l = await ledger();
    await l.service.record({ clientId: l.anna, purpose: 'recall', granted: true, method: 'verbal' }, 'office');
    const again = await l.service.record({ clientId: l.anna, purpose: 'recall', granted: false, method: 'verbal' }, 'office');
    expect(again.current[1]?.state).toBe('withdrawn');
  });

  it('reminders: a withdrawal sets the SMS opt-out, a later grant lifts it (also after a "STOP")', async () => {
    const l = await ledger();
    const optOut = async () => (await l.db.get<{ sms_opt_out: number; updated_at: number }>('SELECT sms_opt_out, updated_at FROM clients WHERE id = ?', [l.mario]));
    l.advance(MINUTE);
    const withdrawn = await l.service.record({ clientId: l.mario, purpose: 'reminders', granted: false, method: 'verbal' }, 'office');
    expect(withdrawn.smsOptOut).toBe(true);
    expect(await optOut()).toEqual({ sms_opt_out: 1, updated_at: NOW + MINUTE });

    // Recall and marketing leave the flag alone.
    l.advance(MINUTE);
    await l.service.record({ clientId: l.mario, purpose: 'recall', granted: true, method: 'paper' }, 'office');
    expect(await optOut()).toEqual({ sms_opt_out: 1, updated_at: NOW + MINUTE });

    l.advance(MINUTE);
    const granted = await l.service.record({ clientId: l.mario, purpose: 'reminders', granted: true, method: 'paper' }, 'office');
    expect(granted.smsOptOut).toBe(false);
    expect(granted.current[0]?.state).toBe('granted');
    expect(await optOut()).toEqual({ sms_opt_out: 0, updated_at: NOW + 3 * MINUTE });

    // As a "STOP" reply leaves it: flag and ledger. A staff grant afterwards is what brings reminders back.
    await l.db.run('UPDATE clients SET sms_opt_out = 1 WHERE id = ?', [l.anna]);
    await l.db.run(`INSERT INTO consents (client_id, purpose, granted, method, recorded_by, recorded_at) VALUES (?, 'reminders', 0, 'sms_keyword', 'client by SMS', ?)`, [l.anna, NOW]);
    expect((await l.service.forClient(l.anna)).current[0]).toMatchObject({ state: 'withdrawn', latest: { method: 'sms_keyword', recordedBy: 'client by SMS' } });
    expect((await l.service.record({ clientId: l.anna, purpose: 'reminders', granted: true, method: 'verbal', recordedBy: 'Giulia' }, 'office')).smsOptOut).toBe(false);
  });

  it('audits every change with ids only: action, client, purpose and word, never a name', async () => {
    const l = await ledger();
    await l.service.record({ clientId: l.mario, purpose: 'reminders', granted: false, method: 'paper', recordedBy: 'Dott. Neri' }, 'office');
    await l.service.record({ clientId: l.mario, purpose: 'marketing', granted: true, method: 'email' }, 'office');
    const audit = await l.db.all<{ detail: string }>('SELECT at, actor, action, entity, entity_id, detail FROM audit_log ORDER BY id');
    expect(audit).toEqual([
      { at: NOW, actor: 'office', action: 'consents.record', entity: 'client', entity_id: l.mario, detail: 'reminders withdrawn, consent 1' },
      { at: NOW, actor: 'office', action: 'consents.record', entity: 'client', entity_id: l.mario, detail: 'marketing granted, consent 2' },
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Rossi|Mario|Neri/);
  });

  it('the notice version: given, given empty (none shown), or by default the office\'s current one', async () => {
    const l = await ledger();
    const record = (noticeVersion?: string | null) =>
      l.service.record({ clientId: l.mario, purpose: 'recall', granted: true, method: 'paper', ...(noticeVersion === undefined ? {} : { noticeVersion }) }, 'office');
    expect((await record()).recorded.noticeVersion).toBeNull();
    await l.settings.write({ 'privacy.noticeVersion': '2026-01' }, 'office', NOW);
    expect((await l.service.forClient(l.mario)).noticeVersion).toBe('2026-01');
    expect((await record()).recorded.noticeVersion).toBe('2026-01');
    expect((await record('v3 cartaceo')).recorded.noticeVersion).toBe('v3 cartaceo');
    expect((await record('')).recorded.noticeVersion).toBeNull();
    expect((await record(null)).recorded.noticeVersion).toBeNull();
    // The privacy documents may keep the notice as an object with its version.
    const other = await openTestDatabase();
    const settings = new SettingsRepository(other.db);
    await settings.write({ 'privacy.notice': { version: '4', textIt: '…' } }, 'office', NOW);
    expect(await new ConsentService({ db: other.db, clock: { now: () => NOW }, random: seededRandom(1), settings, dataDir: other.dir }).currentNoticeVersion()).toBe('4');
  });

  it('an evidence file is kept beside the database, 0600, under a random name; the record points to it relatively', async () => {
    const l = await ledger();
    const { recorded } = await l.service.record(
      {
        clientId: l.mario,
        purpose: 'marketing',
        granted: true,
        method: 'paper',
        evidence: { fileName: 'Modulo consenso Rossi Mario.PDF', contentBase64: PDF.toString('base64') },
      },
      'office',
    );
    expect(recorded.hasEvidence).toBe(true);
    const row = await l.db.get<{ evidence_path: string }>('SELECT evidence_path FROM consents WHERE id = ?', [recorded.id]);
    expect(row?.evidence_path).toMatch(new RegExp(`^evidence/${l.mario}/[0-9a-f]{24}\\.pdf$`));
    const absolute = join(l.dir, row?.evidence_path ?? '');
    expect(await readFile(absolute)).toEqual(PDF);
    if (process.platform !== 'win32') {
      expect((await stat(absolute)).mode & 0o777).toBe(0o600);
      expect((await stat(join(l.dir, 'evidence', String(l.mario)))).mode & 0o777).toBe(0o700);
    }
    // The name the user gave (a person's name, here) is nowhere: not in the path, the database or the audit log.
    expect(row?.evidence_path).not.toMatch(/Rossi|Modulo/);
    expect((await readFile(l.path)).includes('Modulo consenso')).toBe(false);
    expect(await l.db.get('SELECT count(*) AS n FROM audit_log WHERE detail LIKE ?', ['%evidence/%'])).toEqual({ n: 0 });
    // The file's bytes are not in the database either.
    expect((await readFile(l.path)).includes(PDF)).toBe(false);

    expect(await l.service.evidenceFile(recorded.id)).toEqual({
      fileName: `consent-${l.mario}-${recorded.id}.pdf`,
      mimeType: 'application/pdf',
      contentBase64: PDF.toString('base64'),
    });
  });

  it('evidence: a record without one, or a file gone from the folder, answers NOT_FOUND', async () => {
    const l = await ledger();
    const plain = await l.service.record({ clientId: l.mario, purpose: 'recall', granted: true, method: 'verbal' }, 'office');
    await expect(l.service.evidenceFile(plain.recorded.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(l.service.evidenceFile(999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // A path that would leave the evidence folder (a hand-edited row) is never read.
    await l.db.run(`INSERT INTO consents (client_id, purpose, granted, method, recorded_by, recorded_at, evidence_path) VALUES (?, 'recall', 1, 'paper', 'office', ?, '../promemoria.sqlite')`, [l.mario, NOW]);
    const id = (await l.db.get<{ id: number }>('SELECT max(id) AS id FROM consents'))?.id ?? 0;
    await expect(l.service.evidenceFile(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an oversized evidence file is refused before anything is written', async () => {
    const l = await ledger();
    const big = Buffer.alloc(MAX_EVIDENCE_BYTES + 1, 1).toString('base64');
    await expect(
      l.service.record({ clientId: l.mario, purpose: 'recall', granted: true, method: 'paper', evidence: { fileName: 'scan.png', contentBase64: big } }, 'office'),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'evidence.contentBase64' });
    expect(await l.db.all('SELECT * FROM consents')).toEqual([]);
    await expect(readdir(join(l.dir, 'evidence'))).rejects.toThrow();
  });

  it('a client that does not exist: NOT_FOUND, nothing written; a record that fails takes its evidence file back', async () => {
    const l = await ledger();
    const evidence = { fileName: 'scan.jpg', contentBase64: PDF.toString('base64') };
    await expect(l.service.record({ clientId: 999, purpose: 'recall', granted: true, method: 'paper', evidence }, 'office')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(l.service.forClient(999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readdir(join(l.dir, 'evidence'))).rejects.toThrow();

    // The insert itself fails (here a trigger refuses it): the transaction rolls back, the file goes.
    await l.db.run('CREATE TRIGGER refuse_consents BEFORE INSERT ON consents BEGIN SELECT RAISE(ABORT, \'refused\'); END');
    await expect(l.service.record({ clientId: l.mario, purpose: 'recall', granted: true, method: 'paper', evidence }, 'office')).rejects.toThrow(/refused/);
    expect(await readdir(join(l.dir, 'evidence', String(l.mario)))).toEqual([]);
    expect(await l.db.all('SELECT * FROM audit_log')).toEqual([]);
  });

  it('overview: counts per purpose and state over clients not erased; filters by state and name', async () => {
    const l = await ledger();
    const luca = await l.insertClient('Luca', 'Verdi');
    const erased = await l.insertClient('Ex', 'Cliente');
    await l.service.record({ clientId: l.mario, purpose: 'reminders', granted: false, method: 'verbal' }, 'office');
    await l.service.record({ clientId: l.anna, purpose: 'marketing', granted: true, method: 'paper' }, 'office');
    l.advance(MINUTE);
    await l.service.record({ clientId: l.anna, purpose: 'reminders', granted: false, method: 'email' }, 'office');
    l.advance(MINUTE);
    await l.service.record({ clientId: l.anna, purpose: 'reminders', granted: true, method: 'paper' }, 'office');
    await l.service.record({ clientId: erased, purpose: 'reminders', granted: false, method: 'paper' }, 'office');
    await l.db.run('UPDATE clients SET erased_at = ? WHERE id = ?', [NOW, erased]);

    const all = await l.service.overview({ purpose: 'reminders', query: '', limit: 50, offset: 0 });
    expect(all.counts).toEqual({
      reminders: { granted: 1, withdrawn: 1, none: 1 },
      recall: { granted: 0, withdrawn: 0, none: 3 },
      marketing: { granted: 1, withdrawn: 0, none: 2 },
    });
    expect(all.total).toBe(3);
    // By last name: Bianchi, Rossi, Verdi.
    expect(all.items.map((item) => [item.client.lastName, item.consents.reminders.state, item.consents.marketing.state])).toEqual([
      ['Bianchi', 'granted', 'granted'],
      ['Rossi', 'withdrawn', 'none'],
      ['Verdi', 'none', 'none'],
    ]);
    expect(all.items[0]?.consents.reminders).toEqual({ state: 'granted', method: 'paper', recordedAt: NOW + 2 * MINUTE });
    expect(all.items[1]?.client).toMatchObject({ id: l.mario, smsOptOut: true, mobileDisplay: expect.stringMatching(/^\+39 333/) as unknown });

    const names = async (filter: { purpose: 'reminders' | 'recall' | 'marketing'; state?: 'granted' | 'withdrawn' | 'none'; query?: string }) =>
      (await l.service.overview({ query: '', limit: 50, offset: 0, ...filter })).items.map((item) => item.client.id);
    expect(await names({ purpose: 'reminders', state: 'withdrawn' })).toEqual([l.mario]);
    expect(await names({ purpose: 'reminders', state: 'granted' })).toEqual([l.anna]);
    expect(await names({ purpose: 'reminders', state: 'none' })).toEqual([luca]);
    expect(await names({ purpose: 'marketing', state: 'none' })).toEqual([l.mario, luca]);
    expect(await names({ purpose: 'recall', state: 'granted' })).toEqual([]);
    expect(await names({ purpose: 'marketing', query: 'ross' })).toEqual([l.mario]);
    expect(await names({ purpose: 'marketing', state: 'granted', query: 'ross' })).toEqual([]);

    const page = await l.service.overview({ purpose: 'reminders', query: '', limit: 2, offset: 2 });
    expect([page.total, page.items.map((item) => item.client.id)]).toEqual([3, [luca]]);
  });
});
