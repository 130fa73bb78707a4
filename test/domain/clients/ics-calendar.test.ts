import { describe, expect, it } from 'vitest';
import { buildIcs } from '../../../src-main/domain/clients/ics-calendar';

const calendar = {
  productId: '-//Promemoria//Promemoria 0.1.0//IT',
  name: 'Studio; Rossi, Mario',
  now: Date.UTC(2026, 10, 24, 9, 30),
  events: [
    {
      uid: 'appointment-1-0@promemoria',
      // 10:30 in Rome in winter, 11:00 in summer: written in UTC either way.
      start: Date.UTC(2026, 10, 25, 9, 30),
      end: Date.UTC(2026, 10, 25, 10, 0),
      summary: 'Studio Dentistico Sorriso: Appuntamento con Dott.ssa Elena Ferri, igiene; controllo\nannuale',
      location: 'Studio Dentistico Sorriso',
      cancelled: false,
    },
    { uid: 'appointment-2-0@promemoria', start: Date.UTC(2026, 6, 1, 7), end: Date.UTC(2026, 6, 1, 8), summary: 'x', location: null, cancelled: true },
  ],
};

describe('buildIcs', () => {
  const text = buildIcs(calendar);
  const lines = text.split('\r\n');

  it('writes CRLF lines, ending with one', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the times in UTC', () => {
    expect(lines).toContain('DTSTART:20261125T093000Z');
    expect(lines).toContain('DTEND:20261125T100000Z');
    expect(lines).toContain('DTSTART:20260701T070000Z');
    expect(lines).toContain('DTSTAMP:20261124T093000Z');
  });

  it('escapes commas, semicolons, backslashes and line breaks in text', () => {
    expect(lines).toContain('X-WR-CALNAME:Studio\\; Rossi\\, Mario');
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('SUMMARY:Studio Dentistico Sorriso: Appuntamento con Dott.ssa Elena Ferri\\, igiene\\; controllo\\nannuale');
  });

  it('folds lines longer than 75 octets, never inside a UTF-8 character', () => {
    const long = buildIcs({ ...calendar, name: 'è'.repeat(100) });
    for (const line of long.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(long.replace(/\r\n /g, '')).toContain(`X-WR-CALNAME:${'è'.repeat(100)}`);
  });

  it('marks cancelled appointments, and leaves out an empty location', () => {
    const second = text.slice(text.lastIndexOf('BEGIN:VEVENT'));
    expect(second).toContain('STATUS:CANCELLED');
    expect(second).not.toContain('LOCATION');
    expect(text.slice(text.indexOf('BEGIN:VEVENT'), text.lastIndexOf('BEGIN:VEVENT'))).toContain('STATUS:CONFIRMED');
  });
});
