/**
 * readMobile on anything a desk or a CSV file may hold: it never throws, what it
 * accepts is E.164 and reads back to itself, and an Italian mobile typed in any of
 * the usual ways reads to one and the same number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { phoneProblems } from '../../src-main/contract/clients-schemas';
import { readMobile } from '../../src-main/domain/clients/phone-number';
import { runs } from './runs';

const E164 = /^\+[1-9]\d{6,14}$/;

/** Office regions as a setting may hold them, plus a few that no country uses. */
const region = fc.oneof(
  fc.constantFrom('IT', 'SM', 'VA', 'CH', 'DE', 'FR', 'GB', 'US', 'BR', 'IN', 'CN'),
  fc.constantFrom('', 'XX', 'it', 'ZZ', 'ITA', '001'),
  fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 2, maxLength: 2 }),
);

/** What lands in a mobile cell: digits and separators mostly, anything at all sometimes. */
const typed = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'0123456789 +-.()/#*xX\t'), maxLength: 30, size: 'medium' }),
  fc.string({ unit: fc.constantFrom(...'0123456789+ '), maxLength: 20, size: 'medium' }).map((s) => `+39${s}`),
  fc.string({ maxLength: 40, size: 'medium' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 100, maxLength: 400 }),
);

describe('readMobile on random input', () => {
  it('never throws, and answers either E.164 or a known problem with a message', () => {
    fc.assert(
      fc.property(typed, region, (text, defaultRegion) => {
        const reading = readMobile(text, defaultRegion);
        if (reading.ok) {
          expect(reading.e164).toMatch(E164);
          expect(reading.display.length).toBeGreaterThan(0);
        } else {
          expect(phoneProblems).toContain(reading.problem);
          expect(reading.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: runs(600) },
    );
  });

  it('is idempotent: an accepted number, read again as E.164 from any region, is the same number', () => {
    fc.assert(
      fc.property(typed, region, region, (text, defaultRegion, otherRegion) => {
        const reading = readMobile(text, defaultRegion);
        if (!reading.ok) return;
        const again = readMobile(reading.e164, otherRegion);
        expect(again).toEqual({ ok: true, e164: reading.e164, display: reading.display });
      }),
      { numRuns: runs(600) },
    );
  });
});

/** "3xx xxxxxxx": a prefix 31x–39x (30x is not allocated to mobiles) and seven digits. */
const italianMobile = fc.tuple(
  fc.integer({ min: 1, max: 9 }),
  fc.integer({ min: 0, max: 9 }),
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 7, maxLength: 7 }),
);

/** The number's ten digits grouped as people type them. */
const grouping = fc.constantFrom(
  (d: string) => d,
  (d: string) => `${d.slice(0, 3)} ${d.slice(3)}`,
  (d: string) => `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
  (d: string) => `${d.slice(0, 3)} ${d.slice(3, 5)} ${d.slice(5, 7)} ${d.slice(7)}`,
  (d: string) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d: string) => `${d.slice(0, 3)}/${d.slice(3)}`,
  (d: string) => `(${d.slice(0, 3)}) ${d.slice(3)}`,
  (d: string) => `${d.slice(0, 3)}  ${d.slice(3, 6)}\t${d.slice(6)}`,
);

/** No prefix (read with the office region IT), "+39", "+39 " or "0039" (IT, and other regions dialling out with 00). */
const prefix = fc.constantFrom(
  { text: '', regions: ['IT'] },
  { text: '+39', regions: ['IT', 'DE', 'US', 'GB', 'XX', ''] },
  { text: '+39 ', regions: ['IT', 'DE', 'US', 'GB', 'XX', ''] },
  { text: '+ 39 ', regions: ['IT', 'FR'] },
  { text: '0039', regions: ['IT', 'DE', 'FR', 'CH'] },
  { text: '0039 ', regions: ['IT', 'DE', 'FR', 'CH'] },
  { text: '00 39 ', regions: ['IT', 'FR'] },
);

const padding = fc.constantFrom('', ' ', '  ', '\t', ' \t ');

describe('Italian mobiles typed in any usual way', () => {
  it('all read to the same E.164 number', () => {
    fc.assert(
      fc.property(italianMobile, grouping, prefix, padding, padding, fc.nat(), (mobile, group, pre, before, after, pick) => {
        const [second, third, rest] = mobile;
        const digits = `3${second}${third}${rest}`;
        const expected = `+39${digits}`;
        const defaultRegion = pre.regions[pick % pre.regions.length] ?? 'IT';
        const text = `${before}${pre.text}${group(digits)}${after}`;
        const reading = readMobile(text, defaultRegion);
        expect(reading, `${JSON.stringify(text)} from ${defaultRegion}`).toMatchObject({ ok: true, e164: expected });
      }),
      { numRuns: runs(500) },
    );
  });
});
