import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { onTestFinished } from 'vitest';
import { createCore, type Core } from '../../src-main/app/create-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import { silentLogger } from '../../src-main/app/logger';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { apiCall } from './api-call';
import { tempDir } from './temp-dir';

export const EXPORT_NOW = Date.UTC(2026, 10, 24, 9, 0);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** A core on a fresh data folder, on a fixed clock, sending nothing. */
export async function openExportCore(dataDir?: string): Promise<Core> {
  const core = await createCore({
    dataDir: dataDir ?? join(await tempDir(), 'data'),
    log: silentLogger,
    systemTimeZone: 'Europe/Rome',
    clock: { now: () => EXPORT_NOW },
    startSms: false,
    dispatch: false,
  });
  onTestFinished(() => core.dispose());
  return core;
}

export interface ExportOffice {
  /** Nicolò D'Angelo: the client whose data is exported. */
  nicolo: number;
  /** Mario Rossi: another client, whose data must stay out of Nicolò's export. */
  mario: number;
  appointments: number[];
}

/**
 * A small law office with what every part of the store holds: two clients, staff
 * and a room, appointments (via the API), and (in plain SQL, as the reminder engine
 * and the consent ledger would write them) messages with events and parts, replies
 * (one from Nicolò's number not yet matched to him), consents with an evidence file,
 * and a consent whose evidence path tries to leave the data folder.
 */
export async function seedExportOffice(core: Core): Promise<ExportOffice> {
  await apiCall(core, 'settings.update', { officeName: 'Studio Legale Verdi; Associati', officeType: 'legal', officePhone: '+390612345678' });
  const staff = await apiCall(core, 'staff.create', { name: 'Avv. Chiara Bianchi', role: 'lawyer' });
  const room = await apiCall(core, 'rooms.create', { name: 'Sala riunioni' });
  const nicolo = await apiCall(core, 'clients.create', {
    firstName: 'Nicolò',
    lastName: "D'Angelo",
    mobile: '333 123 4567',
    email: 'nicolo@example.it',
    notes: '=HYPERLINK("http://x") preferisce il mattino; "urgente"',
  });
  await apiCall(core, 'clients.update', { id: nicolo.id, changes: { notes: '=HYPERLINK("http://x") preferisce il mattino; "urgente"\nsecondo piano' } });
  const mario = await apiCall(core, 'clients.create', { firstName: 'Mario', lastName: 'Rossi', mobile: '347 765 4321', language: 'en' });
  const first = await apiCall(core, 'appointments.create', {
    clientId: nicolo.id, staffId: staff.id, roomId: room.id, start: EXPORT_NOW + DAY, end: EXPORT_NOW + DAY + HOUR, notes: 'Causa lavoro',
  });
  const second = await apiCall(core, 'appointments.create', {
    clientId: nicolo.id, staffId: null, roomId: null, start: EXPORT_NOW - 7 * DAY, end: EXPORT_NOW - 7 * DAY + HOUR,
  });
  await apiCall(core, 'appointments.create', { clientId: mario.id, staffId: staff.id, roomId: null, start: EXPORT_NOW + 2 * DAY, end: EXPORT_NOW + 2 * DAY + HOUR });

  const dataDir = core.dataDir;
  await mkdir(join(dataDir, 'evidence'), { recursive: true });
  await writeFile(join(dataDir, 'evidence', 'Modulo privacy Nicolò.PDF'), Buffer.from('%PDF-1.4 modulo firmato'));
  await writeFile(join(dataDir, '..', 'outside.txt'), 'not office data');

  const sql = await SqliteConnection.open(databasePathIn(dataDir), 'readwrite-create');
  sql.setBusyTimeout(5000);
  try {
    const at = EXPORT_NOW - 2 * DAY;
    const message = `INSERT INTO messages (client_id, appointment_id, rule_id, appointment_start_at, kind, to_phone, body, encoding, segments, state,
        attempts, due_at, next_attempt_at, transport, transport_ref, created_at, updated_at, submitted_at, delivered_at)
      VALUES (?, ?, NULL, ?, ?, ?, ?, 'gsm7', 1, ?, 1, ?, ?, 'simulator', ?, ?, ?, ?, ?)`;
    const m1 = await sql.run(message, [nicolo.id, second.appointment.id, EXPORT_NOW - 7 * DAY, 'reminder', '+393331234567', 'Promemoria: appuntamento domani alle 10:00', 'delivered', at, at, 'ref-1', at, at, at + 1000, at + 5000]);
    const m2 = await sql.run(message, [null, null, null, 'manual', '+393331234567', '+Prova di invio', 'submitted', at, at, 'ref-2', at, at, at + 1000, null]);
    await sql.run(message, [mario.id, null, null, 'manual', '+393477654321', 'Hello Mario', 'queued', at, at, null, at, at, null, null]);
    for (const [from, to, offset] of [[null, 'queued', 0], ['queued', 'sending', 100], ['sending', 'submitted', 1000], ['submitted', 'delivered', 5000]] as const) {
      await sql.run('INSERT INTO message_events (message_id, at, from_state, to_state, detail) VALUES (?, ?, ?, ?, NULL)', [m1.lastId, at + offset, from, to]);
    }
    await sql.run('INSERT INTO message_events (message_id, at, from_state, to_state) VALUES (?, ?, NULL, ?)', [m2.lastId, at, 'queued']);
    await sql.run("INSERT INTO message_parts (message_id, part, transport, reference, state, reported_at) VALUES (?, 1, 'simulator', 'ref-1', 'delivered', ?)", [m1.lastId, at + 5000]);
    const reply = 'INSERT INTO inbound_messages (from_phone, body, received_at, transport, client_id, appointment_id, interpretation, handled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
    await sql.run(reply, ['+393331234567', 'Sì grazie', at + 60_000, 'simulator', nicolo.id, second.appointment.id, 'confirm', null]);
    await sql.run(reply, ['+393331234567', '@ chi scrivo?', at + 120_000, 'simulator', null, null, 'other', at + 180_000]);
    await sql.run(reply, ['+393477654321', 'Yes', at + 60_000, 'simulator', mario.id, null, 'confirm', null]);
    const consent = 'INSERT INTO consents (client_id, purpose, granted, method, recorded_by, notice_version, recorded_at, evidence_path) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
    await sql.run(consent, [nicolo.id, 'reminders', 1, 'paper', 'office', '2026-01', at - DAY, 'evidence/Modulo privacy Nicolò.PDF']);
    await sql.run(consent, [nicolo.id, 'marketing', 1, 'verbal', 'office', '2026-01', at - DAY, '../outside.txt']);
    await sql.run(consent, [nicolo.id, 'marketing', 0, 'sms_keyword', 'sms-reply', null, at, null]);
    await sql.run(consent, [mario.id, 'reminders', 1, 'email', 'office', '2026-01', at, null]);
    await sql.run("INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, 'office', 'inbox.handled', 'inbound_message', 2, NULL)", [at + 180_000]);
  } finally {
    await sql.close();
  }
  return { nicolo: nicolo.id, mario: mario.id, appointments: [first.appointment.id, second.appointment.id] };
}

/** The ZIP's files by name. */
export function unzipBase64(contentBase64: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(Buffer.from(contentBase64, 'base64')));
}

/** A file of the ZIP as UTF-8 text, its BOM (if any) kept so a test can check it is there. */
export function text(files: Record<string, Uint8Array>, name: string): string {
  const bytes = files[name];
  if (!bytes) throw new Error(`no ${name} in the ZIP (has ${Object.keys(files).join(', ')})`);
  return new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
}

/** RFC 4180 with ";" as Excel on an Italian PC writes it: quoted fields, doubled quotes, CRLF. */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < content.length; i++) {
    const char = content[i];
    if (quoted) {
      if (char === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(field);
      field = '';
    } else if (char === '\r' && content[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
