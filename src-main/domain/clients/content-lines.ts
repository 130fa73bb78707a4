/**
 * The text rules iCalendar (RFC 5545) and vCard (RFC 6350) share: how a value is
 * escaped, how a UTC time is written, and how a long line is folded. The client
 * page's .ics and the privacy export's .ics and .vcf all use these.
 */

/** 2026-11-24T08:30:00.000Z → "20261124T083000Z". */
export function utcStamp(instant: number): string {
  return new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** TEXT values: backslash, semicolon and comma are escaped, line breaks become "\n". */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();

/** Splits a content line into 75-octet pieces, never inside a UTF-8 character; continuations start with a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line;
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The continuation's leading space counts toward its 75 octets.
    const limit = pieces.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(piece);
      piece = '';
      octets = 0;
    }
    piece += char;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join('\r\n ');
}
