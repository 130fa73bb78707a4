import { describe, expect, it } from 'vitest';
import { packSeptets, unpackSeptets } from '../../../src-main/sms/encoding';

describe('septet packing', () => {
  it('packs the textbook "hellohello"', () => {
    expect(packSeptets(Buffer.from('hellohello', 'latin1')).toString('hex').toUpperCase()).toBe('E8329BFD4697D9EC37');
  });

  it('shifts by the fill bits that follow a 6-octet UDH (gammu writes "aa…" as C2 E1 70 38)', () => {
    expect(packSeptets(Buffer.from('aaaa', 'latin1'), 1).toString('hex').toUpperCase()).toBe('C2E17018');
  });

  it('round-trips every length and fill', () => {
    for (let fill = 0; fill <= 6; fill++) {
      for (let length = 0; length <= 20; length++) {
        const septets = Buffer.from(Array.from({ length }, (_, i) => (i * 37 + fill * 11) & 0x7f));
        expect([...unpackSeptets(packSeptets(septets, fill), length, fill)]).toEqual([...septets]);
      }
    }
  });

  it('never reads past the data', () => {
    expect(unpackSeptets(Buffer.from([0xe8]), 5).length).toBe(1);
  });

  it('refuses a fill of 7 or more', () => {
    expect(() => packSeptets(Buffer.from([1]), 7)).toThrow(RangeError);
  });
});
