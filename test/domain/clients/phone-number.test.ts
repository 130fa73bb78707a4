import { describe, expect, it } from 'vitest';
import { formatForDialingFrom, formatPhone, readMobile } from '../../../src-main/domain/clients/phone-number';

describe('readMobile', () => {
  it.each([
    ['333 123 4567', '+393331234567'],
    ['3331234567', '+393331234567'],
    ['+39 333 1234567', '+393331234567'],
    ['0039 333 123 4567', '+393331234567'],
    ['347-1234567', '+393471234567'],
    ['(333) 123.4567', '+393331234567'],
    ['+44 7911 123456', '+447911123456'],
    ['0044 7911 123456', '+447911123456'],
    // Where the metadata cannot tell a mobile from a landline (US), the number is accepted.
    ['+1 212 555 0123', '+12125550123'],
  ])('reads %j as %s, formatted for display', (typed, e164) => {
    const reading = readMobile(typed, 'IT');
    expect(reading).toMatchObject({ ok: true, e164 });
  });

  it('formats the number in groups for reading', () => {
    expect(readMobile('3331234567', 'IT')).toEqual({ ok: true, e164: '+393331234567', display: '+39 333 123 4567' });
  });

  it('reads national numbers with the office region', () => {
    expect(readMobile('07911 123456', 'GB')).toMatchObject({ ok: true, e164: '+447911123456' });
    expect(readMobile('07911 123456', 'IT')).toMatchObject({ ok: false });
  });

  it.each([
    ['06 1234 5678', 'not_mobile', /landline/],
    ['+39 06 1234 5678', 'not_mobile', /landline/],
    ['800 123456', 'not_mobile', /toll-free/],
    ['12', 'too_short', /too few digits/],
    ['3', 'too_short', /too few digits/],
    ['3331234567890123', 'too_long', /too many digits/],
    ['333 12345', 'invalid', /not a valid number in Italy/],
    ['+39 999 1234567', 'invalid', /not a valid number in Italy/],
    ['+999 123456', 'invalid_country', /no country uses/],
    ['mario', 'not_a_number', /not a phone number/],
  ])('refuses %j: %s', (typed, problem, message) => {
    const reading = readMobile(typed, 'IT');
    expect(reading).toMatchObject({ ok: false, problem });
    expect(reading.ok ? '' : reading.message).toMatch(message);
  });

  it('without a known office region, asks for the country code', () => {
    expect(readMobile('333 123 4567', 'XX')).toMatchObject({ ok: false, problem: 'invalid_country', message: expect.stringMatching(/country code/) });
    expect(readMobile('+39 333 123 4567', 'XX')).toMatchObject({ ok: true, e164: '+393331234567' });
  });
});

describe('formatting stored numbers', () => {
  it('groups an E.164 number for reading', () => {
    expect(formatPhone('+393331234567')).toBe('+39 333 123 4567');
    expect(formatPhone('+447911123456')).toBe('+44 7911 123456');
  });

  it('writes numbers as dialled from the office country, never with a leading plus', () => {
    expect(formatForDialingFrom('+393331234567', 'IT')).toBe('333 123 4567');
    expect(formatForDialingFrom('+447911123456', 'IT')).toBe('00 44 7911 123456');
    // And they read back to the same number.
    expect(readMobile(formatForDialingFrom('+447911123456', 'IT'), 'IT')).toMatchObject({ e164: '+447911123456' });
    expect(readMobile(formatForDialingFrom('+393331234567', 'IT'), 'IT')).toMatchObject({ e164: '+393331234567' });
  });
});
