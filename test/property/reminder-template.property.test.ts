/**
 * Reminder templates as an office may type them, with any client data: rendering
 * never throws, every known placeholder is filled, and what a text costs agrees with
 * the splitter the transports use, in the splitter's own units (septets for GSM-7,
 * UTF-16 code units for UCS-2).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languages } from '../../src-main/contract/schemas';
import { placeholders } from '../../src-main/contract/reminders-schemas';
import { renderTemplate, textCost, unknownPlaceholders, type TemplateData } from '../../src-main/domain/reminders/reminder-template';
import { isGsm7, splitMessage, textToSeptets } from '../../src-main/sms/encoding';
import {
  GSM7_PART_LIMIT,
  GSM7_SINGLE_LIMIT,
  UCS2_PART_LIMIT,
  UCS2_SINGLE_LIMIT,
} from '../../src-main/sms/encoding/message-splitter';
import { runs } from './runs';

/** GSM 03.38, written out here rather than taken from the encoder's table. */
const GSM7_BASIC = [
  ...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡',
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
];
/** The extension table: each costs two septets. */
const GSM7_EXTENSION = [...'€[]{}\\^~|\f'];
/** Characters an Italian office types that GSM-7 lacks, a few outside the BMP. */
const NOT_GSM7 = [...'ÈÀÌÒÙ’‘“”–—…•ç·', '😀', '👍🏻', '𝄞', '\u200b', '\t', '\u0000', '\ud800'];

const gsm7Char = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...GSM7_BASIC) }, { weight: 1, arbitrary: fc.constantFrom(...GSM7_EXTENSION) });
const anyChar = fc.oneof(
  { weight: 6, arbitrary: gsm7Char },
  { weight: 1, arbitrary: fc.constantFrom(...NOT_GSM7) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

/** Texts long and short ("large" sizes: fast-check's default keeps strings under 10 characters). */
const gsm7Text = fc.oneof(fc.string({ unit: gsm7Char, maxLength: 700, size: 'large' }), fc.string({ unit: gsm7Char, maxLength: 20 }));
const anyText = fc.oneof(
  fc.string({ unit: anyChar, maxLength: 700, size: 'large' }),
  fc.string({ unit: anyChar, maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 300, size: 'large' }),
  fc.string(),
);

const placeholderToken = fc.constantFrom(...placeholders).map((name) => `{${name}}`);
/** Braces that are not placeholders: "{nome}", "{ date }", "{first name}", unbalanced ones. */
const bracedToken = fc.oneof(
  fc.string({ maxLength: 12 }).map((inside) => `{${inside}}`),
  fc.constantFrom('{', '}', '{}', '{{', '}}', '{ date }', '{first name}', '{DATE}', '{nome}', `{${'x'.repeat(41)}}`),
);
const template = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: placeholderToken },
      { weight: 2, arbitrary: bracedToken },
      { weight: 3, arbitrary: fc.string({ unit: anyChar, maxLength: 30 }) },
      { weight: 2, arbitrary: fc.constantFrom(' ', '  ', ', ', ' .', ' !', '\n', '\t') },
    ),
    { maxLength: 60, size: 'medium' },
  )
  .map((tokens) => tokens.join(''));

const timeZones = Intl.supportedValuesOf('timeZone');
/** Any instant a Date can hold, with the present day more likely. */
const instant = fc.oneof(
  fc.integer({ min: -8.64e15, max: 8.64e15 }),
  fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
);

function templateData(value: fc.Arbitrary<string>): fc.Arbitrary<TemplateData> {
  return fc.record({
    firstName: value,
    start: instant,
    timeZone: fc.constantFrom(...timeZones),
    officeName: value,
    officePhone: value,
    staffName: value,
  });
}

const language = fc.constantFrom(...languages);

/** Each encoding's limits, in the units the splitter counts. */
function measure(text: string, encoding: 'gsm7' | 'ucs2') {
  return encoding === 'gsm7'
    ? { units: textToSeptets(text).length, single: GSM7_SINGLE_LIMIT, part: GSM7_PART_LIMIT, biggestUnit: 2 }
    : { units: text.length, single: UCS2_SINGLE_LIMIT, part: UCS2_PART_LIMIT, biggestUnit: 2 };
}

function checkCost(text: string): void {
  const cost = textCost(text);
  expect(cost.segments).toBeGreaterThanOrEqual(1);
  expect(cost.characters).toBe([...text].length);
  expect(cost.encoding).toBe(isGsm7(text) ? 'gsm7' : 'ucs2');
  expect(cost.nonGsmCharacters.every((char) => !isGsm7(char))).toBe(true);
  expect(cost.nonGsmCharacters.length === 0).toBe(cost.encoding === 'gsm7');

  const split = splitMessage(text);
  expect(split.parts).toHaveLength(cost.segments);
  expect(split.parts.map((part) => part.text).join('')).toBe(text);
  const { units, single, part, biggestUnit } = measure(text, cost.encoding);
  const partUnits = split.parts.map((p) => measure(p.text, cost.encoding).units);
  expect(partUnits.reduce((sum, n) => sum + n, 0)).toBe(units);
  // The bytes the transports send are the units: a septet per byte, or two bytes per UTF-16 unit.
  expect(split.parts.map((p) => p.bytes.length)).toEqual(cost.encoding === 'gsm7' ? partUnits : partUnits.map((n) => 2 * n));
  if (units <= single) {
    expect(cost.segments).toBe(1);
  } else {
    expect(Math.max(...partUnits)).toBeLessThanOrEqual(part);
    // Every part but the last is full up to what the next character (an escape pair, a surrogate pair) left over.
    expect(partUnits.slice(0, -1).every((n) => n > part - biggestUnit)).toBe(true);
    expect(cost.segments).toBeGreaterThanOrEqual(Math.ceil(units / part));
    expect(cost.segments).toBeLessThanOrEqual(Math.ceil(units / (part - biggestUnit + 1)));
  }
}

describe('renderTemplate and unknownPlaceholders on any template and any data', () => {
  it('never throw', () => {
    fc.assert(
      fc.property(fc.oneof(template, anyText), templateData(anyText), language, (text, data, lang) => {
        expect(typeof renderTemplate(text, data, lang)).toBe('string');
        for (const found of unknownPlaceholders(text)) {
          expect(found).toMatch(/^\{[^{}\n]*\}$/);
          expect(placeholders.map((name) => `{${name}}`)).not.toContain(found);
        }
      }),
      { numRuns: runs(300) },
    );
  });

  it('leave no known placeholder in the text (data values that cannot spell one themselves)', () => {
    // Values without braces or lower-case letters: "{" + a value + "}" can never spell a placeholder name.
    const plainValue = fc.string({ unit: fc.constantFrom(...'ABCÈ0123456789 +.,\'-😀'), maxLength: 20 });
    fc.assert(
      fc.property(template, templateData(plainValue), language, (text, data, lang) => {
        const rendered = renderTemplate(text, data, lang);
        for (const name of placeholders) expect(rendered).not.toContain(`{${name}}`);
      }),
      { numRuns: runs(300) },
    );
  });

  it('give a text whose cost agrees with the splitter', () => {
    fc.assert(
      fc.property(template, templateData(anyText), language, (text, data, lang) => {
        checkCost(renderTemplate(text, data, lang));
      }),
      { numRuns: runs(150) },
    );
  });
});

describe('textCost', () => {
  it('counts at least one segment, within the GSM-7 and UCS-2 limits, for any text', () => {
    fc.assert(fc.property(anyText, checkCost), { numRuns: runs(300) });
  });

  it('calls a text of GSM-7 characters only gsm7, however long', () => {
    fc.assert(
      fc.property(gsm7Text, (text) => {
        expect(textCost(text)).toMatchObject({ encoding: 'gsm7', nonGsmCharacters: [] });
        checkCost(text);
      }),
      { numRuns: runs(300) },
    );
  });

  it('calls a text with one character GSM-7 lacks ucs2, and names that character', () => {
    fc.assert(
      fc.property(gsm7Text, fc.constantFrom(...NOT_GSM7), fc.nat(), (text, odd, at) => {
        const chars = [...text];
        const position = chars.length === 0 ? 0 : at % (chars.length + 1);
        const mixed = [...chars.slice(0, position), odd, ...chars.slice(position)].join('');
        const cost = textCost(mixed);
        expect(cost.encoding).toBe('ucs2');
        expect(cost.nonGsmCharacters).toEqual([...odd].filter((char) => !isGsm7(char)).filter((c, i, all) => all.indexOf(c) === i));
        checkCost(mixed);
      }),
      { numRuns: runs(300) },
    );
  });
});
