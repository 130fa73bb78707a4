import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { MethodInput } from '../../src-main/contract/methods';
import { MINUTE, TEMPLATES, engineOffice, rome } from '../support/engine-office';

const NOW = rome(3, 2, 10); // Monday 2 March 2026, 10:00 in Rome
const TWO_DAYS = 2 * 24 * 60;

/**
 * A core on fake time with one "2 days before" rule, Mario and John, and an
 * appointment each on Thursday 5 March: their reminders are queued for Tuesday.
 */
async function office() {
  const o = await engineOffice(NOW);
  await o.ok('settings.update', { officeName: 'Studio Bianchi' });
  await o.ok('reminders.rules.create', { name: '2 giorni prima', offsetMinutes: TWO_DAYS, ...TEMPLATES });
  const mario = await o.client('Rossi', 'Mario', '333 111 2222', 'it');
  const john = await o.client('Smith', 'John', '347 555 0101', 'en');
  await o.appointment(mario.id, rome(3, 5, 9));
  await o.appointment(john.id, rome(3, 5, 10));
  await o.planned();
  return { ...o, mario, john };
}

type Office = Awaited<ReturnType<typeof office>>;

const remindersOf = async (o: Office) => (await o.messages()).map((m) => [m.clientId, m.state, m.error]);

describe('consents API, through the core on a real database', () => {
  it('a withdrawal of reminders cancels the client\'s queued reminder; a grant queues it again; nothing is sent after a withdrawal', async () => {
    const o = await office();
    expect(await remindersOf(o)).toEqual([
      [o.mario.id, 'queued', null],
      [o.john.id, 'queued', null],
    ]);
    const changed: number[][] = [];
    o.core.events.subscribe(({ event, payload }) => {
      if (event === 'clients.changed') changed.push(payload.ids);
    });

    const withdrawn = await o.ok('consents.record', { clientId: o.mario.id, purpose: 'reminders', granted: false, method: 'verbal', recordedBy: 'Giulia' });
    expect(changed).toEqual([[o.mario.id]]);
    expect(withdrawn).toMatchObject({ smsOptOut: true, current: [{ purpose: 'reminders', state: 'withdrawn' }, { state: 'none' }, { state: 'none' }] });
    await o.planned();
    expect(await remindersOf(o)).toEqual([
      [o.mario.id, 'cancelled', 'the client does not want SMS reminders'],
      [o.john.id, 'queued', null],
    ]);
    expect((await o.ok('clients.get', { id: o.mario.id })).client.smsOptOut).toBe(true);

    // Granting again (the client changed their mind, at the desk) lifts the objection: planned again.
    await o.ok('consents.record', { clientId: o.mario.id, purpose: 'reminders', granted: true, method: 'paper' });
    await o.planned();
    expect(await remindersOf(o)).toEqual([
      [o.mario.id, 'queued', null],
      [o.john.id, 'queued', null],
    ]);

    // Withdrawn again, then the due time comes: only John's reminder leaves.
    await o.ok('consents.record', { clientId: o.mario.id, purpose: 'reminders', granted: false, method: 'email' });
    await o.planned();
    // Straight to Tuesday 10:00, when both were due (a day of planning passes would only repeat themselves).
    o.time.set(rome(3, 3, 10) - 1);
    await o.time.advance(MINUTE);
    await vi.waitFor(async () => expect((await o.messages()).find((m) => m.clientId === o.john.id)?.state).toMatch(/submitted|delivered/), { timeout: 5000 });
    expect((await o.messages()).find((m) => m.clientId === o.mario.id)?.state).toBe('cancelled');

    expect((await o.ok('consents.forClient', { clientId: o.mario.id })).history.map((entry) => [entry.granted, entry.method])).toEqual([
      [false, 'email'],
      [true, 'paper'],
      [false, 'verbal'],
    ]);
    expect(o.log.errors).toEqual([]);
  });

  it('recall and marketing are recorded without touching reminders', async () => {
    const o = await office();
    await o.ok('consents.record', { clientId: o.mario.id, purpose: 'marketing', granted: true, method: 'paper' });
    await o.ok('consents.record', { clientId: o.mario.id, purpose: 'recall', granted: false, method: 'verbal' });
    await o.planned();
    expect(await remindersOf(o)).toEqual([
      [o.mario.id, 'queued', null],
      [o.john.id, 'queued', null],
    ]);
    const ledger = await o.ok('consents.forClient', { clientId: o.mario.id });
    expect(ledger.smsOptOut).toBe(false);
    expect(ledger.current.map((c) => [c.purpose, c.state])).toEqual([
      ['reminders', 'none'],
      ['recall', 'withdrawn'],
      ['marketing', 'granted'],
    ]);
  });

  it('a "STOP" reply shows in the ledger as an SMS-keyword withdrawal; a staff grant afterwards brings reminders back', async () => {
    const o = await office();
    await o.ok('sms.simulator.reply', { from: '+393331112222', text: 'STOP' });
    await vi.waitFor(async () => expect((await o.ok('consents.forClient', { clientId: o.mario.id })).smsOptOut).toBe(true));
    await o.planned();
    const ledger = await o.ok('consents.forClient', { clientId: o.mario.id });
    expect(ledger.current[0]).toMatchObject({ state: 'withdrawn', latest: { method: 'sms_keyword', recordedBy: 'client by SMS', granted: false } });
    expect((await o.messages()).find((m) => m.clientId === o.mario.id)?.state).toBe('cancelled');

    await o.ok('consents.record', { clientId: o.mario.id, purpose: 'reminders', granted: true, method: 'verbal', recordedBy: 'Dott.ssa Verdi' });
    await o.planned();
    expect((await o.messages()).find((m) => m.clientId === o.mario.id)?.state).toBe('queued');
  });

  it('evidence through the API: written under the data folder with mode 0600, never into the database', async () => {
    const o = await office();
    const content = Buffer.from('scansione del modulo').toString('base64');
    const { recorded } = await o.ok('consents.record', {
      clientId: o.mario.id,
      purpose: 'marketing',
      granted: true,
      method: 'paper',
      noticeVersion: '2026-03',
      evidence: { fileName: 'modulo.jpg', contentBase64: content },
    });
    expect(recorded).toMatchObject({ hasEvidence: true, noticeVersion: '2026-03' });
    const files = await readdir(join(o.core.dataDir, 'evidence', String(o.mario.id)));
    expect(files).toEqual([expect.stringMatching(/^[0-9a-f]{24}\.jpg$/)]);
    if (process.platform !== 'win32') expect((await stat(join(o.core.dataDir, 'evidence', String(o.mario.id), files[0] ?? ''))).mode & 0o777).toBe(0o600);
    expect(await o.ok('consents.evidence', { consentId: recorded.id })).toEqual({
      fileName: `consent-${o.mario.id}-${recorded.id}.jpg`,
      mimeType: 'image/jpeg',
      contentBase64: content,
    });
  });

  it.each([
    [{ purpose: 'birthday' }, 'purpose'],
    [{ method: 'fax' }, 'method'],
    [{ granted: 'yes' }, 'granted'],
    [{ recordedBy: '   ' }, 'recordedBy'],
    [{ recordedBy: 'x'.repeat(81) }, 'recordedBy'],
    [{ noticeVersion: 'v'.repeat(41) }, 'noticeVersion'],
    [{ evidence: { fileName: 'virus.exe', contentBase64: 'AAAA' } }, 'evidence.fileName'],
    [{ evidence: { fileName: 'modulo', contentBase64: 'AAAA' } }, 'evidence.fileName'],
    [{ evidence: { fileName: 'modulo.pdf', contentBase64: 'not base64!' } }, 'evidence.contentBase64'],
    [{ evidence: { fileName: 'modulo.pdf', contentBase64: '' } }, 'evidence.contentBase64'],
    [{ recordedAt: 0 }, undefined],
  ] as const)('record refuses %j with VALIDATION naming the field', async (changes, field) => {
    const o = await office();
    const input = { clientId: o.mario.id, purpose: 'recall', granted: true, method: 'paper', ...changes } as unknown as MethodInput<'consents.record'>;
    const result = await o.call('consents.record', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(result.ok ? undefined : result.error.field).toBe(field);
    expect(await o.sql.all('SELECT * FROM consents')).toEqual([]);
  });

  it('an unknown client: NOT_FOUND for reading, recording and evidence', async () => {
    const o = await office();
    expect(await o.call('consents.forClient', { clientId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await o.call('consents.record', { clientId: 999, purpose: 'recall', granted: true, method: 'paper' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await o.call('consents.evidence', { consentId: 1 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('overview: defaults to reminders, everyone, first page; counts and filters', async () => {
    const o = await office();
    await o.ok('consents.record', { clientId: o.john.id, purpose: 'reminders', granted: false, method: 'email' });
    const all = await o.ok('consents.overview', {});
    expect(all.total).toBe(2);
    expect(all.counts.reminders).toEqual({ granted: 0, withdrawn: 1, none: 1 });
    expect(all.items.map((item) => [item.client.lastName, item.consents.reminders.state])).toEqual([
      ['Rossi', 'none'],
      ['Smith', 'withdrawn'],
    ]);
    const withdrawn = await o.ok('consents.overview', { purpose: 'reminders', state: 'withdrawn' });
    expect(withdrawn.items.map((item) => item.client.id)).toEqual([o.john.id]);
    expect(await o.call('consents.overview', { purpose: 'reminders', state: 'mandate' } as unknown as MethodInput<'consents.overview'>)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'state' },
    });
  });
});
