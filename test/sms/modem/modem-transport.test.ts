import { afterEach, describe, expect, it } from 'vitest';
import type { OutgoingSms } from '../../../src-main/sms/transport';
import { deliverPdu, statusReportPdu } from '../../peers/modem-simulator/network-pdus';
import { isDelivery, isInbound, sleep, startModemRig, type ModemRig } from './modem-rig';

const sms = (text: string, extra: Partial<OutgoingSms> = {}): OutgoingSms => ({
  id: 'msg-1',
  to: '+393331234567',
  text,
  requestDeliveryReport: true,
  validityMinutes: 1440,
  ...extra,
});

let rig: ModemRig | undefined;
afterEach(async () => {
  await rig?.dispose();
  rig = undefined;
});

async function upRig(...args: Parameters<typeof startModemRig>): Promise<ModemRig> {
  rig = await startModemRig(...args);
  await rig.waitForStatus((s) => s.state === 'up');
  return rig;
}

describe('modem transport on a pseudo-terminal', () => {
  it('initialises, reports the network and sends a text the simulator reads back', async () => {
    const { transport, sim } = await upRig();
    expect(transport.status()).toMatchObject({ state: 'up', operator: 'I TIM', signalBars: 3 });
    expect(transport.status().detail).toBe('Registered, I TIM, signal 3/5');
    expect(transport.report().info).toMatchObject({
      manufacturer: 'Promemoria Test Labs',
      model: 'SIMULATED-GSM-1',
      smsc: '+393359609600',
      notifiesIncoming: true,
    });
    expect(sim.commands).toEqual(expect.arrayContaining(['ATE0', 'AT+CMEE=1', 'AT+CMGF=0', 'AT+CNMI=2,1,0,1,0']));

    const outcome = await transport.send(sms('Città già più però, 50 €'));
    expect(outcome).toEqual({ ok: true, references: ['0'] });
    expect(sim.sent[0]?.reading).toMatchObject({
      to: '+393331234567',
      text: 'Città già più però, 50 €',
      statusReportRequested: true,
      validity: 0xa7,
      ucs2: false,
    });
  });

  it('works on a port that refuses DTR/RTS (a pseudo-terminal does)', async () => {
    const { transport } = await upRig();
    expect(transport.report().controlLinesSet).toBe(false);
    expect((await transport.send(sms('ok'))).ok).toBe(true);
  });

  it('enters the SIM PIN once when asked', async () => {
    const { transport, sim } = await upRig({ pin: '1234' }, { pin: '1234' });
    expect(sim.sim).toBe('ready');
    expect(sim.commands.filter((c) => c.startsWith('AT+CPIN='))).toEqual(['AT+CPIN="1234"']);
    expect((await transport.send(sms('dopo il PIN'))).ok).toBe(true);
  });

  it('reports a PIN needed but not configured, and sends none', async () => {
    rig = await startModemRig({ pin: '1234' });
    const status = await rig.waitForStatus((s) => s.lastError === 'SIM_PIN_NEEDED');
    expect(status.state).toBe('down');
    expect(rig.sim.commands.some((c) => c.startsWith('AT+CPIN='))).toBe(false);
    expect(await rig.transport.send(sms('x'))).toMatchObject({ ok: false, retryable: true, code: 'LINK_DOWN' });
  });

  it('tries a wrong PIN exactly once and stops, so the SIM does not lock', async () => {
    rig = await startModemRig({ pin: '1234' }, { pin: '0000' });
    const status = await rig.waitForStatus((s) => s.lastError === 'SIM_PIN_REJECTED');
    expect(status.state).toBe('down');
    expect(status.detail).not.toContain('0000');
    const commandsSoFar = rig.sim.commands.length;
    await sleep(600); // several reconnection periods
    expect(rig.sim.commands.filter((c) => c.startsWith('AT+CPIN='))).toHaveLength(1);
    expect(rig.sim.commands.length).toBe(commandsSoFar);
    expect(rig.sim.sim).toBe('pin');
  });

  it('does not send the PIN again when its answer was lost', async () => {
    rig = await startModemRig({ pin: '1234' }, { pin: '1234' }, { start: false });
    rig.sim.ignoreNext('AT+CPIN=');
    rig.transport.start();
    const status = await rig.waitForStatus((s) => s.lastError === 'SIM_PIN_NOT_RETRIED');
    expect(status.state).toBe('down');
    expect(rig.sim.commands.filter((c) => c.startsWith('AT+CPIN='))).toHaveLength(1);
  });

  it('reports a PUK-locked SIM without sending anything to it', async () => {
    rig = await startModemRig({ pukLocked: true }, { pin: '1234' });
    await rig.waitForStatus((s) => s.lastError === 'SIM_PUK_REQUIRED');
    expect(rig.sim.commands.some((c) => c.startsWith('AT+CPIN='))).toBe(false);
  });

  it('refuses to send while not registered, and sends once the network is found', async () => {
    rig = await startModemRig({ registration: 2 });
    const searching = await rig.waitForStatus((s) => s.lastError === 'NOT_REGISTERED');
    expect(searching).toMatchObject({ state: 'down', detail: 'Searching for the network, signal 3/5' });
    expect(await rig.transport.send(sms('x'))).toMatchObject({ ok: false, retryable: true, code: 'NOT_REGISTERED' });
    expect(rig.sim.commands.some((c) => c.startsWith('AT+CMGS'))).toBe(false);

    rig.sim.setRegistration(3);
    await rig.waitForStatus((s) => s.detail.startsWith('The network refused the SIM'));
    rig.sim.setRegistration(5);
    await rig.waitForStatus((s) => s.state === 'up' && s.detail.startsWith('Roaming'));
    expect(await rig.transport.send(sms('x'))).toMatchObject({ ok: true });
  });

  it('answers one message +CMS ERROR: 38 as retryable and keeps sending the next ones', async () => {
    const { transport, sim } = await upRig();
    sim.failNextSends(38);
    const results = [];
    for (const text of ['uno', 'due', 'tre']) results.push(await transport.send(sms(text)));
    expect(results[0]).toMatchObject({ ok: false, retryable: true, code: 'CMS_ERROR_38' });
    expect(results[1]).toEqual({ ok: true, references: ['0'] });
    expect(results[2]).toEqual({ ok: true, references: ['1'] });
    expect(sim.sent.map((s) => s.reading.text)).toEqual(['due', 'tre']);
  });

  it('treats a cause about the recipient as permanent', async () => {
    const { transport, sim } = await upRig();
    sim.failNextSends(28);
    expect(await transport.send(sms('x'))).toMatchObject({ ok: false, retryable: false, code: 'CMS_ERROR_28' });
    expect(await transport.send(sms('x', { to: '+39 333' }))).toMatchObject({ ok: false, retryable: false, code: 'INVALID_NUMBER' });
    expect(await transport.send(sms('a'.repeat(153 * 255 + 1)))).toMatchObject({ ok: false, retryable: false, code: 'TOO_LONG' });
    expect(sim.sent).toHaveLength(0);
  });

  it('routes unsolicited lines that arrive in the middle of a command, and the command still gets its answer', async () => {
    const { transport, sim, waitForEvent } = await upRig();
    const stored = sim.storeSms({ from: '+393471112233', text: 'Confermo, grazie' });
    const report = statusReportPdu({ messageReference: 77, recipient: '+393331234567', status: 0 });
    sim.injectDuring('+CMGS', [
      'RING',
      '^BOOT:20952548,0,0,0,72',
      '^RSSI: 27',
      `+CMTI: "SM",${stored}`,
      `+CDS: ${report.tpduLength}`,
      report.pdu,
    ]);
    expect(await transport.send(sms('mentre squilla'))).toEqual({ ok: true, references: ['0'] });
    expect((await waitForEvent(isDelivery)).report).toMatchObject({ reference: '77', state: 'delivered' });
    expect((await waitForEvent(isInbound)).sms).toMatchObject({ from: '+393471112233', text: 'Confermo, grazie' });
    expect(transport.status().signalBars).toBe(5);
    await rig?.waitUntil(() => sim.storage.size === 0);

    // …and during a command whose answer has several lines, before its final OK.
    sim.injectDuring('+CSQ', ['+CREG: 2', '+CGREG: 2']);
    await rig?.waitForStatus((s) => s.lastError === 'NOT_REGISTERED');
  });

  it('answers the send in flight LINK_DOWN when the port vanishes, reopens, and sends again', async () => {
    const { transport, sim, waitForStatus } = await upRig();
    sim.hangUpOnNextSend(300);
    const lost = await transport.send(sms('perso per strada'));
    expect(lost).toMatchObject({ ok: false, retryable: true, code: 'LINK_DOWN' });
    expect(transport.status().state).not.toBe('up');
    await waitForStatus((s) => s.state === 'up', 5000);
    expect(await transport.send(sms('di nuovo'))).toMatchObject({ ok: true });
    expect(sim.sent.map((s) => s.reading.text)).toEqual(['di nuovo']);
  });

  it('sends a 3-part message with one concatenation reference', async () => {
    const { transport, sim } = await upRig();
    const text = `${'Gentile cliente, le ricordiamo l’appuntamento. '.replace('’', "'").repeat(9)}Fine.`.slice(0, 400);
    const outcome = await transport.send(sms(text));
    expect(outcome).toEqual({ ok: true, references: ['0', '1', '2'] });
    const readings = sim.sent.map((s) => s.reading);
    expect(readings.map((r) => r.concat?.index)).toEqual([1, 2, 3]);
    expect(new Set(readings.map((r) => r.concat?.reference)).size).toBe(1);
    expect(readings.every((r) => r.concat?.total === 3)).toBe(true);
    expect(readings.map((r) => r.text).join('')).toBe(text);
  });

  it('sends UCS-2 with an emoji, never split across parts', async () => {
    const { transport, sim } = await upRig();
    const text = `${'a'.repeat(66)}😀 a domani! 👋`;
    expect(await transport.send(sms(text))).toMatchObject({ ok: true, references: ['0', '1'] });
    expect(sim.sent.every((s) => s.reading.ucs2)).toBe(true);
    expect(sim.sent[1]?.reading.text.startsWith('😀')).toBe(true);
    expect(sim.sent.map((s) => s.reading.text).join('')).toBe(text);
  });

  it('matches delivery reports to the +CMGS reference, by +CDS and by +CDSI', async () => {
    const { transport, sim, events } = await upRig();
    const first = await transport.send(sms('uno'));
    const second = await transport.send(sms('due'));
    const third = await transport.send(sms('tre'));
    if (!first.ok || !second.ok || !third.ok) throw new Error('sends failed');

    sim.statusReport(Number(first.references[0]), 0x20); // still trying: no event
    sim.statusReport(Number(first.references[0]), 0x00);
    sim.statusReport(Number(second.references[0]), 0x46, 'cdsi');
    sim.statusReport(Number(third.references[0]), 0x41);
    await rig?.waitUntil(() => events.filter(isDelivery).length >= 3);
    await sleep(50); // the 0x20 report must not turn up late as a fourth
    const reports = events.filter(isDelivery).map((e) => e.report);
    expect(reports.map((r) => [r.reference, r.state, r.detail])).toEqual(
      expect.arrayContaining([
        [first.references[0], 'delivered', 'TP-Status 0x00'],
        [second.references[0], 'expired', 'TP-Status 0x46'],
        [third.references[0], 'failed', 'TP-Status 0x41'],
      ]),
    );
    expect(reports).toHaveLength(3);
    await rig?.waitUntil(() => sim.storage.size === 0);
  });

  it('reads an inbound SMS, hands it on and deletes it from the SIM', async () => {
    const { sim, waitForEvent } = await upRig();
    sim.receiveSms({ from: '+393471112233', text: 'Posso spostare a giovedì?' });
    expect((await waitForEvent(isInbound)).sms).toMatchObject({ from: '+393471112233', text: 'Posso spostare a giovedì?' });
    await rig?.waitUntil(() => sim.storage.size === 0);
    // Read by its +CMTI notice (AT+CMGR), or by the start-up listing (AT+CMGL) when it landed before that ran.
    expect(sim.commands.some((command) => command === 'AT+CMGR=1' || command.startsWith('AT+CMGL'))).toBe(true);
    expect(sim.commands).toContain('AT+CMGD=1');
  });

  it('reassembles a two-part inbound SMS, and takes one handed over directly (+CMT)', async () => {
    const { sim, events, waitForEvent } = await upRig();
    sim.receiveSms({ from: '+39347', text: 'fine.', concat: { reference: 3, total: 2, index: 2 } });
    sim.receiveSms({ from: '+39347', text: 'Inizio e ', concat: { reference: 3, total: 2, index: 1 } });
    expect((await waitForEvent(isInbound)).sms.text).toBe('Inizio e fine.');
    sim.receiveSms({ from: '+39348', text: 'diretto 😀', ucs2: true }, 'cmt');
    await waitForEvent((e): e is Extract<typeof e, { type: 'inbound' }> => isInbound(e) && e.sms.from === '+39348');
    expect(events.filter(isInbound).map((e) => e.sms.text)).toEqual(['Inizio e fine.', 'diretto 😀']);
  });

  it('takes the messages waiting on the SIM at start', async () => {
    rig = await startModemRig({}, {}, { start: false });
    const { sim, transport, waitForEvent } = rig;
    sim.storeSms({ from: '+39111', text: 'arrivato di notte' });
    sim.storage.set(9, { stat: 3, ...deliverPdu({ from: '+39999', text: 'not ours' }) });
    transport.start();
    expect((await waitForEvent(isInbound)).sms).toMatchObject({ from: '+39111', text: 'arrivato di notte' });
    await rig.waitUntil(() => sim.storage.size === 1);
    expect([...sim.storage.keys()]).toEqual([9]);
  });

  it('reports a modem that stops answering and retries with growing pauses, then recovers', async () => {
    const { sim, transport, events, waitForStatus } = await upRig({}, { commandTimeoutMs: 100, reconnectInitialMs: 100, reconnectMaxMs: 400 });
    sim.setSilent(true);
    await waitForStatus((s) => s.lastError === 'NO_ANSWER' && /\(4 attempts\)/.test(s.detail), 8000);
    const pauses = events
      .flatMap((e) => (e.type === 'status' && e.status.state === 'down' && e.status.lastError === 'NO_ANSWER' ? [e.status.detail] : []))
      .map((detail) => Number(/retrying in ([\d.]+) s/.exec(detail)?.[1]));
    expect(pauses.slice(0, 4)).toEqual([0.1, 0.2, 0.4, 0.4]); // doubling, capped
    sim.setSilent(false);
    await waitForStatus((s) => s.state === 'up', 5000);
    expect((await transport.send(sms('di nuovo qui'))).ok).toBe(true);
  });

  it('close() lets the send in flight finish, then refuses new ones', async () => {
    rig = await startModemRig({ networkDelayMs: 200 });
    await rig.waitForStatus((s) => s.state === 'up');
    const inFlight = rig.transport.send(sms('ultimo'));
    await sleep(50);
    await rig.transport.close();
    expect(await inFlight).toMatchObject({ ok: true });
    expect(rig.transport.status().state).toBe('closed');
    expect(await rig.transport.send(sms('troppo tardi'))).toMatchObject({ ok: false, code: 'CLOSED' });
  });
});
