/**
 * Random JSON to every API method through the real web bridge, on a temporary data
 * folder: wrong types, missing and unknown fields, huge strings, nesting, keys such
 * as "__proto__". Each answer is JSON, a result or a `{ code, message }` with a known
 * code, never a 5xx for bad input; the server keeps answering and the database stays
 * sound.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/app/create-core';
import { databasePathIn } from '../../src-main/app/data-dir';
import type { Logger } from '../../src-main/app/logger';
import { errorCodes, wireErrorSchema } from '../../src-main/contract/errors';
import { methodNames, methods, type MethodName } from '../../src-main/contract/methods';
import { SqliteConnection } from '../../src-main/db/sqlite-connection';
import { startWebBridge, type WebBridge } from '../../src-main/web/web-bridge';
import { rawRequest, type RawResponse } from '../support/http';
import { runs, scaledTimeout } from './runs';

/**
 * Whether a payload may be sent. Valid input to some methods does real work outside
 * the data folder: a channel update or test with a modem or SMPP config opens a
 * serial port or connects to a host; a backup writes wherever its absolute path
 * says. They get every random payload, but one that passes validation is sent only
 * when it stays on the simulator (and, for an update, keeps it delivering, so later
 * sends do not fail on purpose); a valid backup is never sent. What is tested is the
 * validation in front of them.
 * A method the contract declares but the core has no handler for yet (work in
 * progress) gets only payloads its validation refuses.
 */
function sendable(method: MethodName, body: string): boolean {
  // What the bridge hands the core: an empty body or null is "{}".
  const parsed = methods[method].input.safeParse(parseBody(body) ?? {});
  if (!parsed.success) return true;
  if (typeof (core.api as Partial<Record<string, unknown>>)[method] !== 'function') return false;
  const config = (parsed.data as { config?: { kind?: string; simulator?: { behaviour?: string } } }).config;
  switch (method) {
    case 'sms.channel.update':
      return config?.kind === 'simulator' && config.simulator?.behaviour === 'deliver';
    case 'sms.channel.test':
      return config?.kind === 'simulator';
    case 'store.backup':
      return false;
    default:
      return true;
  }
}

let dir: string;
let core: Core;
let bridge: WebBridge;
let reader: SqliteConnection;
const internalErrors: unknown[] = [];
const log: Logger = { info() {}, warn() {}, error: (message, err) => internalErrors.push({ message, err: String(err) }) };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'promemoria-api-property-'));
  await mkdir(join(dir, 'ui'), { recursive: true });
  // The simulator channel (the default): no SMS leaves the machine, whatever a payload asks.
  core = await createCore({ dataDir: join(dir, 'data'), log, systemTimeZone: 'Europe/Rome' });
  bridge = await startWebBridge({ core, rendererDir: join(dir, 'ui'), port: 0 });
  reader = await SqliteConnection.open(databasePathIn(core.dataDir), 'readonly');
  // Something for ids to find: a client, a staff member, a room and an appointment (each id 1), and its reminders.
  for (const method of ['clients.create', 'staff.create', 'rooms.create', 'appointments.create'] as const) {
    const [example] = EXAMPLES[method] ?? [];
    const response = await post(method, JSON.stringify(example));
    if (response.status !== 200) throw new Error(`${method}: ${response.body}`);
  }
});

afterAll(async () => {
  await reader?.close();
  await bridge?.close();
  await core?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function post(method: string, body: string): Promise<RawResponse> {
  return rawRequest(bridge.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: {
      Host: `127.0.0.1:${bridge.port}`,
      'Content-Type': 'application/json',
      Authorization: `Bearer ${bridge.token}`,
      Origin: `http://127.0.0.1:${bridge.port}`,
    },
    body,
  });
}

/**
 * The answer to any call: JSON, a result (200) or a wire error with a known code,
 * never INTERNAL, never a 5xx. `transportMayBeDown`: calls made at the same time as
 * a channel update, which restarts the channel, so a send in flight may get 503
 * TRANSPORT_DOWN ("The simulator was stopped"): a state of the channel, not an input error.
 */
function checkAnswer(method: string, body: string, response: RawResponse, { transportMayBeDown = false } = {}): void {
  const context = `${method} ${body.slice(0, 200)} → ${response.status} ${response.body.slice(0, 300)} ${JSON.stringify(internalErrors.slice(-1))}`;
  expect(response.headers['content-type'], context).toMatch(/^application\/json/);
  const answer: unknown = JSON.parse(response.body);
  if (response.status === 200) return;
  const error = wireErrorSchema.safeParse(answer);
  expect(error.success, context).toBe(true);
  if (!error.success) return;
  if (!(transportMayBeDown && error.data.code === 'TRANSPORT_DOWN')) expect(response.status, context).toBeLessThan(500);
  expect(errorCodes, context).toContain(error.data.code);
  expect(error.data.code, context).not.toBe('INTERNAL');
  // 400; or the bridge's own refusals of the request itself: 405 wrong verb, 413 too large, 415 not JSON.
  if (error.data.code === 'VALIDATION') expect([400, 405, 413, 415], context).toContain(response.status);
  // Clear, and ours to show: no stack trace, no path of the data folder.
  expect(error.data.message.trim().length, context).toBeGreaterThan(0);
  expect(error.data.message, context).not.toMatch(/\n\s+at /);
  expect(error.data.message, context).not.toContain(dir);
}

/** The property names a method's input schema knows, at any depth, so payloads hit its fields and not just its top. */
function fieldNames(method: MethodName): string[] {
  const schema = z.toJSONSchema(methods[method].input, { io: 'input', unrepresentable: 'any' });
  const names = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'properties' && inner !== null && typeof inner === 'object') Object.keys(inner).forEach((name) => names.add(name));
        walk(inner);
      }
    }
  };
  walk(schema);
  return [...names];
}

const HUGE = 'x'.repeat(200_000);
/** Values that fit some field somewhere, and many that fit none. */
const scalar = fc.oneof(
  fc.constantFrom(0, 1, -1, 2, 7, 1.5, -0.5, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, Date.UTC(2026, 2, 30, 8), Date.UTC(2026, 2, 30, 9)),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(
    '', ' ', 'x', '1', 'true', 'null', 'Rossi', '+393331234567', '3331234567', '06 1234 5678', 'mario@example.it',
    'Europe/Rome', 'Mars/Olympus_Mons', 'IT', 'it', 'en', 'dental', 'legal', 'simulator', 'modem', 'smpp', 'deliver',
    'skip', 'update', 'import', 'reject', 'this', 'following', 'all', 'weekly', 'daily', 'queued', 'sent', 'failed',
    'Q29nbm9tZTtOb21lClJvc3NpO01hcmlvCg==', '{first_name} {date} {time}', '#ff0000', '09:00', '18:00',
    '2026-03-30', '\u0000', '\ud800', '😀', '<script>', "'; DROP TABLE clients; --", '../../etc/passwd', 'C:\\',
  ),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constant(HUGE),
);

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Monday 4 March 2030, 09:00 in Rome: in the future, so reminders are planned for it. */
const T = Date.UTC(2030, 2, 4, 8, 0);
const simulatorConfig = { kind: 'simulator', simulator: { behaviour: 'deliver' }, modem: null, smpp: null };
const csv = Buffer.from('Cognome;Nome;Cellulare\nRossi;Mario;333 123 4567\n').toString('base64');

/**
 * A valid input for each method that takes one: the starting point of the mutated
 * payloads, so that random values land in fields that are otherwise right and
 * reach the handlers, not just the first check of the schema.
 */
const EXAMPLES: Partial<Record<MethodName, readonly unknown[]>> = {
  'settings.update': [{ officeName: 'Studio Rossi', officePhone: '+390612345678', officeType: 'dental', language: 'it', timeZone: 'Europe/Rome', defaultRegion: 'IT' }],
  'store.backup': [{ path: '/nonexistent/promemoria-backup.sqlite', overwrite: false }],
  'clients.create': [{ firstName: 'Mario', lastName: 'Rossi', mobile: '+393331234567', email: 'mario@example.it', language: 'it', notes: 'nota', allowDuplicate: true }],
  'clients.list': [{ query: 'ross 333', sort: 'lastName', archived: false, limit: 10, offset: 0 }],
  'clients.get': [{ id: 1 }],
  'clients.update': [{ id: 1, changes: { firstName: 'Maria', mobile: '333 123 4567', email: null }, allowDuplicate: true }],
  'clients.archive': [{ id: 1, archived: false }],
  'clients.checkMobile': [{ mobile: '333 123 4567', excludeId: 1 }],
  'clients.exportIcs': [{ id: 1 }],
  'clients.exportCsv': [{ archived: false }],
  'clients.import.preview': [{ content: csv }],
  'clients.import.run': [{ content: csv, mapping: ['lastName', 'firstName', 'mobile'], duplicates: 'update', phoneProblems: 'reject', allOrNothing: true, dryRun: false, importId: 'p' }],
  'staff.list': [{ includeInactive: true }],
  'staff.create': [{ name: 'Dott. Bianchi', role: 'dentist', color: '#228be6', workingHours: [{ weekday: 1, from: '08:00', to: '13:00' }, { weekday: 1, from: '14:00', to: '19:00' }], active: true }],
  'staff.update': [{ id: 1, changes: { name: 'Dott.ssa Bianchi', workingHours: [{ weekday: 2, from: '09:00', to: '24:00' }] } }],
  'staff.reorder': [{ ids: [1] }],
  'rooms.list': [{ includeInactive: false }],
  'rooms.create': [{ name: 'Poltrona 1', color: '#868e96', active: true }],
  'rooms.update': [{ id: 1, changes: { name: 'Poltrona 2', active: true } }],
  'rooms.reorder': [{ ids: [1] }],
  'appointments.list': [{ from: T - DAY, to: T + DAY }],
  'appointments.get': [{ id: 1 }],
  'appointments.create': [
    { clientId: 1, staffId: 1, roomId: 1, start: T, end: T + 30 * MINUTE, notes: '', status: 'booked', confirmConflicts: true },
    { clientId: 1, staffId: null, roomId: null, start: T + DAY, end: T + DAY + 30 * MINUTE, recurrence: { frequency: 'weekly', interval: 1, count: 3 }, confirmConflicts: true },
    { clientId: 1, staffId: 1, roomId: 1, start: T + 2 * DAY, end: T + 2 * DAY + 45 * MINUTE, recurrence: { frequency: 'monthly', until: '2030-06-30' }, confirmConflicts: false },
  ],
  'appointments.update': [{ id: 1, scope: 'one', changes: { start: T + 60 * MINUTE, end: T + 90 * MINUTE, status: 'confirmed' }, confirmConflicts: true }],
  'appointments.delete': [{ id: 2, scope: 'following' }],
  'appointments.conflicts': [
    { create: { clientId: 1, staffId: 1, roomId: 1, start: T, end: T + 30 * MINUTE } },
    { update: { id: 1, scope: 'one', changes: { start: T, end: T + 60 * MINUTE } } },
  ],
  'appointments.clientStats': [{ clientId: 1 }],
  'sms.channel.update': [{ config: simulatorConfig, smppPassword: null, simPin: null }],
  'sms.channel.test': [{ config: simulatorConfig }, { config: { ...simulatorConfig, kind: 'smpp', smpp: { host: '127.0.0.1', port: 1, systemId: 'x' } } }],
  'sms.simulator.reply': [{ from: '+393331234567', text: 'SI' }, { from: '+393331234567', text: 'STOP' }],
  'sms.test.send': [{ to: '+393331234567', text: 'Prova di invio' }],
  'reminders.rules.create': [{ name: 'Il giorno prima', offsetMinutes: 1440, templateIt: 'Ciao {first_name}, {date} alle {time}', templateEn: 'Hi {first_name}', active: true, staffIds: [1], roomIds: null }],
  'reminders.rules.update': [{ id: 1, changes: { name: 'Due giorni prima', offsetMinutes: 2880, staffIds: null } }],
  'reminders.rules.delete': [{ id: 3 }],
  'reminders.settings.update': [{ quietFrom: '21:00', quietTo: '08:00', quietSundays: true, minLeadMinutes: 30, autoAcknowledge: true }],
  'reminders.preview': [{ template: '{first_name}: {weekday} {date} {time} {staff} {nome}', language: 'it', appointmentId: 1 }],
  'messages.list': [{ states: ['queued', 'sent'], clientId: 1, from: T - 3 * DAY, to: T + DAY, offset: 0, limit: 10 }],
  'messages.timeline': [{ id: 1 }],
  'messages.sendNow': [{ id: 1 }],
  'messages.retry': [{ id: 1 }],
  'messages.cancel': [{ id: 2 }],
  'inbox.list': [{ unhandledOnly: true, offset: 0, limit: 10 }],
  'inbox.markHandled': [{ id: 1, handled: true }],
};

/** One change to a payload: a value somewhere set to another, taken away, or a key added. */
interface Mutation {
  kind: 'set' | 'delete' | 'add';
  pick: number;
  key: string;
  value: unknown;
}

/** Every object or array inside `root` (root included), each with the keys it has. */
function containers(root: unknown): Array<Record<string, unknown> | unknown[]> {
  const found: Array<Record<string, unknown> | unknown[]> = [];
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    found.push(value as Record<string, unknown> | unknown[]);
    Object.values(value).forEach(walk);
  };
  walk(root);
  return found;
}

function mutate(example: unknown, mutations: readonly Mutation[]): unknown {
  const copy = structuredClone(example);
  for (const { kind, pick, key, value } of mutations) {
    const all = containers(copy);
    const target = all[pick % all.length];
    if (target === undefined) continue;
    const keys = Object.keys(target);
    const existing = keys[pick % Math.max(1, keys.length)];
    if (Array.isArray(target) && (kind === 'add' || existing === undefined)) {
      target.push(value);
    } else if (kind === 'add' || existing === undefined) {
      // defineProperty: a key such as "__proto__" becomes an own property, as JSON.parse would make it.
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    } else if (kind === 'delete') {
      if (Array.isArray(target)) target.splice(Number(existing), 1);
      else delete target[existing];
    } else {
      (target as Record<string, unknown>)[existing] = value;
    }
  }
  return copy;
}

function payloadFor(method: MethodName): fc.Arbitrary<unknown> {
  const names = fieldNames(method);
  const key = fc.oneof(
    { weight: names.length > 0 ? 6 : 0, arbitrary: names.length > 0 ? fc.constantFrom(...names) : fc.constant('x') },
    { weight: 1, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '') },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  );
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 6, arbitrary: scalar },
      { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
      { weight: 1, arbitrary: fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 4 }) },
      { weight: 2, arbitrary: tie('object') },
    ),
    object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  }));
  const examples = EXAMPLES[method] ?? [];
  const mutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constantFrom('set', 'set', 'delete', 'add'), pick: fc.nat(), key, value });
  const mutated = fc
    .tuple(fc.constantFrom(...(examples.length > 0 ? examples : [{}])), fc.array(mutation, { minLength: 0, maxLength: 3 }))
    .map(([example, mutations]) => mutate(example, mutations));
  return fc.oneof(
    { weight: examples.length > 0 ? 8 : 0, arbitrary: mutated },
    { weight: 4, arbitrary: fc.dictionary(key, value, { maxKeys: 8 }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    { weight: 1, arbitrary: scalar },
  );
}

/** What goes on the wire: the payload as JSON, or, now and then, a body that is not JSON at all. */
const bodies = new Map<MethodName, fc.Arbitrary<string>>();
function bodyFor(method: MethodName): fc.Arbitrary<string> {
  let arbitrary = bodies.get(method);
  if (arbitrary === undefined) {
    arbitrary = bodyArbitrary(method);
    bodies.set(method, arbitrary);
  }
  return arbitrary;
}

function bodyArbitrary(method: MethodName): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: payloadFor(method).map((payload) => JSON.stringify(payload) ?? '') },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom('', '{', '{"a":', '[1,', 'nul', '\u0000', '{}{}', '{"__proto__":{"polluted":1}}'), fc.string()) },
  );
}

/** The input the bridge reads from a body (an empty body is "{}"), or a token for one that is not JSON. */
function parseBody(body: string): unknown {
  try {
    return body === '' ? {} : (JSON.parse(body) as unknown);
  } catch {
    return Symbol('not JSON');
  }
}

const NUM_RUNS_PER_METHOD = runs(18);

describe('every API method, random payloads through the web bridge', () => {
  it('covers every method of the contract', () => {
    expect(methodNames.length).toBeGreaterThan(40);
  });

  for (const method of methodNames) {
    it(`${method}: a result or a clear error, never a 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(bodyFor(method), async (body) => {
          fc.pre(sendable(method, body));
          checkAnswer(method, body, await post(method, body));
        }),
        { numRuns: NUM_RUNS_PER_METHOD },
      );
      const settings = await post('settings.get', '{}');
      expect(settings.status).toBe(200);
    }, scaledTimeout);
  }

  it('random method names: 404 NOT_FOUND (405 for a path such as ".." that leaves /api/)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(...'abcxyz._-'), minLength: 1, maxLength: 20 }), async (name) => {
        fc.pre(!(methodNames as string[]).includes(name));
        const response = await post(name, '{}');
        checkAnswer(name, '{}', response);
        expect([404, 405]).toContain(response.status);
      }),
      { numRuns: runs(30) },
    );
  });

  it('many random calls at once: each answered, none a 5xx', async () => {
    const call = fc
      .constantFrom(...methodNames)
      .chain((method) => bodyFor(method).map((body) => ({ method, body })))
      .filter(({ method, body }) => sendable(method, body));
    await fc.assert(
      fc.asyncProperty(fc.array(call, { minLength: 5, maxLength: 25 }), async (calls) => {
        const answers = await Promise.all(calls.map(({ method, body }) => post(method, body)));
        const channelUpdated = calls.some(({ method }) => method === 'sms.channel.update');
        answers.forEach((response, i) => checkAnswer(calls[i]?.method ?? '', calls[i]?.body ?? '', response, { transportMayBeDown: channelUpdated }));
      }),
      { numRuns: runs(8) },
    );
  }, scaledTimeout);

  it('a body over the 10 MB limit: 413 VALIDATION, and the server goes on', async () => {
    const response = await post('clients.import.preview', JSON.stringify({ content: 'A'.repeat(11 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ code: 'VALIDATION' });
  });

  it('afterwards: the server still answers, nothing failed inside, the database passes PRAGMA integrity_check', async () => {
    const settings = await post('settings.get', '{}');
    expect(settings.status).toBe(200);
    expect(JSON.parse(settings.body)).toMatchObject({ defaultRegion: expect.stringMatching(/^[A-Z]{2}$/) });
    expect(internalErrors).toEqual([]);
    expect(await reader.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(await reader.all('PRAGMA foreign_key_check')).toEqual([]);
  });
});
