import { describe, expect, it } from 'vitest';
import { isGsm7, septetsToText, textToSeptets } from '../../../src-main/sms/encoding';

describe('GSM-7 alphabet', () => {
  it('carries Italian accents and the extension characters', () => {
    expect(isGsm7('Città già più però è é ì ò ù')).toBe(true);
    expect(isGsm7('€ [ ] { } \\ ^ ~ | \f')).toBe(true);
  });

  it('does not carry what 03.38 lacks', () => {
    for (const text of ['ç', 'È', 'À', '😀', '`', '\t', 'Ω\u2126']) expect(isGsm7(text)).toBe(false);
  });

  it('writes extension characters as escape + code', () => {
    expect([...textToSeptets('a€[')]).toEqual([0x61, 0x1b, 0x65, 0x1b, 0x3c]);
    expect([...textToSeptets('@£à\n')]).toEqual([0x00, 0x01, 0x7f, 0x0a]);
  });

  it('throws on a character it cannot carry', () => {
    expect(() => textToSeptets('ç')).toThrow(RangeError);
  });

  it('reads septets back, an unknown escape as the basic character and a lone escape as nothing', () => {
    expect(septetsToText(Buffer.from([0x43, 0x1b, 0x65, 0x1b, 0x3e]))).toBe('C€]');
    expect(septetsToText(Buffer.from([0x1b, 0x41]))).toBe('A');
    expect(septetsToText(Buffer.from([0x61, 0x1b]))).toBe('a');
  });
});
