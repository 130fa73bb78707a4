import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { databasePathIn } from '../../../src-main/app/data-dir';
import { DAY, MINUTE, TEMPLATES, engineOffice, rome } from '../../support/engine-office';
import { nameForms, numberForms, scanFiles } from './erasure-raw-scan';

const NOW = rome(3, 3, 10); // Tuesday 3 March 2026, 10:00 in Rome

/** The person to erase: an accent in the first name (the search index folds it), a surname first typed wrong. */
const ZEBEDIA = { firstName: 'Zebedìa', lastName: 'Quagliarulo', typo: 'Quagliarolo', mobile: '+393471234567', email: 'zebedia.q@example.it' };
const OTTONE = { firstName: 'Ottone', lastName: 'Bertoldini', mobile: '+393409876543' };

const needlesOf = (person: { firstName: string; lastName: string; mobile: string }, more: string[] = []) => [
  ...nameForms(person.firstName),
  ...nameForms(person.lastName),
  ...numberForms(person.mobile),
  ...more,
];
const ZEBEDIA_NEEDLES = needlesOf(ZEBEDIA, [...nameForms(ZEBEDIA.typo), ZEBEDIA.email, 'zebedia.q']);

/**
 * A real core on a real file, with a history that leaves old copies behind: a
 * surname corrected, reminders sent through the simulator (each state change
 * rewrites the message row), replies, appointment notes, a consent with its
 * evidence file. Then one of the two clients is erased.
 */
describe('erasure leaves no trace of the person in the database file or its log', () => {
  it('scans the raw bytes of promemoria.sqlite, -wal and -shm: none of her name, number or e-mail; the other client is still there', async () => {
    const o = await engineOffice(NOW);
    const path = databasePathIn(o.core.dataDir);
    await o.ok('settings.update', { officeName: 'Studio Bianchi' });
    await o.ok('reminders.rules.create', { name: '2 ore prima', offsetMinutes: 120, ...TEMPLATES });

    const zebedia = await o.ok('clients.create', {
      firstName: ZEBEDIA.firstName,
      lastName: ZEBEDIA.typo,
      mobile: ZEBEDIA.mobile,
      email: ZEBEDIA.email,
      notes: `${ZEBEDIA.firstName} preferisce il mattino`,
    });
    await o.ok('clients.update', { id: zebedia.id, changes: { lastName: ZEBEDIA.lastName } });
    const ottone = await o.client(OTTONE.lastName, OTTONE.firstName, OTTONE.mobile);

    const create = (clientId: number, start: number, notes: string) =>
      o.ok('appointments.create', { clientId, staffId: null, roomId: null, start, end: start + 30 * MINUTE, notes });
    const past = (await create(zebedia.id, NOW - 7 * DAY, `Controllo, ${ZEBEDIA.firstName} ${ZEBEDIA.lastName}`)).appointment;
    const today = (await create(zebedia.id, NOW + 110 * MINUTE, 'Igiene')).appointment;
    const nextWeek = (await create(zebedia.id, NOW + 7 * DAY, 'Otturazione')).appointment;
    const ottoneToday = (await create(ottone.id, NOW + 115 * MINUTE, 'Igiene')).appointment;
    await o.planned();
    // The 2-hour reminders are already due: they go through the simulator, which reports them delivered.
    await vi.waitFor(
      async () => expect((await o.messages()).filter((m) => m.state === 'delivered').map((m) => m.clientId).sort()).toEqual([zebedia.id, ottone.id].sort()),
      { timeout: 10_000, interval: 100 },
    );
    for (const [from, text] of [
      [ZEBEDIA.mobile, `Sì, grazie. ${ZEBEDIA.firstName}`],
      [OTTONE.mobile, `Ci sarò, ${OTTONE.firstName}`],
    ] as const) {
      const before = (await o.ok('inbox.list', {})).total;
      await o.ok('sms.simulator.reply', { from, text });
      await vi.waitFor(async () => expect((await o.ok('inbox.list', {})).total).toBe(before + 1));
    }
    await o.planned();

    // A busier past, written as the outbox writes it: her messages share pages with many others, and each
    // state change rewrites the row, leaving the previous copy in the page's free space. Only a rebuild of
    // the file clears those (secure_delete zeroes what is deleted from now on, not what was freed before).
    for (let i = 0; i < 300; i++) {
      await o.sql.run(`INSERT INTO clients (first_name, last_name, mobile, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`, [
        `Nome${i}`, `Cognome${i}`, `+39320${String(1_000_000 + i).slice(1)}`, NOW, NOW,
      ]);
    }
    const outbox = (clientId: number, to: string, body: string) =>
      o.sql.run(
        `INSERT INTO messages (client_id, kind, to_phone, body, encoding, segments, due_at, next_attempt_at, created_at, updated_at)
         VALUES (?, 'manual', ?, ?, 'gsm7', 1, ?, ?, ?, ?)`,
        [clientId, to, body, NOW, NOW, NOW, NOW],
      );
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 40; i++) await outbox(ottone.id, OTTONE.mobile, `Gentile ${OTTONE.firstName}, a domani alle 9:${10 + i}. Studio Bianchi`);
      const { lastId } = await outbox(zebedia.id, ZEBEDIA.mobile, `Gentile ${ZEBEDIA.firstName} ${ZEBEDIA.lastName}, a domani. Studio Bianchi`);
      for (const state of ['sending', 'submitted', 'delivered']) {
        await o.sql.run(`UPDATE messages SET state = ?, attempts = attempts + 1 WHERE id = ? OR (client_id = ? AND id % 3 = ?)`, [state, lastId, ottone.id, round % 3]);
      }
    }

    // A consent with its evidence file, as the consents module keeps them (relative path, random name).
    const evidence = join('evidence', String(zebedia.id), '5f0c2e9a.pdf');
    await mkdir(join(o.core.dataDir, 'evidence', String(zebedia.id)), { recursive: true });
    await writeFile(join(o.core.dataDir, evidence), '%PDF-1.4 modulo firmato');
    await o.sql.run(
      `INSERT INTO consents (client_id, purpose, granted, method, recorded_by, notice_version, recorded_at, evidence_path)
       VALUES (?, 'reminders', 1, 'paper', 'office', 'v1', ?, ?)`,
      [zebedia.id, NOW, evidence],
    );

    // The scan finds her before: it can fail.
    const before = await scanFiles(path, ZEBEDIA_NEEDLES);
    expect(before.found.join('\n')).toMatch(/Quagliarulo/);
    expect(before.found.join('\n')).toMatch(/zebedia\b/);
    expect(before.found.join('\n')).toMatch(/3471234567/);

    const result = await o.ok('privacy.erase', { clientId: zebedia.id, reason: 'Richiesta Art. 17 ricevuta il 2 marzo' });
    expect(result).toMatchObject({
      clientId: zebedia.id,
      erasedAt: NOW,
      counts: { messages: 5, replies: 1, futureAppointments: 2, pastAppointments: 1, consentRecords: 1, evidenceFiles: 1 },
      evidenceFilesLeft: 0,
      fileScrubbed: true,
    });

    // While the core still has the file open, and again once it is closed.
    const open = await scanFiles(path, [...ZEBEDIA_NEEDLES, ...needlesOf(OTTONE)]);
    expect(open.found.filter((hit) => ZEBEDIA_NEEDLES.some((needle) => hit.endsWith(`: ${needle}`)))).toEqual([]);
    expect(open.found).toEqual(expect.arrayContaining([`promemoria.sqlite: ${OTTONE.lastName}`, `promemoria.sqlite: ${OTTONE.mobile}`, 'promemoria.sqlite: bertoldini']));
    expect(open.sizes['promemoria.sqlite-wal']).toBe(0);

    // The other client is still found by name and by number; she is found by neither.
    expect((await o.ok('clients.list', { query: 'bertol' })).items.map((c) => c.id)).toEqual([ottone.id]);
    expect((await o.ok('clients.list', { query: '340 987' })).items.map((c) => c.id)).toEqual([ottone.id]);
    expect((await o.ok('clients.list', { query: 'quagl' })).total).toBe(0);
    expect((await o.ok('clients.list', { query: 'zebed' })).total).toBe(0);
    expect((await o.ok('clients.list', { query: '347 123' })).total).toBe(0);
    const everyone = await o.ok('clients.list', { limit: 500 });
    expect(everyone.total).toBe(301);
    expect(everyone.items.map((c) => c.id)).not.toContain(zebedia.id);

    // What stays: the row (empty, marked erased), her past appointment without notes, the consent record.
    expect(await o.sql.get('SELECT first_name, last_name, mobile, email, notes, erased_at FROM clients WHERE id = ?', [zebedia.id])).toEqual({
      first_name: '', last_name: '', mobile: null, email: null, notes: '', erased_at: NOW,
    });
    expect(await o.sql.all('SELECT id, notes FROM appointments WHERE client_id = ? ORDER BY id', [zebedia.id])).toEqual([{ id: past.id, notes: '' }]);
    expect(await o.sql.all('SELECT id FROM appointments WHERE id IN (?, ?)', [today.id, nextWeek.id])).toEqual([]);
    expect(await o.sql.get('SELECT count(*) AS n FROM consents WHERE client_id = ?', [zebedia.id])).toEqual({ n: 1 });
    await expect(readdir(join(o.core.dataDir, 'evidence'))).resolves.toEqual([]);
    // Ottone's reminder, reply and appointment are untouched.
    expect(new Set((await o.ok('messages.list', { limit: 500 })).items.map((m) => m.clientId))).toEqual(new Set([ottone.id]));
    expect((await o.ok('inbox.list', {})).items.map((i) => i.fromPhone)).toEqual([OTTONE.mobile]);
    expect((await o.ok('appointments.get', { id: ottoneToday.id })).id).toBe(ottoneToday.id);
    // The audit entry: ids, counts and the reason, nothing of her.
    const audit = await o.sql.get<{ entity_id: number; detail: string }>("SELECT entity_id, detail FROM audit_log WHERE action = 'privacy.erase'");
    expect(audit?.entity_id).toBe(zebedia.id);
    expect(JSON.parse(audit?.detail ?? '{}')).toEqual({
      messages: 5, replies: 1, futureAppointments: 2, pastAppointments: 1, consentRecords: 1, evidenceFiles: 1, reason: 'Richiesta Art. 17 ricevuta il 2 marzo',
    });

    await o.core.dispose();
    const closed = await scanFiles(path, ZEBEDIA_NEEDLES);
    expect(closed.found).toEqual([]);
    expect(closed.sizes['promemoria.sqlite']).toBeGreaterThan(0);
  });
});
