import { describe, expect, it } from 'vitest';
import {
  parseCmgl,
  parseCmgr,
  parseCmgs,
  parseCops,
  parseCpin,
  parseCsca,
  parseCsq,
  parseDirectLength,
  parseRegistration,
  parseStorageNotice,
  plainAnswer,
  signalBars,
} from '../../../src-main/sms/modem/at-responses';

describe('AT response parsing', () => {
  it('turns rssi into bars', () => {
    expect([99, 0, 1, 9, 10, 14, 15, 19, 20, 24, 25, 31].map(signalBars)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(parseCsq(['+CSQ: 18,99'])).toBe(18);
    expect(parseCsq(['+CSQ: ?'])).toBeUndefined();
  });

  it('reads registration in the read form and the unsolicited form', () => {
    expect(parseRegistration(['+CREG: 0,1'], '+CREG:')).toBe('home');
    expect(parseRegistration(['+CREG: 2,5,"1A2B","0C3D"'], '+CREG:')).toBe('roaming');
    expect(parseRegistration(['+CREG: 2'], '+CREG:')).toBe('searching');
    expect(parseRegistration(['+CREG: 3,"1A2B","0C3D"'], '+CREG:')).toBe('denied');
    expect(parseRegistration(['+CGREG: 0,6'], '+CGREG:')).toBe('home');
    expect(parseRegistration(['+CREG: 0,42'], '+CREG:')).toBe('unknown');
    expect(parseRegistration([], '+CREG:')).toBeUndefined();
  });

  it('reads operator, SMSC, SIM state, message reference and plain answers', () => {
    expect(parseCops(['+COPS: 0,0,"I TIM",2'])).toBe('I TIM');
    expect(parseCops(['+COPS: 0'])).toBeUndefined();
    expect(parseCsca(['+CSCA: "+393359609600",145'])).toBe('+393359609600');
    expect(parseCpin(['+CPIN: SIM PIN'])).toBe('SIM PIN');
    expect(parseCmgs(['+CMGS: 217'])).toBe(217);
    expect(parseCmgs(['+CMGS: 12,"25/01/02,03:04:05+04"'])).toBe(12);
    expect(plainAnswer(['+CGMI: ignored', 'huawei'])).toBe('huawei');
  });

  it('reads AT+CMGL and AT+CMGR listings', () => {
    expect(
      parseCmgl(['+CMGL: 1,0,,24', '07AA', '+CMGL: 4,3,"name",30', '07BB', '+CMGL: 5,1,,20', '+CMGL: 6,1,,21', '07CC']),
    ).toEqual([
      { index: 1, stat: 0, tpduLength: 24, pdu: '07AA' },
      { index: 4, stat: 3, tpduLength: 30, pdu: '07BB' },
      { index: 6, stat: 1, tpduLength: 21, pdu: '07CC' },
    ]);
    expect(parseCmgr(['+CMGR: 0,,24', '07AA'])).toEqual({ tpduLength: 24, pdu: '07AA' });
    expect(parseCmgr(['+CMGR: 0,,24'])).toBeUndefined();
  });

  it('reads storage notices and direct lengths', () => {
    expect(parseStorageNotice('+CMTI: "SM",3')).toEqual({ memory: 'SM', index: 3 });
    expect(parseStorageNotice('+CDSI: "SR",12')).toEqual({ memory: 'SR', index: 12 });
    expect(parseStorageNotice('+CMTI: nonsense')).toBeUndefined();
    expect(parseDirectLength('+CMT: ,24')).toBe(24);
    expect(parseDirectLength('+CMT: "Mario",31')).toBe(31);
    expect(parseDirectLength('+CDS: 25')).toBe(25);
  });
});
