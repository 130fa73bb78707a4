/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table.
 * A character of the extension table costs two septets: the escape 0x1B, then its code.
 */

/** Septet value → character, in code order (0x1B is the escape, never a character). */
const BASIC_TABLE =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Characters reached through the escape, with their code after 0x1B. */
const EXTENSION_TABLE: ReadonlyArray<readonly [string, number]> = [
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
];

export const GSM7_ESCAPE = 0x1b;

const basicByChar = new Map<string, number>();
for (let code = 0; code < BASIC_TABLE.length; code++) {
  if (code !== GSM7_ESCAPE) basicByChar.set(BASIC_TABLE.charAt(code), code);
}
const extensionByChar = new Map<string, number>(EXTENSION_TABLE);
const extensionByCode = new Map<number, string>(EXTENSION_TABLE.map(([char, code]) => [code, char]));

/** The septets of one character (one or two), or undefined when GSM-7 cannot carry it. */
export function charToSeptets(char: string): readonly number[] | undefined {
  const basic = basicByChar.get(char);
  if (basic !== undefined) return [basic];
  const extended = extensionByChar.get(char);
  if (extended !== undefined) return [GSM7_ESCAPE, extended];
  return undefined;
}

/** True when every character of the text exists in the GSM-7 default alphabet or its extension. */
export function isGsm7(text: string): boolean {
  for (const char of text) {
    if (charToSeptets(char) === undefined) return false;
  }
  return true;
}

/** Unpacked septets (one per byte) of a GSM-7 text; throws on a character GSM-7 cannot carry. */
export function textToSeptets(text: string): Buffer {
  const septets: number[] = [];
  for (const char of text) {
    const codes = charToSeptets(char);
    if (codes === undefined) throw new RangeError(`Not in the GSM-7 alphabet: U+${char.codePointAt(0)?.toString(16)}`);
    septets.push(...codes);
  }
  return Buffer.from(septets);
}

/**
 * Text of unpacked septets. An escape followed by a code the extension table lacks
 * reads as the basic character (what 23.038 asks receivers to do); a trailing lone
 * escape is dropped.
 */
export function septetsToText(septets: Uint8Array): string {
  let text = '';
  for (let i = 0; i < septets.length; i++) {
    const septet = (septets[i] ?? 0) & 0x7f;
    if (septet === GSM7_ESCAPE) {
      i++;
      if (i >= septets.length) break;
      const next = (septets[i] ?? 0) & 0x7f;
      text += extensionByCode.get(next) ?? BASIC_TABLE.charAt(next);
    } else {
      text += BASIC_TABLE.charAt(septet);
    }
  }
  return text;
}
