/**
 * The whole app against a GSM modem that misbehaves: the core (createCore) with
 * its dispatcher and outbox in a real SQLite file, the channel set to a modem on
 * one end of a real socat pseudo-terminal pair, our modem simulator on the other.
 * What must hold, for each fault: nothing is lost (every message ends submitted
 * or failed with the reason, or waits queued while the fault lasts), nothing
 * reaches the network twice, one bad message does not hold up the others, and
 * the status says what is wrong.
 *
 * A modem that stops answering, or answers noise, is noticed through command
 * timeouts the channel settings do not expose (5 s each, polls every 30 s): those
 * faults are injected into the same dispatcher and outbox on a real database,
 * around a modem transport with short timeouts ("mini app", see fault-rig.ts).
 *
 * The transport's own reactions to these faults are tested in test/sms/modem.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { seededRandom } from '../../src-main/app/random';
import { ModemTransport } from '../../src-main/sms/modem/modem-transport';
import { ModemSimulator, type ModemSimulatorOptions } from '../peers/modem-simulator/modem-simulator';
import { startPtyPair, type PtyPair } from '../peers/modem-simulator/pty-pair';
import { apiCall } from '../support/api-call';
import { tempDir } from '../support/temp-dir';
import { FAST_SETTINGS } from '../sms/modem/modem-rig';
import {
  channelStatuses,
  countBy,
  miniApp,
  modemChannel,
  numbered,
  prepareOffice,
  readOutbox,
  sleep,
  startCore,
  until,
  untilSettled,
  WarpTime,
  type OutboxEvent,
} from './fault-rig';

/** Message n goes to +39 333 000 000n: the simulator can pick one out by its number. */
const phoneOf = (n: number) => `+39333000000${n}`;

async function modemPeer(options: ModemSimulatorOptions = {}): Promise<{ pty: PtyPair; sim: ModemSimulator }> {
  const pty = await startPtyPair(await tempDir('promemoria-modem-'));
  const sim = await ModemSimulator.start(pty, options);
  onTestFinished(async () => {
    await sim.stop();
    await pty.stop();
  });
  return { pty, sim };
}

/** What reached the network, by text, in the order the modem accepted it. */
function sentTexts(sim: ModemSimulator): string[] {
  return sim.sent.map((s) => s.reading.text);
}

function timelineOf(events: OutboxEvent[], messageId: number): string[] {
  return events.filter((e) => e.message_id === messageId).map((e) => `${e.from_state ?? ''}>${e.to_state}${e.to_state === 'queued' ? ` (${e.detail ?? ''})` : ''}`);
}

describe('modem faults, whole app', () => {
  it('the port vanishes in the middle of a send: that message goes back to the queue and is sent after the port is reopened', async () => {
    const { pty, sim } = await modemPeer();
    sim.hangUpOnNextSend(400); // the PDU is swallowed and the USB modem pulled out for 0.4 s
    const dataDir = await prepareOffice(modemChannel(pty.clientPath), numbered(5, phoneOf));
    const core = await startCore(dataDir);
    const statuses = channelStatuses(core);

    const { rows, events } = await untilSettled(dataDir, 15_000);
    expect(countBy(rows, (r) => r.state)).toEqual({ submitted: 5 });
    const first = rows[0];
    expect(timelineOf(events, first?.id ?? 0)).toEqual([
      'queued>sending',
      'sending>queued (The modem went away while sending)',
      'queued>sending',
      'sending>submitted',
    ]);
    expect(first?.attempts).toBe(1); // the channel was at fault, not the message
    expect(statuses.some((s) => s.state === 'down' && /Modem disconnected/.test(s.detail))).toBe(true);
    expect(await apiCall(core, 'sms.channel.status', {})).toMatchObject({ state: 'up', healthy: true });
    // Each text reached the network exactly once: the swallowed PDU never got there.
    expect([...sentTexts(sim)].sort()).toEqual(numbered(5).map((m) => m.body).sort());
  });

  it('+CMS ERROR for one message: a network cause is retried later, a cause about the number fails with the reason, and the others go meanwhile', async () => {
    const { pty, sim } = await modemPeer();
    sim.failSendsTo(phoneOf(2), 38); // network out of order: worth another try
    sim.failSendsTo(phoneOf(4), 1); // unassigned number: no use trying again
    const time = new WarpTime(100); // the 30 s retry wait passes in a fraction of a second
    const dataDir = await prepareOffice(modemChannel(pty.clientPath), numbered(5, phoneOf));
    const core = await startCore(dataDir, { time });
    const statuses = channelStatuses(core);

    const { rows, events } = await untilSettled(dataDir, 15_000);
    expect(rows.map((r) => [r.body, r.state, r.attempts, r.error])).toEqual([
      ['Prova 1', 'submitted', 1, null],
      ['Prova 2', 'submitted', 2, null],
      ['Prova 3', 'submitted', 1, null],
      ['Prova 4', 'failed', 1, 'Modem: unassigned number'],
      ['Prova 5', 'submitted', 1, null],
    ]);
    expect(timelineOf(events, rows[1]?.id ?? 0)).toContain('sending>queued (Modem: network out of order)');
    // Nobody waited for the troubled ones; each text reached the network once, the unassigned number never.
    expect(sentTexts(sim)).toEqual(['Prova 1', 'Prova 3', 'Prova 5', 'Prova 2']);
    expect(statuses.every((s) => s.state === 'up')).toBe(true);
    expect(await apiCall(core, 'dispatch.status', {})).toMatchObject({ queued: 0, inFlight: 0 });
  });

  it('a SIM asking for its PUK: nothing is sent, the status says so, the messages wait queued; once unlocked and the settings saved again, they go', async () => {
    const { pty, sim } = await modemPeer({ pukLocked: true });
    const dataDir = await prepareOffice(modemChannel(pty.clientPath), numbered(4, phoneOf));
    const core = await startCore(dataDir);

    const locked = await until(() => apiCall(core, 'sms.channel.status', {}), (s) => s.lastError !== undefined, 10_000, 'the SIM state');
    expect(locked).toMatchObject({ state: 'down', healthy: false, lastError: 'SIM_PUK_REQUIRED' });
    expect(locked.detail).toContain('PUK');
    await sleep(500);
    expect(await apiCall(core, 'dispatch.status', {})).toMatchObject({ queued: 4, inFlight: 0, channel: { lastError: 'SIM_PUK_REQUIRED' } });
    const waiting = await readOutbox(dataDir);
    expect(waiting.rows.map((r) => [r.state, r.attempts])).toEqual(Array.from({ length: 4 }, () => ['queued', 0]));
    // Nothing tried on a locked SIM: no PIN guessed (a PUK-locked SIM must not be poked), no send.
    expect(sim.commands.filter((c) => /^AT\+(CPIN=|CMGS)/i.test(c))).toEqual([]);
    expect(sim.sent).toEqual([]);

    sim.unlockSim(); // the PUK entered in a phone
    await apiCall(core, 'sms.channel.update', { config: modemChannel(pty.clientPath) });
    const { rows } = await untilSettled(dataDir, 10_000);
    expect(rows.map((r) => [r.state, r.attempts])).toEqual(Array.from({ length: 4 }, () => ['submitted', 1]));
    expect([...sentTexts(sim)].sort()).toEqual(numbered(4).map((m) => m.body).sort());
  });
});

function fastModem(path: string, time: WarpTime): ModemTransport {
  return new ModemTransport(
    { path, ...FAST_SETTINGS, commandTimeoutMs: 300, promptTimeoutMs: 300 },
    { clock: time, random: seededRandom(9) },
  );
}

/** Noise as a modem at the wrong speed sends it: high bytes, NULs, stray CR LF, a lone ">" (not a real prompt). */
const NOISE = Buffer.from([0xff, 0xfe, 0x00, 0x3f, 0x7e, 0x0d, 0x0a, 0x80, 0xc3, 0x3e, 0x20, 0x9a, 0x0d, 0x0a, 0x4f, 0x4a, 0x0d, 0x0a]);

describe('modem faults, dispatcher and outbox around a modem transport with short timeouts', () => {
  it('the modem stops answering mid-queue: the status says so, the message in flight is retried, and all go once it answers again', async () => {
    const { pty, sim } = await modemPeer({ networkDelayMs: 100 });
    const time = new WarpTime(100);
    const transport = fastModem(pty.clientPath, time);
    const app = await miniApp(transport, 1, numbered(8, phoneOf), time);

    await until(() => sim.sent.length, (n) => n >= 2, 10_000, 'two messages out');
    sim.setSilent(true);
    await until(() => app.statuses, (s) => s.some((x) => x.lastError === 'NO_ANSWER'), 10_000, 'the silence noticed');
    expect(transport.status()).toMatchObject({ state: 'down', lastError: 'NO_ANSWER' });
    expect(transport.status().detail).toMatch(/stopped answering|does not answer/);
    const during = await readOutbox(app.dataDir);
    expect(during.rows.some((r) => r.state === 'failed')).toBe(false);
    expect(during.rows.filter((r) => r.state === 'queued').length).toBeGreaterThan(0); // waiting, with the reason kept
    expect(during.rows.filter((r) => r.state === 'sending').length).toBeLessThanOrEqual(1);

    sim.setSilent(false);
    const { rows, events } = await untilSettled(app.dataDir, 15_000);
    expect(countBy(rows, (r) => r.state)).toEqual({ submitted: 8 });
    const timeouts = events.filter((e) => e.to_state === 'queued' && /^No answer from the modem/.test(e.detail ?? ''));
    expect(timeouts.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) expect(row.attempts).toBe(1 + timeouts.filter((e) => e.message_id === row.id).length);
    // A silent modem took nothing: each text reached the network once.
    expect([...sentTexts(sim)].sort()).toEqual(numbered(8).map((m) => m.body).sort());
    expect(transport.status().state).toBe('up');
  });

  it('the modem answers noise: noise around an answer is ignored; noise instead of answers is reported, and all go once it talks sense again', async () => {
    const { pty, sim } = await modemPeer({ networkDelayMs: 100 });
    const noiseLines = [NOISE.toString('latin1').replace(/[\r\n]/g, ''), '\u00ff\u00feOK?', '+CMS ERR0R: 3\u0080'];
    sim.injectDuring('+CMGS', noiseLines);
    sim.injectDuring('+CMGS', noiseLines);
    const time = new WarpTime(100);
    const transport = fastModem(pty.clientPath, time);
    const app = await miniApp(transport, 1, numbered(8, phoneOf), time);

    // Line noise in the middle of two sends: both still read their +CMGS reference.
    await until(() => sim.sent.length, (n) => n >= 3, 10_000, 'three messages out');
    const early = await readOutbox(app.dataDir);
    expect(early.events.filter((e) => e.to_state === 'queued')).toEqual([]);

    sim.answerGarbage(NOISE);
    await until(() => app.statuses, (s) => s.some((x) => x.lastError === 'NO_ANSWER'), 10_000, 'the noise noticed');
    expect(transport.status().state).toBe('down');
    const during = await readOutbox(app.dataDir);
    expect(during.rows.some((r) => r.state === 'failed')).toBe(false);
    expect(during.rows.filter((r) => r.state === 'queued').length).toBeGreaterThan(0); // still work to do after the noise

    sim.answerGarbage(undefined);
    const { rows } = await untilSettled(app.dataDir, 15_000);
    expect(countBy(rows, (r) => r.state)).toEqual({ submitted: 8 });
    expect([...sentTexts(sim)].sort()).toEqual(numbered(8).map((m) => m.body).sort());
    expect(transport.status().state).toBe('up');
  });
});
