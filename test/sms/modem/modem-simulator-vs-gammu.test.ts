/**
 * The simulator checked against gammu, an independent AT client: messages gammu
 * sends through it arrive as the very PDUs gammu's own encoder makes (and ours
 * too), and messages the simulator holds are read back by gammu as stored.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeSubmitPdus } from '../../../src-main/sms/encoding';
import { runGammu, parseGetallsms } from '../../peers/modem-simulator/gammu-at-client';
import { ModemSimulator } from '../../peers/modem-simulator/modem-simulator';
import { statusReportPdu } from '../../peers/modem-simulator/network-pdus';
import { startPtyPair } from '../../peers/modem-simulator/pty-pair';
import { gammuSubmitTpdus, writeDummyGammurc } from '../encoding/gammu-displaysms';

async function withSimulator<T>(run: (sim: ModemSimulator, dir: string, device: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), 'promemoria-gammu-at-'));
  const pty = await startPtyPair(dir);
  const sim = await ModemSimulator.start(pty);
  try {
    return await run(sim, dir, pty.clientPath);
  } finally {
    await sim.stop();
    await pty.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The TPDU of a PDU that starts with an SMSC field. */
const tpduOf = (pdu: string): string => pdu.slice(2 + 2 * parseInt(pdu.slice(0, 2), 16)).toUpperCase();

describe.concurrent('modem simulator, as gammu sees it', () => {
  it('receives what gammu sendsms sends: the PDU gammu encodes, and ours', async () => {
    const text = 'Città già più però, 50 € [ok]';
    await withSimulator(async (sim, dir, device) => {
      const out = await runGammu(dir, device, ['sendsms', 'TEXT', '+393331234567', '-report', '-validity', 'DAY', '-textutf8', text]);
      expect(out).toMatch(/OK, message reference=0/);
      expect(sim.sent).toHaveLength(1);
      const [sent] = sim.sent;
      expect(sent?.declaredLength).toBe(tpduOf(sent?.pdu ?? '').length / 2);
      expect(sent?.reading).toMatchObject({ to: '+393331234567', text, statusReportRequested: true, validity: 0xa7 });

      const [reference] = await gammuSubmitTpdus(await writeDummyGammurc(dir), {
        to: '+393331234567',
        text,
        unicode: false,
        report: true,
        validity: 'DAY',
      });
      expect(tpduOf(sent?.pdu ?? '')).toBe(reference?.tpdu);
      const [ours] = encodeSubmitPdus({ to: '+393331234567', text, requestStatusReport: true, validityMinutes: 1440, concatReference: 0 }).pdus;
      expect(tpduOf(ours?.pdu ?? '')).toBe(reference?.tpdu);
    });
  });

  it('receives a two-part UCS-2 message from gammu, emoji whole, matching our encoder', async () => {
    const text = `${'Promemoria '.repeat(6)}😀 a domani, studio Rossi 👋`;
    await withSimulator(async (sim, dir, device) => {
      await runGammu(dir, device, ['sendsms', 'TEXT', '3331234567', '-unicode', '-len', String(text.length), '-textutf8', text]);
      expect(sim.sent).toHaveLength(2);
      const readings = sim.sent.map((s) => s.reading);
      expect(readings.map((r) => r.text).join('')).toBe(text);
      expect(readings.every((r) => r.ucs2 && r.concat?.total === 2)).toBe(true);
      // gammu picks a random concatenation reference: give ours the same one, then every octet must agree.
      const ours = encodeSubmitPdus({
        to: '3331234567',
        text,
        requestStatusReport: false,
        validityMinutes: 63 * 7 * 1440, // gammu's default validity is the maximum
        concatReference: readings[0]?.concat?.reference ?? -1,
      }).pdus;
      expect(ours.map((p) => tpduOf(p.pdu))).toEqual(sim.sent.map((s) => tpduOf(s.pdu)));
    });
  });

  it('holds messages and a status report that gammu getallsms reads back as stored', async () => {
    await withSimulator(async (sim, dir, device) => {
      sim.storeSms({ from: '+393331234567', text: 'Però sì, 30 € [ok]', sentAt: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) });
      sim.storeSms({ from: 'TIM', text: '😀 ciao', ucs2: true });
      sim.storeSms({ from: '+39333', text: 'parte due', concat: { reference: 9, total: 2, index: 2 } });
      sim.storage.set(7, {
        stat: 0,
        ...statusReportPdu({ messageReference: 42, recipient: '+393331234567', status: 0x46 }),
      });
      const listed = parseGetallsms(await runGammu(dir, device, ['getallsms']));
      expect(listed.map((m) => [m.location, m.fields['Remote number'], m.text])).toEqual([
        [1, '+393331234567', 'Però sì, 30 € [ok]'],
        [2, 'TIM', '😀 ciao'],
        [3, '+39333', 'parte due'],
        [7, '+393331234567', ''],
      ]);
      // 03:04:05 UTC written in the sender's zone, +01:00 (the builder's default).
      expect(listed[0]?.fields['Sent']).toBe('Thu Jan  2 04:04:05 2025 +0100');
      expect(listed[1]?.fields['Coding']).toMatch(/Unicode/);
      expect(listed[2]?.fields['User Data Header']).toMatch(/ID \(8 bit\) 9, part 2 of 2/);
      expect(listed[3]?.kind).toBe('SMS status report');
      expect(listed[3]?.fields).toMatchObject({ 'Reference number': '42', 'Delivery status': 'Failed' });
      expect(listed[3]?.fields['Details']).toMatch(/Validity Period Expired/);
    });
  });
});
