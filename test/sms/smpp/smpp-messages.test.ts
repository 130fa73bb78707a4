/**
 * What goes on the wire and what comes back, against the Perl SMSC: data_coding
 * and bytes of submits, concatenation headers, delivery receipts with hex and
 * decimal ids, incoming messages. Expected bytes are written out by hand here,
 * not produced by our encoder.
 */
import { describe, expect, it } from 'vitest';
import type { DeliveryReport, InboundSms } from '../../../src-main/sms/transport';
import { smppFixture, sms, waitUntil, type Fixture } from './smpp-fixture';

describe('SMPP submit_sm encoding', () => {
  it('sends "€" as GSM-7 with data_coding 0 and the bytes 1B 65', async () => {
    const { smsc, transport } = await smppFixture();
    expect(await transport.send(sms('€'))).toMatchObject({ ok: true });
    const [submit] = (await smsc.stats()).submits;
    expect(submit).toMatchObject({ data_coding: 0, esm_class: 0, short_message: '1b65' });
  });

  it('sends accented Italian in GSM-7 (data_coding 0), never as data_coding 1', async () => {
    const { smsc, transport } = await smppFixture();
    await transport.send(sms('Perché è già là'));
    const [submit] = (await smsc.stats()).submits;
    // P e r c h é(05) space è(04) space g i à(7F) space l à(7F)
    expect(submit).toMatchObject({ data_coding: 0, short_message: '50657263680520042067697f206c7f' });
  });

  it('sends a text outside GSM-7 as UCS-2 (data_coding 8, UTF-16BE)', async () => {
    const { smsc, transport } = await smppFixture();
    await transport.send(sms('Ciao 😀 Łukasz'));
    const [submit] = (await smsc.stats()).submits;
    expect(submit).toMatchObject({
      data_coding: 8,
      esm_class: 0,
      short_message: '0043' + '0069' + '0061' + '006f' + '0020' + 'd83dde00' + '0020' + '0141' + '0075' + '006b' + '0061' + '0073' + '007a',
    });
  });

  it('sends a 3-part message with one concatenation header per part', async () => {
    const { smsc, transport } = await smppFixture();
    const text = Array.from({ length: 50 }, (_, i) => `Part${String(i).padStart(3, '0')} `).join(''); // 400 characters
    const outcome = await transport.send(sms(text));
    expect(outcome.ok && outcome.references).toHaveLength(3);

    const submits = (await smsc.stats()).submits;
    expect(submits).toHaveLength(3);
    const headers = submits.map((s) => s.short_message.slice(0, 12));
    const reference = headers[0]?.slice(6, 8);
    expect(headers).toEqual([`050003${reference}0301`, `050003${reference}0302`, `050003${reference}0303`]);
    expect(submits.map((s) => [s.data_coding, s.esm_class])).toEqual([
      [0, 0x40],
      [0, 0x40],
      [0, 0x40],
    ]);
    const bodies = submits.map((s) => Buffer.from(s.short_message.slice(12), 'hex'));
    expect(bodies.map((b) => b.length)).toEqual([153, 153, 94]);
    expect(Buffer.concat(bodies).toString('latin1')).toBe(text); // letters, digits and spaces: septet = ASCII
  });

  it('addresses international numbers as TON 1 and asks for a receipt only when told to', async () => {
    const { smsc, transport } = await smppFixture();
    await transport.send(sms('con ricevuta', { to: '+39 333 765 4321', requestDeliveryReport: true, validityMinutes: 90 }));
    await transport.send(sms('senza ricevuta'));
    const [withReceipt, without] = (await smsc.stats()).submits;
    expect(withReceipt).toMatchObject({
      destination_addr: '393337654321',
      dest_addr_ton: 1,
      source_addr: 'Studio',
      source_addr_ton: 5,
      registered_delivery: 1,
      validity_period: '000000013000000R',
    });
    expect(without).toMatchObject({ registered_delivery: 0, validity_period: '' });
  });
});

describe('SMPP delivery receipts', () => {
  async function sendForReceipt(fixture: Fixture, text: string): Promise<string> {
    const outcome = await fixture.transport.send(sms(text, { requestDeliveryReport: true }));
    if (!outcome.ok) throw new Error(outcome.reason);
    const [reference] = outcome.references;
    if (reference === undefined) throw new Error('no reference');
    return reference;
  }

  function reports(fixture: Fixture): DeliveryReport[] {
    return fixture.events.flatMap((e) => (e.type === 'delivery' ? [e.report] : []));
  }

  it('matches a receipt written in hex to a decimal message id', async () => {
    const fixture = await smppFixture({ smsc: { ids: 'decimal' } });
    const reference = await sendForReceipt(fixture, 'decimale');
    expect(reference).toMatch(/^\d+$/);
    const sent = await fixture.smsc.receipt(reference, 'DELIVRD', 'hex');
    expect(sent.text).toContain(`id:${BigInt(reference).toString(16).toUpperCase()} `);

    await waitUntil(() => reports(fixture).length === 1);
    expect(reports(fixture)[0]).toMatchObject({ reference, state: 'delivered', detail: 'DELIVRD' });
  });

  it('matches a receipt written in decimal to a hex message id', async () => {
    const fixture = await smppFixture({ smsc: { ids: 'hex' } });
    const reference = await sendForReceipt(fixture, 'esadecimale');
    expect(reference).toMatch(/[A-F]/);
    await fixture.smsc.receipt(reference, 'UNDELIV', 'dec');

    await waitUntil(() => reports(fixture).length === 1);
    expect(reports(fixture)[0]).toMatchObject({ reference, state: 'failed', detail: 'UNDELIV err:001' });
  });

  it('maps every final stat, reads the TLVs, and answers every receipt with deliver_sm_resp', async () => {
    const fixture = await smppFixture({ smsc: { ids: 'hex' } });
    const cases = [
      ['DELIVRD', 'delivered'],
      ['EXPIRED', 'expired'],
      ['REJECTD', 'failed'],
      ['ACCEPTD', 'unknown'],
    ] as const;
    const references: string[] = [];
    for (const [stat] of cases) {
      const reference = await sendForReceipt(fixture, `stato ${stat}`);
      references.push(reference);
      await fixture.smsc.receipt(reference, stat, 'asis', true);
    }
    await waitUntil(() => reports(fixture).length === cases.length);
    expect(reports(fixture).map((r) => [r.reference, r.state])).toEqual(cases.map(([, state], i) => [references[i], state]));
    // The SMSC hears the responses on the SMPP socket and our question on its stdin: let the socket catch up.
    const stats = await fixture.smsc.waitFor((s) => s.deliver_resps.length >= cases.length);
    expect(stats.deliver_resps.map((r) => r.status)).toEqual([0, 0, 0, 0]);
  });
});

describe('SMPP incoming messages', () => {
  function inbound(fixture: Fixture): InboundSms[] {
    return fixture.events.flatMap((e) => (e.type === 'inbound' ? [e.sms] : []));
  }

  it('hands on a GSM-7 reply with its international sender', async () => {
    const fixture = await smppFixture();
    // "Sì, confermo €": S ì(07) , space c o n f e r m o space €(1B 65)
    await fixture.smsc.deliver('393331112222', 1, 0, 0, Buffer.from('53072c20636f6e6665726d6f201b65', 'hex'));
    await waitUntil(() => inbound(fixture).length === 1);
    expect(inbound(fixture)[0]).toMatchObject({ from: '+393331112222', text: 'Sì, confermo €' });
    // As above: the response travels on the socket, our question on the SMSC's stdin.
    const stats = await fixture.smsc.waitFor((s) => s.deliver_resps.length >= 1);
    expect(stats.deliver_resps).toEqual([{ seq: expect.any(Number), status: 0 }]);
  });

  it('joins a UCS-2 reply in two parts whose emoji straddles the split', async () => {
    const fixture = await smppFixture();
    const whole = Buffer.from('004f006bd83dde00', 'hex'); // "Ok😀": the surrogate pair is bytes 4–7
    const part1 = Buffer.concat([Buffer.from('050003420201', 'hex'), whole.subarray(0, 6)]);
    const part2 = Buffer.concat([Buffer.from('050003420202', 'hex'), whole.subarray(6)]);
    await fixture.smsc.deliver('3471234567', 0, 8, 0x40, part2); // out of order on purpose
    await fixture.smsc.deliver('3471234567', 0, 8, 0x40, part1);
    await waitUntil(() => inbound(fixture).length === 1);
    expect(inbound(fixture)[0]).toMatchObject({ from: '3471234567', text: 'Ok😀' });
  });

  it('decodes Latin-1 (data_coding 3)', async () => {
    const fixture = await smppFixture();
    await fixture.smsc.deliver('393330000001', 1, 3, 0, Buffer.from('Sì, più tardi', 'latin1'));
    await waitUntil(() => inbound(fixture).length === 1);
    expect(inbound(fixture)[0]?.text).toBe('Sì, più tardi');
  });

  it('hands on a reply whose other parts never arrive, marking the gap', async () => {
    const fixture = await smppFixture({ settings: { inboundPartsTimeoutMs: 150 } });
    // Part 1 of 3 ("Arrivo") and part 3 ("tardi"), GSM-7; part 2 is lost.
    await fixture.smsc.deliver('393330000002', 1, 0, 0x40, Buffer.from('050003070301' + '41727269766f20', 'hex'));
    await fixture.smsc.deliver('393330000002', 1, 0, 0x40, Buffer.from('050003070303' + '7461726469', 'hex'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(inbound(fixture)).toEqual([]);
    await waitUntil(() => inbound(fixture).length === 1);
    expect(inbound(fixture)[0]?.text).toBe('Arrivo […]tardi');
  });
});
