/**
 * Submitting under pressure, against the Perl SMSC: the window, throttling,
 * permanent refusals, timeouts, a link dropped mid-window, the rate limit.
 */
import { describe, expect, it } from 'vitest';
import type { SendOutcome } from '../../../src-main/sms/transport';
import type { SeenSubmit } from '../../peers/smsc/smsc-peer';
import { sleep, smppFixture, sms, waitForLink } from './smpp-fixture';

const ESME_RINVDSTADR = 0x0b;

/** The text a GSM-7 submit carried (the test texts are plain ASCII letters, digits and spaces). */
function textOf(submit: SeenSubmit): string {
  return Buffer.from(submit.short_message, 'hex').toString('latin1');
}

describe('SMPP submit window', () => {
  it('never has more than 10 submits unanswered, even with 50 waiting', async () => {
    const { smsc, transport } = await smppFixture();
    await smsc.hold();
    const texts = Array.from({ length: 50 }, (_, i) => `Reminder ${i}`);
    const sending = Promise.all(texts.map((text) => transport.send(sms(text))));

    await smsc.waitFor((s) => s.outstanding === 10);
    await sleep(200); // time for an eleventh submit to arrive, were the window leaking
    expect((await smsc.stats()).outstanding).toBe(10);
    await smsc.release();

    const outcomes = await sending;
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const stats = await smsc.stats();
    expect(stats.max_outstanding).toBe(10);
    expect(stats.submits.map(textOf).sort()).toEqual([...texts].sort());
  });

  it('honours a smaller configured window', async () => {
    const { smsc, transport } = await smppFixture({ settings: { windowSize: 3 } });
    await smsc.delay(20);
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => transport.send(sms(`Small window ${i}`))));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect((await smsc.stats()).max_outstanding).toBe(3);
  });
});

describe('SMPP refusals', () => {
  it('answers ESME_RTHROTTLED as retryable, and the retried messages go through', async () => {
    const { smsc, transport } = await smppFixture();
    await smsc.throttle(3);
    const texts = Array.from({ length: 5 }, (_, i) => `Throttle ${i}`);
    const first = await Promise.all(texts.map((text) => transport.send(sms(text))));
    const throttled = texts.filter((_, i) => !first[i]?.ok);
    expect(throttled).toHaveLength(3);
    for (const outcome of first.filter((o) => !o.ok)) {
      expect(outcome).toMatchObject({ ok: false, retryable: true, code: 'ESME_RTHROTTLED' });
    }

    const retried = await Promise.all(throttled.map((text) => transport.send(sms(text))));
    expect(retried.every((o) => o.ok)).toBe(true);
    const accepted = (await smsc.stats()).submits.filter((s) => s.status === 0).map(textOf);
    expect(accepted.sort()).toEqual([...texts].sort());
  });

  it('reports a permanent refusal with the command status name and a readable reason', async () => {
    const { smsc, transport } = await smppFixture();
    await smsc.fail(1, ESME_RINVDSTADR);
    const outcome = await transport.send(sms('numero sbagliato', { to: '+39000' }));
    expect(outcome).toMatchObject({ ok: false, retryable: false, code: 'ESME_RINVDSTADR' });
    expect(outcome.ok ? '' : outcome.reason).toContain('destination');
    expect(await transport.send(sms('il prossimo va'))).toMatchObject({ ok: true });
  });

  it('answers TIMEOUT (retryable) when the SMSC does not answer a submit in time', async () => {
    const { smsc, transport } = await smppFixture({ settings: { requestTimeoutMs: 200 } });
    await smsc.hold();
    expect(await transport.send(sms('nessuna risposta'))).toMatchObject({ ok: false, retryable: true, code: 'TIMEOUT' });
    expect(transport.status().state).toBe('up'); // one slow answer is no reason to drop the link
  });

  it('drops and rebinds when every window slot waits on a timed-out submit', async () => {
    const { smsc, transport } = await smppFixture({ settings: { requestTimeoutMs: 150, windowSize: 2 } });
    await smsc.hold();
    const outcomes = await Promise.all([transport.send(sms('bloccato 1')), transport.send(sms('bloccato 2'))]);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['TIMEOUT', 'TIMEOUT']);
    await smsc.release();
    await smsc.waitFor((s) => s.connections === 2);
    await waitForLink(transport, 'up');
    expect(await transport.send(sms('di nuovo libero'))).toMatchObject({ ok: true });
  });
});

describe('SMPP link dropped with submits in flight', () => {
  it('answers LINK_DOWN for them all; re-sent after the rebind, every message is accepted', async () => {
    const { smsc, transport } = await smppFixture();
    await smsc.hold();
    const texts = Array.from({ length: 20 }, (_, i) => `In flight ${i}`);
    const sending = Promise.all(texts.map((text) => transport.send(sms(text))));
    await smsc.waitFor((s) => s.outstanding === 10);
    await smsc.drop();
    const outcomes = await sending;
    expect(outcomes.every((o) => !o.ok && o.retryable && o.code === 'LINK_DOWN')).toBe(true);
    expect(await transport.send(sms('while down'))).toMatchObject({ ok: false, code: 'LINK_DOWN' });

    await smsc.release(); // the new connection is answered normally
    await waitForLink(transport, 'up');
    // What a dispatcher does: send every retryable message again.
    let pending = texts.filter((_, i) => retryable(outcomes[i]));
    for (let round = 0; pending.length > 0 && round < 5; round++) {
      const again = await Promise.all(pending.map((text) => transport.send(sms(text))));
      pending = pending.filter((_, i) => retryable(again[i]));
    }
    expect(pending).toEqual([]);

    const submits = (await smsc.stats()).submits;
    const acceptedAndAnswered = submits.filter((s) => s.status === 0 && s.answered).map(textOf);
    expect(acceptedAndAnswered.sort()).toEqual([...texts].sort());
    // The SMSC accepted the 10 in flight before dropping the link without answering:
    // we could not know, so they were sent twice. SMPP cannot do better; the count
    // is bounded by the window.
    const duplicates = texts.filter((text) => submits.filter((s) => s.status === 0 && textOf(s) === text).length > 1);
    expect(duplicates).toHaveLength(10);
  });
});

describe('SMPP rate limit', () => {
  it('spaces submits to the configured messages per second', async () => {
    const { smsc, transport } = await smppFixture({ settings: { maxMessagesPerSecond: 50 } });
    const outcomes = await Promise.all(Array.from({ length: 11 }, (_, i) => transport.send(sms(`Rate ${i}`))));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const times = (await smsc.stats()).submits.map((s) => s.at);
    const spanSeconds = (times.at(-1) ?? 0) - (times[0] ?? 0);
    expect(spanSeconds).toBeGreaterThanOrEqual(0.18); // 10 gaps of 20 ms, minus timer slack
  });
});

function retryable(outcome: SendOutcome | undefined): boolean {
  return outcome !== undefined && !outcome.ok && outcome.retryable;
}
