import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeSubmitPdus, isGsm7, PduFormatError } from '../../../src-main/sms/encoding';
import { gammuSubmitTpdus, writeDummyGammurc, type GammuValidity } from './gammu-displaysms';

/** What each of gammu's -validity choices means in minutes (63 weeks for MAX). */
const GAMMU_VALIDITY_MINUTES: Record<GammuValidity, number> = {
  HOUR: 60,
  '6HOURS': 360,
  DAY: 1440,
  '3DAYS': 4320,
  WEEK: 10080,
  MAX: 63 * 7 * 1440,
};

const italian400 =
  'Gentile cliente, le ricordiamo che domani alle ore 10:30 ha un appuntamento presso lo studio. ' +
  'Se non potesse venire, la preghiamo di avvisarci almeno 24 ore prima: così potremo offrire il posto ' +
  'a chi è in lista di attesa. Per spostare la visita risponda a questo messaggio o telefoni in segreteria. ' +
  'Portare la tessera sanitaria e gli esami già fatti. Grazie e a presto, lo studio dentistico Rossi & co.';

const cases: Array<{ name: string; to: string; text: string }> = [
  { name: 'plain text', to: '+393331234567', text: 'Ciao Maria, a domani alle 10:30.' },
  { name: 'euro and brackets (extension table)', to: '+393331234567', text: 'Saldo: 50 € [ricevuta] {n. 12} ~ | \\ ^' },
  { name: 'accented Italian', to: '+393331234567', text: 'Città già più però' },
  { name: 'emoji (UCS-2, surrogate pair)', to: '+393331234567', text: 'Ciao 😀 a domani' },
  { name: 'capital È is not GSM-7', to: '3331234567', text: 'È confermato' },
  { name: '161 characters', to: '+393331234567', text: 'a'.repeat(160) + 'b' },
  { name: '400 characters', to: '+393331234567', text: italian400.slice(0, 400) },
  { name: '400 UCS-2 characters', to: '+393331234567', text: `😀 ${italian400}`.slice(0, 400) },
  { name: 'escape pair on a part boundary', to: '+393331234567', text: `${'a'.repeat(152)}€${'b'.repeat(10)}` },
  { name: 'surrogate pair on a part boundary', to: '+393331234567', text: `${'a'.repeat(66)}😀${'b'.repeat(10)}` },
  { name: 'national number', to: '3331234567', text: 'Promemoria' },
  { name: 'the whole GSM-7 table and its extension', to: '3331234567', text: wholeGsm7Alphabet() },
];

/** Every character of 03.38 and its extension, built from code points rather than from our table. */
function wholeGsm7Alphabet(): string {
  const basic =
    '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡' +
    String.fromCharCode(...Array.from({ length: 26 }, (_, i) => 0x41 + i)) +
    'ÄÖÑÜ§¿' +
    String.fromCharCode(...Array.from({ length: 26 }, (_, i) => 0x61 + i)) +
    'äöñüà';
  return `${basic}€[]{}\\^~|\f`;
}

describe('SMS-SUBMIT PDUs compared with gammu', () => {
  let dir: string;
  let gammurc: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'promemoria-gammu-'));
    gammurc = await writeDummyGammurc(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the 400-character sample really is 400 GSM-7 characters', () => {
    expect(italian400.length).toBeGreaterThanOrEqual(400);
    expect(isGsm7(italian400)).toBe(true);
  });

  it.each(cases)('$name', async ({ to, text }) => {
    const reference = await gammuSubmitTpdus(gammurc, {
      to,
      text,
      unicode: !isGsm7(text),
      report: true,
      validity: 'DAY',
    });
    // The concatenation reference is gammu's random pick: use the same one, compare every octet.
    const ours = encodeSubmitPdus({
      to,
      text,
      requestStatusReport: true,
      validityMinutes: 1440,
      concatReference: reference[0]?.concatReference ?? 0,
    });
    expect(ours.pdus.map((p) => p.pdu)).toEqual(reference.map((r) => `00${r.tpdu}`));
    for (const { pdu, tpduLength } of ours.pdus) expect(tpduLength).toBe(pdu.length / 2 - 1);
  });

  it.each(Object.entries(GAMMU_VALIDITY_MINUTES))('validity %s', async (validity, minutes) => {
    const [reference] = await gammuSubmitTpdus(gammurc, {
      to: '+393331234567',
      text: 'Ciao',
      unicode: false,
      report: false,
      validity: validity as GammuValidity,
    });
    const [ours] = encodeSubmitPdus({
      to: '+393331234567',
      text: 'Ciao',
      requestStatusReport: false,
      validityMinutes: minutes,
      concatReference: 0,
    }).pdus;
    expect(ours?.pdu).toBe(`00${reference?.tpdu}`);
  });
});

describe('SMS-SUBMIT fields', () => {
  it('leaves the validity period out when none is asked for', () => {
    const [pdu] = encodeSubmitPdus({ to: '+39333', text: 'x', requestStatusReport: false, concatReference: 0 }).pdus;
    // 00 SMSC | 01 SUBMIT, no VPF, no SRR | 00 MR | 05 91 9333F3 | 00 PID | 00 DCS | 01 UDL | 78 'x'
    expect(pdu?.pdu).toBe('00010005919333F300000178');
  });

  it('rounds a validity up to the next step the octet can say', () => {
    const pduFor = (validityMinutes: number): string =>
      encodeSubmitPdus({ to: '+39333', text: 'x', requestStatusReport: false, validityMinutes, concatReference: 0 })
        .pdus[0]?.pdu.slice(20, 22) ?? '';
    expect(pduFor(5)).toBe('00'); // 5 minutes
    expect(pduFor(6)).toBe('01'); // 10 minutes
    expect(pduFor(12 * 60 + 1)).toBe('90'); // 12 h 30 min
    expect(pduFor(25 * 60)).toBe('A8'); // 2 days
    expect(pduFor(31 * 1440)).toBe('C5'); // 5 weeks
  });

  it('refuses a destination that is not digits', () => {
    const attempt = (to: string) => () =>
      encodeSubmitPdus({ to, text: 'x', requestStatusReport: false, concatReference: 0 });
    expect(attempt('+39 333 123')).toThrow(PduFormatError);
    expect(attempt('')).toThrow(PduFormatError);
    expect(attempt('+')).toThrow(PduFormatError);
    expect(attempt('1'.repeat(21))).toThrow(PduFormatError);
  });
});
