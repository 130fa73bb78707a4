import { describe, expect, it } from 'vitest';
import { databasePathIn } from '../../src-main/app/data-dir';
import { invokeMethod } from '../../src-main/app/invoke';
import { silentLogger } from '../../src-main/app/logger';
import type { EventPayload } from '../../src-main/contract/events';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { apiCall } from '../support/api-call';
import { EXPORT_NOW, openExportCore, parseCsv, seedExportOffice, text, unzipBase64 } from '../support/export-office';

type Row = Record<string, unknown>;

async function readDb(dataDir: string) {
  const db = await SqliteConnection.open(databasePathIn(dataDir), 'readonly');
  return {
    all: (query: string, params: (string | number)[] = []) => db.all<Row>(query, params),
    close: () => db.close(),
  };
}

function progressOf(core: Awaited<ReturnType<typeof openExportCore>>, exportId: string) {
  const seen: EventPayload<'privacy.export.progress'>[] = [];
  core.events.subscribe((event) => {
    if (event.event === 'privacy.export.progress' && event.payload.exportId === exportId) seen.push(event.payload);
  });
  return seen;
}

function expectProgressRanToTheEnd(seen: readonly EventPayload<'privacy.export.progress'>[]) {
  expect(seen.length).toBeGreaterThanOrEqual(2);
  expect(seen[0]?.done).toBe(0);
  const last = seen[seen.length - 1];
  expect(last?.done).toBe(last?.total);
  for (const [index, event] of seen.entries()) {
    expect(event.total).toBe(last?.total);
    if (index > 0) expect(event.done).toBeGreaterThanOrEqual(seen[index - 1]?.done ?? 0);
  }
}

describe('privacy.export.client (GDPR Art. 15 and 20) against a real database', () => {
  it('puts everything held about the client in the ZIP, checked against the database, and nothing about anyone else', async () => {
    const core = await openExportCore();
    const office = await seedExportOffice(core);
    const seen = progressOf(core, 'export-1');

    const result = await apiCall(core, 'privacy.export.client', { clientId: office.nicolo, exportId: 'export-1' });
    expect(result.fileName).toBe('dati-d-angelo-nicolo-2026-11-24.zip');
    expect(result.mimeType).toBe('application/zip');
    expect(result.bytes).toBe(Buffer.from(result.contentBase64, 'base64').length);
    expect(result.counts).toEqual({ appointments: 2, messages: 2, replies: 2, consents: 3, auditEntries: 5, evidenceFiles: 1, evidenceMissing: 1 });
    expectProgressRanToTheEnd(seen);

    const files = unzipBase64(result.contentBase64);
    expect(Object.keys(files).sort()).toEqual([
      'LEGGIMI.txt', 'README.txt', 'appointments.csv', 'appointments.ics', 'consents.csv', 'contact.vcf', 'data.json',
      'evidence/consent-1-modulo-privacy-nicolo.pdf', 'messages.csv', 'replies.csv',
    ]);
    expect(text(files, 'evidence/consent-1-modulo-privacy-nicolo.pdf')).toBe('%PDF-1.4 modulo firmato');

    const db = await readDb(core.dataDir);
    try {
      const data = JSON.parse(text(files, 'data.json')) as Row & { client: Row; appointments: Row[]; messages: (Row & { events: Row[]; parts: Row[] })[]; replies: Row[]; consents: Row[]; auditEntries: Row[] };
      expect(data).toMatchObject({
        format: 'promemoria.client-export',
        version: 1,
        exportedAt: new Date(EXPORT_NOW).toISOString(),
        office: { name: 'Studio Legale Verdi; Associati', phone: '+390612345678', timeZone: 'Europe/Rome' },
        evidenceMissing: [2],
      });

      // The client: every column of the row, named in camelCase, instants in ISO 8601.
      const [client] = await db.all('SELECT * FROM clients WHERE id = ?', [office.nicolo]);
      expect(Object.keys(data.client)).toHaveLength(Object.keys(client ?? {}).length);
      expect(data.client).toMatchObject({
        id: office.nicolo, firstName: 'Nicolò', lastName: "D'Angelo", mobile: '+393331234567', email: 'nicolo@example.it',
        language: 'it', notes: client?.notes, smsOptOut: false, archivedAt: null, erasedAt: null, holdUntil: null,
        createdAt: new Date(EXPORT_NOW).toISOString(), updatedAt: new Date(EXPORT_NOW).toISOString(),
      });

      const appointments = await db.all('SELECT * FROM appointments WHERE client_id = ? ORDER BY start_at', [office.nicolo]);
      expect(data.appointments.map((a) => a.id)).toEqual(appointments.map((a) => a.id));
      expect(data.appointments[1]).toMatchObject({ staffName: 'Avv. Chiara Bianchi', roomName: 'Sala riunioni', notes: 'Causa lavoro', status: 'booked',
        startAt: new Date(Number(appointments[1]?.start_at)).toISOString() });

      // Messages: his by id and the one sent to his number before it was linked; each with its history.
      const messages = await db.all("SELECT * FROM messages WHERE client_id = ? OR (client_id IS NULL AND to_phone = '+393331234567') ORDER BY id", [office.nicolo]);
      expect(data.messages.map((m) => m.id)).toEqual(messages.map((m) => m.id));
      expect(data.messages[0]?.events.map((e) => e.toState)).toEqual(['queued', 'sending', 'submitted', 'delivered']);
      expect(data.messages[0]?.parts).toEqual([expect.objectContaining({ part: 1, reference: 'ref-1', state: 'delivered' })]);
      expect(data.messages[0]).toMatchObject({ body: 'Promemoria: appuntamento domani alle 10:00', outcomeUncertain: false, heldByStaff: false });
      expect(JSON.stringify(data)).not.toContain('Hello Mario');

      expect(data.replies.map((r) => r.body)).toEqual(['Sì grazie', '@ chi scrivo?']);
      expect(data.consents.map((c) => [c.purpose, c.granted, c.method])).toEqual([
        ['reminders', true, 'paper'], ['marketing', true, 'verbal'], ['marketing', false, 'sms_keyword'],
      ]);
      expect(data.consents[0]).toMatchObject({ evidencePath: 'evidence/Modulo privacy Nicolò.PDF', evidenceFile: 'evidence/consent-1-modulo-privacy-nicolo.pdf', noticeVersion: '2026-01' });
      expect(data.consents[1]).toMatchObject({ evidenceFile: null });

      // The audit entries about him, his appointments and his replies; none about Mario.
      expect(data.auditEntries.map((e) => e.action)).toEqual(['inbox.handled', 'client.create', 'client.update', 'appointment.create', 'appointment.create']);
      expect(data.auditEntries.every((e) => e.entity !== 'client' || e.entityId === office.nicolo)).toBe(true);

      // The CSV files parse, in his language, with his rows only.
      const appointmentsCsv = text(files, 'appointments.csv');
      expect(appointmentsCsv.startsWith('\uFEFF')).toBe(true);
      const appointmentRows = parseCsv(appointmentsCsv.slice(1));
      expect(appointmentRows[0]).toEqual(['ID', 'Inizio', 'Fine', 'Stato', 'Avvocato', 'Sala', 'Note', 'Serie', 'Creato il', 'Modificato il']);
      expect(appointmentRows.slice(1).map((row) => row.slice(0, 6))).toEqual([
        [String(office.appointments[1]), '2026-11-17 10:00', '2026-11-17 11:00', 'Prenotato', '', ''],
        [String(office.appointments[0]), '2026-11-25 10:00', '2026-11-25 11:00', 'Prenotato', 'Avv. Chiara Bianchi', 'Sala riunioni'],
      ]);
      const messageRows = parseCsv(text(files, 'messages.csv').slice(1));
      expect(messageRows).toHaveLength(3);
      expect(messageRows[1]?.slice(2, 6)).toEqual(['Promemoria', '333 123 4567', 'Promemoria: appuntamento domani alle 10:00', 'Consegnato']);
      // A text Excel would run as a formula gets an apostrophe; data.json keeps it exact.
      expect(messageRows[2]?.[4]).toBe("'+Prova di invio");
      expect(data.messages[1]?.body).toBe('+Prova di invio');
      const replyRows = parseCsv(text(files, 'replies.csv').slice(1));
      expect(replyRows.map((row) => row[3])).toEqual(['Testo', 'Sì grazie', "'@ chi scrivo?"]);
      const consentRows = parseCsv(text(files, 'consents.csv').slice(1));
      expect(consentRows.slice(1).map((row) => row.slice(1, 4))).toEqual([
        ['Promemoria degli appuntamenti', 'Dato', 'Modulo cartaceo'],
        ['Auguri e promozioni', 'Dato', 'A voce'],
        ['Auguri e promozioni', 'Revocato', 'Parola chiave via SMS'],
      ]);

      // The calendar and the contact card hold him.
      const ics = text(files, 'appointments.ics');
      expect(ics).toContain('BEGIN:VCALENDAR');
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      expect(ics).toContain(`UID:appointment-${office.appointments[0]}-${EXPORT_NOW}@promemoria`);
      expect(ics).toContain('DTSTART:20261125T090000Z');
      expect(ics.replace(/\r\n /g, '')).toContain('X-WR-CALNAME:Studio Legale Verdi\\; Associati — Nicolò D\'Angelo');
      const vcf = text(files, 'contact.vcf');
      expect(vcf).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0\r\n/);
      expect(vcf).toContain("N:D'Angelo;Nicolò;;;\r\n");
      expect(vcf).toContain("FN:Nicolò D'Angelo\r\n");
      expect(vcf).toContain('TEL;TYPE=CELL:+393331234567\r\n');
      expect(vcf).toContain('EMAIL;TYPE=INTERNET:nicolo@example.it\r\n');
      expect(vcf).not.toContain('HYPERLINK');

      // The READMEs, in Italian and English, name the files and the missing document.
      const leggimi = text(files, 'LEGGIMI.txt');
      expect(leggimi).toContain("Dati personali di Nicolò D'Angelo");
      expect(leggimi).toContain('esportati il 2026-11-24 10:00 (ora di Europe/Rome)');
      expect(leggimi).toContain('appointments.csv  Gli appuntamenti (2)');
      expect(leggimi).toContain('documento allegato al consenso n. 2');
      const readme = text(files, 'README.txt');
      expect(readme).toContain("Personal data of Nicolò D'Angelo");
      expect(readme).toContain('contact.vcf');
      expect(readme).toContain('evidence/');

      // The export is audited: the client's id and the counts, nothing personal.
      const audit = await db.all("SELECT actor, action, entity, entity_id, detail FROM audit_log WHERE action LIKE 'privacy.export%'");
      expect(audit).toEqual([{ actor: 'office', action: 'privacy.export.client', entity: 'client', entity_id: office.nicolo, detail: JSON.stringify(result.counts) }]);
    } finally {
      await db.close();
    }
  });

  it('names the CSV columns in the client’s language', async () => {
    const core = await openExportCore();
    const office = await seedExportOffice(core);
    const files = unzipBase64((await apiCall(core, 'privacy.export.client', { clientId: office.mario })).contentBase64);
    expect(parseCsv(text(files, 'appointments.csv').slice(1))[0]).toEqual(['ID', 'Start', 'End', 'Status', 'Lawyer', 'Room', 'Notes', 'Series', 'Created', 'Changed']);
    expect(parseCsv(text(files, 'consents.csv').slice(1))[1]?.slice(1, 4)).toEqual(['Appointment reminders', 'Granted', 'E-mail']);
    const data = JSON.parse(text(files, 'data.json')) as { replies: Row[]; messages: Row[]; consents: Row[] };
    expect([data.replies.length, data.messages.length, data.consents.length]).toEqual([1, 1, 1]);
    expect(Object.keys(files)).not.toContain('evidence/');
  });

  it('leaves out messages linked to no client when another client shares the mobile', async () => {
    const core = await openExportCore();
    const office = await seedExportOffice(core);
    // His daughter, on the family mobile: the unlinked SMS to that number may be hers.
    await apiCall(core, 'clients.create', { firstName: 'Giulia', lastName: "D'Angelo", mobile: '333 123 4567', allowDuplicate: true });
    const result = await apiCall(core, 'privacy.export.client', { clientId: office.nicolo });
    expect(result.counts).toMatchObject({ messages: 1, replies: 1 });
    const data = JSON.parse(text(unzipBase64(result.contentBase64), 'data.json')) as { messages: Row[]; replies: Row[]; auditEntries: Row[] };
    expect(data.messages.map((m) => m.body)).toEqual(['Promemoria: appuntamento domani alle 10:00']);
    expect(data.replies.map((r) => r.body)).toEqual(['Sì grazie']);
    expect(data.auditEntries.map((e) => e.action)).not.toContain('inbox.handled');
  });

  it('answers NOT_FOUND for an unknown client and audits nothing', async () => {
    const core = await openExportCore();
    const result = await invokeMethod(core.api, 'privacy.export.client', { clientId: 99 }, silentLogger);
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const db = await readDb(core.dataDir);
    try {
      expect(await db.all("SELECT * FROM audit_log WHERE action LIKE 'privacy.export%'")).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe('privacy.export.office (moving to another system)', () => {
  it('holds every table with its exact row count, as data.json and one CSV each, settings without secrets', async () => {
    const core = await openExportCore();
    const office = await seedExportOffice(core);
    // Secrets never reach the settings table; were one ever to, the export would still leave it out.
    const sql = await SqliteConnection.open(databasePathIn(core.dataDir), 'readwrite-create');
    await sql.run("INSERT INTO settings (key, value, updated_at) VALUES ('sms.legacy', ?, 0), ('smppPassword', '\"hunter2\"', 0)", [
      JSON.stringify({ kind: 'smpp', host: 'smsc.example.it', password: 'hunter2', modem: { simPin: '8642', port: '/dev/ttyUSB0' } }),
    ]);
    await sql.close();
    const seen = progressOf(core, 'office-1');

    const result = await apiCall(core, 'privacy.export.office', { exportId: 'office-1' });
    expect(result.fileName).toBe('promemoria-studio-2026-11-24.zip');
    expectProgressRanToTheEnd(seen);
    const files = unzipBase64(result.contentBase64);
    const names = Object.keys(files);
    expect(names).not.toContain('retention_gate.csv');
    expect(names.filter((name) => name.startsWith('clients_search'))).toEqual([]);
    expect(names).toContain('evidence/consent-1-modulo-privacy-nicolo.pdf');
    expect(names).toEqual(expect.arrayContaining(['data.json', 'LEGGIMI.txt', 'README.txt']));

    const db = await readDb(core.dataDir);
    try {
      const data = JSON.parse(text(files, 'data.json')) as Row & { tables: Record<string, Row[]>; counts: Record<string, number> };
      expect(data).toMatchObject({ format: 'promemoria.office-export', version: 1, office: { name: 'Studio Legale Verdi; Associati', type: 'legal' } });
      const tables = Object.keys(data.tables);
      expect(tables.slice(0, 12)).toEqual([
        'settings', 'staff', 'rooms', 'clients', 'appointments', 'reminder_rules', 'messages', 'message_events', 'message_parts', 'inbound_messages', 'consents', 'audit_log',
      ]);
      for (const table of tables) {
        const [{ n } = { n: -1 }] = await db.all(`SELECT count(*) AS n FROM "${table}"`);
        // smppPassword is left out; the export's own audit entry is written after it.
        const expected = table === 'settings' || table === 'audit_log' ? Number(n) - 1 : Number(n);
        expect(data.tables[table], table).toHaveLength(expected);
        expect(data.counts[table], table).toBe(expected);
        expect(result.counts.tables[table], table).toBe(expected);
        const csv = text(files, `${table}.csv`);
        expect(csv.startsWith('\uFEFF'), table).toBe(true);
        const rows = parseCsv(csv.slice(1));
        const columns = await db.all('SELECT name FROM pragma_table_info(?)', [table]);
        expect(rows[0], table).toEqual(columns.map((column) => column.name));
        expect(rows, table).toHaveLength(expected + 1);
      }
      expect(data.tables.clients?.map((client) => client.last_name)).toEqual(["D'Angelo", 'Rossi']);
      expect(data.tables.clients?.[0]).toMatchObject({ id: office.nicolo, sms_opt_out: false, created_at: new Date(EXPORT_NOW).toISOString() });
      expect(data.tables.staff?.[0]).toMatchObject({ display_name: 'Avv. Chiara Bianchi', working_hours: [] });
      expect(data.tables.consents).toHaveLength(4);

      const exported = text(files, 'data.json') + text(files, 'settings.csv');
      expect(exported).not.toContain('hunter2');
      expect(exported).not.toContain('8642');
      expect(data.tables.settings?.find((row) => row.key === 'sms.legacy')?.value).toEqual({ kind: 'smpp', host: 'smsc.example.it', modem: { port: '/dev/ttyUSB0' } });
      expect(data.tables.settings?.find((row) => row.key === 'officeName')?.value).toBe('Studio Legale Verdi; Associati');

      const clientsCsv = parseCsv(text(files, 'clients.csv').slice(1));
      expect(clientsCsv[1]?.slice(0, 4)).toEqual([String(office.nicolo), 'Nicolò', "D'Angelo", '+393331234567']);

      const readme = text(files, 'README.txt');
      expect(readme).toContain('Complete export of Studio Legale Verdi; Associati');
      expect(readme).toMatch(/clients\.csv\s+2 rows: the clients, archived ones included/);
      expect(text(files, 'LEGGIMI.txt')).toMatch(/appointments\.csv\s+3 righe: gli appuntamenti/);

      const audit = await db.all("SELECT action, entity, entity_id, detail FROM audit_log WHERE action = 'privacy.export.office'");
      expect(audit).toHaveLength(1);
      expect(JSON.parse(String(audit[0]?.detail))).toMatchObject({ clients: 2, appointments: 3, consents: 4, evidenceFiles: 1 });
    } finally {
      await db.close();
    }
  });

  it('exports an empty office: every CSV has its header', async () => {
    const core = await openExportCore();
    const files = unzipBase64((await apiCall(core, 'privacy.export.office', {})).contentBase64);
    const data = JSON.parse(text(files, 'data.json')) as { tables: Record<string, Row[]> };
    expect(data.tables.clients).toEqual([]);
    expect(parseCsv(text(files, 'clients.csv').slice(1))[0]?.slice(0, 3)).toEqual(['id', 'first_name', 'last_name']);
  });
});
