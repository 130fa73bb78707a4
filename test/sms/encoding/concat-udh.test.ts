import { describe, expect, it } from 'vitest';
import { concatUdh, readConcatInfo } from '../../../src-main/sms/encoding';

describe('concatenation UDH', () => {
  it('is 05 00 03 ref total index', () => {
    expect(concatUdh(0xc1, 3, 2).toString('hex')).toBe('050003c10302');
  });

  it('refuses values out of range', () => {
    expect(() => concatUdh(256, 2, 1)).toThrow(RangeError);
    expect(() => concatUdh(-1, 2, 1)).toThrow(RangeError);
    expect(() => concatUdh(1, 2, 3)).toThrow(RangeError);
    expect(() => concatUdh(1, 2, 0)).toThrow(RangeError);
  });

  it('reads the 8-bit and the 16-bit forms, after other elements', () => {
    expect(readConcatInfo(Buffer.from('050003c10302', 'hex'))).toEqual({ reference: 0xc1, total: 3, index: 2 });
    expect(readConcatInfo(Buffer.from('060804beef0201', 'hex'))).toEqual({ reference: 0xbeef, total: 2, index: 1 });
    // a port-addressing element (05, 4 octets) first
    expect(readConcatInfo(Buffer.from('0b05040b8423f00003aa0201', 'hex'))).toEqual({ reference: 0xaa, total: 2, index: 1 });
    expect(readConcatInfo(Buffer.from('05040b8423f0', 'hex'))).toBeUndefined();
  });
});
