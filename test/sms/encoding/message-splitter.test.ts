import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import { splitMessage } from '../../../src-main/sms/encoding';

const septetCount = (bytes: Buffer): number => bytes.length;

describe('splitMessage', () => {
  it('keeps GSM-7 up to 160 septets in one part, then 153 per part', () => {
    expect(splitMessage('a'.repeat(160)).parts).toHaveLength(1);
    const two = splitMessage('a'.repeat(161));
    expect(two.encoding).toBe('gsm7');
    expect(two.parts.map((p) => p.text.length)).toEqual([153, 8]);
    expect(splitMessage('a'.repeat(306)).parts).toHaveLength(2);
    expect(splitMessage('a'.repeat(307)).parts).toHaveLength(3);
  });

  it('counts an extension character as two septets', () => {
    expect(splitMessage('€'.repeat(80)).parts).toHaveLength(1);
    expect(splitMessage('€'.repeat(81)).parts).toHaveLength(2);
    expect([...(splitMessage('a€').parts[0]?.bytes ?? [])]).toEqual([0x61, 0x1b, 0x65]);
  });

  it('never splits an escape pair', () => {
    const { parts } = splitMessage(`${'a'.repeat(152)}€${'b'.repeat(10)}`);
    expect(parts.map((p) => septetCount(p.bytes))).toEqual([152, 12]);
    expect(parts[1]?.bytes[0]).toBe(0x1b);
  });

  it('uses UCS-2 for anything else: 70 code units alone, 67 per part', () => {
    expect(splitMessage(`ç${'a'.repeat(69)}`).parts).toHaveLength(1);
    const two = splitMessage(`ç${'a'.repeat(70)}`);
    expect(two.encoding).toBe('ucs2');
    expect(two.parts.map((p) => p.bytes.length)).toEqual([134, 8]);
    expect(splitMessage('È').parts[0]?.bytes.toString('hex')).toBe('00c8');
  });

  it('never splits a surrogate pair', () => {
    const { parts } = splitMessage(`${'a'.repeat(66)}😀${'b'.repeat(10)}`);
    expect(parts.map((p) => p.text)).toEqual(['a'.repeat(66), `😀${'b'.repeat(10)}`]);
    expect(parts[1]?.bytes.subarray(0, 4).toString('hex')).toBe('d83dde00');
    const emojis = splitMessage('😀'.repeat(40));
    for (const part of emojis.parts) expect(part.text.length % 2).toBe(0);
    expect(emojis.parts.map((p) => p.text).join('')).toBe('😀'.repeat(40));
  });

  it('gives one empty part for an empty text', () => {
    expect(splitMessage('')).toEqual({ encoding: 'gsm7', parts: [{ text: '', bytes: Buffer.alloc(0) }] });
  });
});

describe('segment counts agree with sms-segments-calculator', () => {
  const texts = [
    '',
    'Ciao',
    'Città già più però',
    'a'.repeat(160),
    'a'.repeat(161),
    'a'.repeat(306),
    'a'.repeat(307),
    'a'.repeat(459),
    'a'.repeat(460),
    `${'a'.repeat(159)}€`,
    `${'a'.repeat(158)}€`,
    `${'a'.repeat(152)}€${'b'.repeat(10)}`,
    '€'.repeat(80),
    '€'.repeat(81),
    '[]{}'.repeat(50),
    'ç'.repeat(70),
    'ç'.repeat(71),
    'ç'.repeat(134),
    'ç'.repeat(135),
    `${'a'.repeat(69)}😀`,
    `${'a'.repeat(66)}😀${'b'.repeat(10)}`,
    '😀'.repeat(35),
    '😀'.repeat(36),
    'È confermato, a domani!',
  ];
  it.each(texts.map((text) => [text.length, text]))('%i characters: %s', (_length, text) => {
    const reference = new SegmentedMessage(text);
    const ours = splitMessage(text);
    expect(ours.encoding).toBe(reference.encodingName === 'GSM-7' ? 'gsm7' : 'ucs2');
    expect(ours.parts).toHaveLength(text === '' ? 1 : reference.segmentsCount);
  });

  it('on random mixes of tricky characters', () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ['a', 'à', '€', '[', ' ', '\n', 'ç', '😀', 'Ω', 'É'];
    for (let round = 0; round < 300; round++) {
      const pool = alphabet.slice(0, 4 + random(alphabet.length - 3));
      const text = Array.from({ length: 1 + random(420) }, () => pool[random(pool.length)]).join('');
      const ours = splitMessage(text);
      expect(ours.parts.map((p) => p.text).join('')).toBe(text);
      expect(ours.parts, text).toHaveLength(new SegmentedMessage(text).segmentsCount);
    }
  });
});
