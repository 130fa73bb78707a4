import type { AppointmentStatus } from '../contract/schemas';
import type { Database } from '../db/database';
import type { SqlExecutor } from '../db/sqlite-connection';
import { utcToZoned, zonedToUtc } from '../domain/time-zone';
import { pick, type RandomSource } from './random';
import { ReminderRulesRepository } from '../db/repositories/reminder-rules-repository';
import { defaultRules } from '../domain/reminders/default-rules';
import { appendAudit } from '../db/repositories/audit-log';

const TIME_ZONE = 'Europe/Rome';
const FIRST_NAMES = [
  'Marco', 'Giulia', 'Luca', 'Francesca', 'Alessandro', 'Chiara', 'Matteo', 'Sara', 'Lorenzo', 'Valentina',
  'Andrea', 'Elena', 'Davide', 'Martina', 'Simone', 'Federica', 'Giorgio', 'Silvia', 'Paolo', 'Laura',
  'Stefano', 'Alessia', 'Roberto', 'Beatrice', 'Fabio', 'Serena', 'Antonio', 'Ilaria', 'Giuseppe', 'Anna',
];
const LAST_NAMES = [
  'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
  'Bruno', 'Gallo', 'Conti', 'De Luca', 'Mancini', 'Costa', 'Giordano', 'Rizzo', 'Lombardi', 'Moretti',
  'Barbieri', 'Fontana', 'Santoro', 'Mariani', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone',
];
const ENGLISH_CLIENTS = [
  ['John', 'Miller'], ['Emily', 'Clarke'], ['David', 'Walker'], ['Sophie', 'Turner'], ['James', 'Wright'],
] as const;
const MOBILE_PREFIXES = ['320', '328', '331', '333', '338', '340', '347', '349', '366', '380', '392'];
const WORKING_HOURS = JSON.stringify([1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:30', to: '18:30' })));
const CLIENT_COUNT = 320;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Fills an empty database with a plausible Italian dental practice: three chairs,
 * two dentists and a hygienist, a few hundred patients and a month of appointments
 * around today (two weeks back, two weeks ahead).
 */
export async function seedDemoOffice(db: Database, random: RandomSource, now: number): Promise<void> {
  await db.transaction(async (tx) => {
    const settings: Record<string, unknown> = {
      officeName: 'Studio Dentistico Sorriso',
      officePhone: '+390612345678',
      officeType: 'dental',
      timeZone: TIME_ZONE,
    };
    for (const [key, value] of Object.entries(settings)) {
      await tx.run('INSERT OR REPLACE INTO settings (key, value, updated_at) VALUES (?, ?, ?)', [key, JSON.stringify(value), now]);
    }
    const staff = [
      ['Dott. Marco Bianchi', 'dentist', '#1c7ed6'],
      ['Dott.ssa Elena Ferri', 'dentist', '#ae3ec9'],
      ['Sara Conti', 'hygienist', '#0ca678'],
    ] as const;
    for (const [index, [name, role, color]] of staff.entries()) {
      await tx.run(
        `INSERT INTO staff (id, display_name, role, color, working_hours, sort_order, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        [index + 1, name, role, color, WORKING_HOURS, index, now, now],
      );
      await tx.run('INSERT INTO rooms (id, name, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [
        index + 1, `Poltrona ${index + 1}`, index, now, now,
      ]);
    }
    await insertClients(tx, random, now);
    await insertAppointments(tx, random, now);
    // The suggested rules, so the demo's calendar turns into reminders on the simulator at once.
    const rules = new ReminderRulesRepository(tx);
    for (const rule of defaultRules) await rules.insert(rule, now);
    await appendAudit(tx, now, { actor: 'system', action: 'demo.seed', detail: 'demo office created' });
  });
}

async function insertClients(tx: SqlExecutor, random: RandomSource, now: number): Promise<void> {
  for (let id = 1; id <= CLIENT_COUNT; id++) {
    const english = id % 60 === 0 ? ENGLISH_CLIENTS[(id / 60) % ENGLISH_CLIENTS.length] : undefined;
    const firstName = english ? english[0] : pick(random, FIRST_NAMES);
    const lastName = english ? english[1] : pick(random, LAST_NAMES);
    const hasMobile = random.next() > 0.04;
    const mobile = hasMobile
      ? `+39${pick(random, MOBILE_PREFIXES)}${String(Math.floor(random.next() * 1e7)).padStart(7, '0')}`
      : null;
    const email = random.next() < 0.3 ? `${firstName}.${lastName}`.toLowerCase().replace(/\s+/g, '') + '@example.it' : null;
    await tx.run(
      `INSERT INTO clients (id, first_name, last_name, mobile, email, language, sms_opt_out, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, firstName, lastName, mobile, email, english ? 'en' : 'it', random.next() < 0.03 ? 1 : 0, now, now],
    );
  }
}

async function insertAppointments(tx: SqlExecutor, random: RandomSource, now: number): Promise<void> {
  const today = utcToZoned(now, TIME_ZONE);
  const todayUtcDate = Date.UTC(today.year, today.month - 1, today.day);
  for (let offset = -14; offset <= 16; offset++) {
    const date = new Date(todayUtcDate + offset * DAY_MS);
    const weekday = date.getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let chair = 1; chair <= 3; chair++) {
      // Walk the day in 15-minute steps from 08:30 to 18:30, skipping the 13:00–14:00 lunch break.
      let minute = 8 * 60 + 30;
      while (minute < 18 * 60 + 30) {
        if (minute >= 13 * 60 && minute < 14 * 60) {
          minute = 14 * 60;
          continue;
        }
        const length = pick(random, [30, 30, 45, 60, 60, 90]);
        if (random.next() < 0.3 || minute + length > 18 * 60 + 30) {
          minute += 15;
          continue;
        }
        const start = zonedToUtc(
          { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: Math.floor(minute / 60), minute: minute % 60 },
          TIME_ZONE,
        );
        const status = demoStatus(random, start < now);
        await tx.run(
          `INSERT INTO appointments (client_id, staff_id, room_id, start_at, end_at, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [1 + Math.floor(random.next() * CLIENT_COUNT), chair, chair, start, start + length * 60_000, status, now, now],
        );
        minute += length;
      }
    }
  }
}

function demoStatus(random: RandomSource, past: boolean): AppointmentStatus {
  const roll = random.next();
  if (past) return roll < 0.88 ? 'done' : roll < 0.94 ? 'no_show' : 'cancelled';
  return roll < 0.6 ? 'booked' : roll < 0.9 ? 'confirmed' : roll < 0.93 ? 'cancel_requested' : 'cancelled';
}
