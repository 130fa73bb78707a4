/**
 * The whole app against an SMSC that misbehaves: the core (createCore) with its
 * dispatcher and outbox in a real SQLite file, messages queued in the outbox,
 * Debian's Net::SMPP on loopback as the SMSC, then a fault. What must hold, for
 * each fault: nothing is lost (every message ends submitted, or waits queued
 * with the reason while the fault lasts), nothing is accepted twice beyond the
 * window of submits in flight (the SMSC's own record is the truth), and the app
 * keeps answering and says what is wrong.
 *
 * Faults whose timeouts the channel settings do not expose (the per-request
 * timeout is 10 s, enquire_link every 30 s + 10 s) are injected into the same
 * dispatcher and outbox on a real database, around an SMPP transport built with
 * short timeouts ("mini app", see fault-rig.ts).
 *
 * The transport's own reactions to these faults are tested in test/sms/smpp.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import { seededRandom } from '../../src-main/app/random';
import { SmppTransport, type SmppSettings } from '../../src-main/sms/smpp/smpp-transport';
import { SmscPeer } from '../peers/smsc/smsc-peer';
import { apiCall } from '../support/api-call';
import {
  acceptedBySmsc,
  channelStatuses,
  countBy,
  duplicatesIn,
  miniApp,
  numbered,
  prepareOffice,
  readOutbox,
  sleep,
  smppChannel,
  startCore,
  until,
  untilSettled,
  WarpTime,
  type OutboxEvent,
} from './fault-rig';

const PASSWORD = 'giusta';

async function smscPeer(): Promise<SmscPeer> {
  const smsc = await SmscPeer.start({ systemId: 'studio', password: PASSWORD });
  onTestFinished(() => smsc.stop());
  return smsc;
}

/** The texts of the first `count` numbered messages, "Prova 1"…, for comparing with the SMSC's record. */
function texts(count: number): string[] {
  return numbered(count).map((m) => m.body);
}

function eventsOf(events: OutboxEvent[], messageId: number): string[] {
  return events.filter((e) => e.message_id === messageId).map((e) => `${e.from_state ?? ''}>${e.to_state}`);
}

describe('SMSC faults, whole app', () => {
  it('link dropped with submits in flight: they go back to the queue and all go after the rebind, none lost, duplicates within the window', async () => {
    const smsc = await smscPeer();
    await smsc.hold();
    const dataDir = await prepareOffice(smppChannel(smsc.port), numbered(25));
    const core = await startCore(dataDir, { smppPassword: PASSWORD });
    const statuses = channelStatuses(core);

    await smsc.waitFor((s) => s.outstanding === 10, 10_000);
    const before = await readOutbox(dataDir);
    expect(countBy(before.rows, (r) => r.state)).toEqual({ sending: 10, queued: 15 });
    const inFlight = before.rows.filter((r) => r.state === 'sending').map((r) => r.body);
    expect((await apiCall(core, 'dispatch.status', {})).inFlight).toBe(10);

    await smsc.drop();
    await smsc.release(); // the next connection is answered as usual
    const { rows, events } = await untilSettled(dataDir, 15_000);

    expect(countBy(rows, (r) => r.state)).toEqual({ submitted: 25 });
    // The app saw the link go and said why, then came back by itself.
    expect(statuses.some((s) => s.state === 'down' && /link lost/.test(s.lastError ?? ''))).toBe(true);
    expect(await apiCall(core, 'sms.channel.status', {})).toMatchObject({ state: 'up', healthy: true });
    expect(await apiCall(core, 'dispatch.status', {})).toMatchObject({ queued: 0, inFlight: 0 });
    // The ones in flight went back to the queue with the reason, without using up a try (the link was at fault).
    for (const row of rows.filter((r) => inFlight.includes(r.body))) {
      expect(eventsOf(events, row.id)).toEqual(['queued>sending', 'sending>queued', 'queued>sending', 'sending>submitted']);
      expect(events.find((e) => e.message_id === row.id && e.to_state === 'queued')?.detail).toMatch(/^SMPP link down/);
      expect(row.attempts).toBe(1);
    }
    // The SMSC's record: every text accepted; only the ones it held unanswered were accepted twice.
    const accepted = await acceptedBySmsc(smsc);
    expect([...accepted.keys()].sort()).toEqual(texts(25).sort());
    const twice = [...accepted].filter(([, n]) => n > 1).map(([text]) => text);
    expect(twice.every((text) => inFlight.includes(text))).toBe(true);
    expect(duplicatesIn(accepted)).toBeLessThanOrEqual(10);
    expect((await smsc.stats()).connections).toBe(2);
  });

  it('throttling storm (200 × ESME_RTHROTTLED): every message goes in the end, each throttle counted as a try, none failed', async () => {
    const smsc = await smscPeer();
    await smsc.throttle(200);
    const time = new WarpTime(200); // the retry waits (30 s, 1 min, 2 min…) pass 200 times faster
    const dataDir = await prepareOffice(smppChannel(smsc.port), numbered(50));
    const core = await startCore(dataDir, { smppPassword: PASSWORD, time });
    const statuses = channelStatuses(core);

    // While it lasts, the app answers: the link is up, messages wait in the queue for their next try.
    await smsc.waitFor((s) => s.submits.length >= 60, 10_000);
    const during = await apiCall(core, 'dispatch.status', {});
    expect(during.queued).toBeGreaterThan(0);
    expect(during.channel).toMatchObject({ state: 'up', healthy: true });

    const { rows, events } = await untilSettled(dataDir, 25_000);
    expect(countBy(rows, (r) => r.state)).toEqual({ submitted: 50 });
    const stats = await smsc.stats();
    expect(stats.submits.filter((s) => s.status === 0x58)).toHaveLength(200);
    // Every try is counted: one per submit the SMSC saw, and per message the throttles it got plus the one that went.
    expect(rows.reduce((sum, r) => sum + r.attempts, 0)).toBe(stats.submits.length);
    const throttled = events.filter((e) => e.to_state === 'queued' && /ESME_RTHROTTLED/.test(e.detail ?? ''));
    expect(throttled).toHaveLength(200);
    for (const row of rows) expect(row.attempts).toBe(1 + throttled.filter((e) => e.message_id === row.id).length);
    expect(Math.max(...rows.map((r) => r.attempts))).toBeLessThan(8); // far from giving up
    // Throttling is no reason to drop the link, and nothing was accepted twice.
    expect(statuses.every((s) => s.state === 'up')).toBe(true);
    expect(stats.connections).toBe(1);
    const accepted = await acceptedBySmsc(smsc);
    expect([...accepted.keys()].sort()).toEqual(texts(50).sort());
    expect(duplicatesIn(accepted)).toBe(0);
  });

  it('wrong password: messages stay queued (not failed), the status says ESME_RINVPASWD, and after fixing it they all go', async () => {
    const smsc = await smscPeer();
    const dataDir = await prepareOffice(smppChannel(smsc.port), numbered(12));
    const core = await startCore(dataDir, { smppPassword: 'sbagliata' });

    const refused = await until(() => apiCall(core, 'sms.channel.status', {}), (s) => s.lastError !== undefined, 10_000, 'a bind refusal');
    expect(refused).toMatchObject({ state: 'down', healthy: false });
    expect(refused.lastError).toContain('ESME_RINVPASWD');
    // Not retried in a loop (an account can get locked): the next try is minutes away.
    expect(Number(/next try in (\d+) s/.exec(refused.detail)?.[1])).toBeGreaterThanOrEqual(60);
    await sleep(500);
    const status = await apiCall(core, 'dispatch.status', {});
    expect(status).toMatchObject({ queued: 12, inFlight: 0 });
    expect(status.channel.lastError).toContain('ESME_RINVPASWD');
    const waiting = await readOutbox(dataDir);
    expect(waiting.rows.map((r) => [r.state, r.attempts])).toEqual(Array.from({ length: 12 }, () => ['queued', 0]));
    expect(await smsc.stats()).toMatchObject({ binds: 1, bind_failures: 1, submits: [] });
    expect(JSON.stringify(status)).not.toContain('sbagliata');

    await apiCall(core, 'sms.channel.update', { config: smppChannel(smsc.port), smppPassword: PASSWORD });
    const { rows } = await untilSettled(dataDir, 10_000);
    expect(rows.map((r) => [r.state, r.attempts])).toEqual(Array.from({ length: 12 }, () => ['submitted', 1]));
    const accepted = await acceptedBySmsc(smsc);
    expect([...accepted.keys()].sort()).toEqual(texts(12).sort());
    expect(duplicatesIn(accepted)).toBe(0);
    expect(await apiCall(core, 'sms.channel.status', {})).toMatchObject({ state: 'up', healthy: true });
  });

  it('garbage on the socket: an unknown but well-framed PDU is answered and the link stays; broken framing drops it, and after the rebind all go', async () => {
    const smsc = await smscPeer();
    await smsc.hold();
    const dataDir = await prepareOffice(smppChannel(smsc.port), numbered(30));
    const core = await startCore(dataDir, { smppPassword: PASSWORD });
    const statuses = channelStatuses(core);
    await smsc.waitFor((s) => s.outstanding === 10, 10_000);

    // A PDU of a command nobody knows, with a sequence number none of ours uses: answered generic_nack, nothing else.
    await smsc.garbage(Buffer.from('000000100000abcd000000007ffffff0', 'hex'));
    await sleep(300);
    expect(await smsc.stats()).toMatchObject({ connections: 1, bound: true, outstanding: 10 });
    expect(statuses.every((s) => s.state === 'up')).toBe(true);

    // Bytes that cannot start a PDU (a length of 4 GB): the stream is broken, so the link is dropped and bound again.
    await smsc.garbage(Buffer.from('ffffffff0102030405060708090a0b0c', 'hex'));
    await smsc.release();
    const { rows, events } = await untilSettled(dataDir, 15_000);
    expect(countBy(rows, (r) => r.state)).toEqual({ submitted: 30 });
    expect(statuses.some((s) => s.state === 'down' && /Invalid PDU length/.test(s.lastError ?? ''))).toBe(true);
    expect(events.filter((e) => e.from_state === 'sending' && e.to_state === 'queued')).toHaveLength(10);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const stats = await smsc.stats();
    expect(stats.connections).toBe(2);
    const accepted = await acceptedBySmsc(smsc);
    expect([...accepted.keys()].sort()).toEqual(texts(30).sort());
    expect(duplicatesIn(accepted)).toBeLessThanOrEqual(10);
    expect(await apiCall(core, 'dispatch.status', {})).toMatchObject({ queued: 0, inFlight: 0, channel: { state: 'up' } });
  });
});

/** An SMPP transport to `smsc` with the given short timeouts (the channel settings offer none of these). */
function fastTransport(smsc: SmscPeer, time: WarpTime, settings: Partial<SmppSettings>): SmppTransport {
  return new SmppTransport(
    {
      host: '127.0.0.1',
      port: smsc.port,
      tls: false,
      systemId: 'studio',
      password: PASSWORD,
      sourceAddr: 'Studio',
      connectTimeoutMs: 1000,
      reconnectInitialMs: 100,
      reconnectMaxMs: 400,
      closeTimeoutMs: 500,
      ...settings,
    },
    { clock: time, random: seededRandom(3) },
  );
}

describe('SMSC faults, dispatcher and outbox around a transport with short timeouts', () => {
  it('answers slower than the per-request timeout: retried with the reason and counted, the link renewed, all sent once the SMSC is quick again', async () => {
    const smsc = await smscPeer();
    await smsc.delay(900);
    const time = new WarpTime(100);
    const transport = fastTransport(smsc, time, { requestTimeoutMs: 500, windowSize: 5 });
    const app = await miniApp(transport, 5, numbered(12), time);

    // Every slot waits on a timed-out submit: the transport gives up on the link.
    await until(() => smsc.stats(), (s) => s.connections >= 2, 10_000, 'a new connection');
    await smsc.delay(0);
    const { rows, events } = await untilSettled(app.dataDir, 15_000);

    expect(countBy(rows, (r) => r.state)).toEqual({ submitted: 12 });
    const timeouts = events.filter((e) => e.to_state === 'queued' && e.detail === 'no submit_sm_resp within 500 ms');
    expect(timeouts.length).toBeGreaterThanOrEqual(5);
    // A timeout is a try (the SMSC may have taken it); a link lost is not.
    for (const row of rows) expect(row.attempts).toBe(1 + timeouts.filter((e) => e.message_id === row.id).length);
    expect(app.statuses.some((s) => s.state === 'down' && /the SMSC stopped answering submits/.test(s.lastError ?? ''))).toBe(true);
    expect(transport.status().state).toBe('up');
    // The SMSC took the slow ones although we never heard back: each at most once more than it should, and only those.
    const accepted = await acceptedBySmsc(smsc);
    expect([...accepted.keys()].sort()).toEqual(texts(12).sort());
    expect(duplicatesIn(accepted)).toBeLessThanOrEqual(timeouts.length);
    const timedOutIds = new Set(timeouts.map((e) => e.message_id));
    const timedOutTexts = rows.filter((r) => timedOutIds.has(r.id)).map((r) => r.body);
    expect([...accepted].filter(([, n]) => n > 1).every(([text]) => timedOutTexts.includes(text))).toBe(true);
  });

  it('enquire_link goes unanswered with submits in flight: the watchdog drops the link, they are queued again and all go after the rebind', async () => {
    const smsc = await smscPeer();
    await smsc.hold();
    const time = new WarpTime(100);
    const transport = fastTransport(smsc, time, { requestTimeoutMs: 5000, enquireLinkIntervalMs: 250, enquireLinkTimeoutMs: 300 });
    const app = await miniApp(transport, 10, numbered(20), time);
    await smsc.waitFor((s) => s.outstanding === 10, 10_000);
    await smsc.answerEnquireLink(false);

    const stats = await until(() => smsc.stats(), (s) => s.connections >= 2, 10_000, 'a new connection');
    expect(stats.enquire_links_ignored).toBeGreaterThanOrEqual(1);
    await smsc.release(); // the new connection answers enquire_link again (the fault lasts one connection)
    const { rows, events } = await untilSettled(app.dataDir, 10_000);

    expect(countBy(rows, (r) => r.state)).toEqual({ submitted: 20 });
    expect(app.statuses.some((s) => s.state === 'down' && /no enquire_link_resp within 300 ms/.test(s.lastError ?? ''))).toBe(true);
    // The 10 in flight went back to the queue without using up a try (the link was at fault).
    expect(events.filter((e) => e.from_state === 'sending' && e.to_state === 'queued' && /^SMPP link down/.test(e.detail ?? '')).length).toBeGreaterThanOrEqual(10);
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const accepted = await acceptedBySmsc(smsc);
    expect([...accepted.keys()].sort()).toEqual(texts(20).sort());
    // At most a window's worth per link lost (one, unless a slow machine missed another enquire_link_resp).
    expect(duplicatesIn(accepted)).toBeLessThanOrEqual(10 * ((await smsc.stats()).connections - 1));
    expect(app.dispatcher.snapshot().inFlight).toBe(0);
  });

  it('garbage that looks like the start of a PDU stalls the stream: the request timeout catches it, and all go after the rebind', async () => {
    const smsc = await smscPeer();
    await smsc.hold();
    const time = new WarpTime(100);
    const transport = fastTransport(smsc, time, { requestTimeoutMs: 500, windowSize: 10 });
    const app = await miniApp(transport, 10, numbered(20), time);
    await smsc.waitFor((s) => s.outstanding === 10, 10_000);

    // A plausible length (1 KB) and then nothing: every answer after it is swallowed as the rest of that "PDU".
    await smsc.garbage(Buffer.from('00000400800000040000000000000001', 'hex'));
    await smsc.release();
    await until(() => smsc.stats(), (s) => s.connections >= 2, 10_000, 'a new connection');
    const { rows } = await untilSettled(app.dataDir, 10_000);

    expect(countBy(rows, (r) => r.state)).toEqual({ submitted: 20 });
    expect(app.statuses.some((s) => s.state === 'down')).toBe(true);
    const accepted = await acceptedBySmsc(smsc);
    expect([...accepted.keys()].sort()).toEqual(texts(20).sort());
    expect(duplicatesIn(accepted)).toBeLessThanOrEqual(10);
  });
});
