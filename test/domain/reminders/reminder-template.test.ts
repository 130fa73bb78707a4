import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../src-main/domain/reminders/default-rules';
import { renderTemplate, textCost, unknownPlaceholders, type TemplateData } from '../../../src-main/domain/reminders/reminder-template';

/** Monday 30 March 2026 09:30 in Rome (CEST, UTC+2) is 07:30 UTC. */
const data: TemplateData = {
  firstName: 'Maria',
  start: Date.UTC(2026, 2, 30, 7, 30),
  timeZone: 'Europe/Rome',
  officeName: 'Studio Rossi',
  officePhone: '+39 06 1234 5678',
  staffName: 'Dott. Bianchi',
};

describe('rendering a reminder template', () => {
  it('writes the weekday, date and time in Italian, on the office clock', () => {
    expect(renderTemplate('{weekday} {date} alle {time}', data, 'it')).toBe('lunedì 30 marzo alle 09:30');
  });

  it('writes the weekday, date and time in English, on the office clock', () => {
    expect(renderTemplate('{weekday} {date} at {time}', data, 'en')).toBe('Monday 30 March at 09:30');
  });

  it('takes the day from the office zone too: 22:30 UTC on 31 March is Wednesday 1 April 00:30 in Rome', () => {
    const late = { ...data, start: Date.UTC(2026, 2, 31, 22, 30) };
    expect(renderTemplate('{weekday} {date} {time}', late, 'it')).toBe('mercoledì 1 aprile 00:30');
    expect(renderTemplate('{weekday} {date} {time}', late, 'en')).toBe('Wednesday 1 April 00:30');
  });

  it('writes winter times on the winter offset: 08:05 UTC on 24 November is 09:05 in Rome', () => {
    expect(renderTemplate('{weekday} {date} {time}', { ...data, start: Date.UTC(2026, 10, 24, 8, 5) }, 'it')).toBe('martedì 24 novembre 09:05');
  });

  it('fills the name, office, phone and staff placeholders, each wherever it appears', () => {
    const text = renderTemplate('{first_name}: {staff}, {office_name} ({office_phone}). Ciao {first_name}', data, 'it');
    expect(text).toBe('Maria: Dott. Bianchi, Studio Rossi (+39 06 1234 5678). Ciao Maria');
  });

  it('renders the default rules as single GSM-7 messages with every placeholder filled', () => {
    const texts = defaultRules.flatMap((rule) => [renderTemplate(rule.templateIt, data, 'it'), renderTemplate(rule.templateEn, data, 'en')]);
    expect(texts[0]).toBe(
      "Gentile Maria, le ricordiamo l'appuntamento di lunedì 30 marzo alle 09:30 presso Studio Rossi. Risponda SI per confermare o NO per disdire.",
    );
    for (const text of texts) {
      expect(text).not.toMatch(/[{}]/);
      expect(textCost(text)).toMatchObject({ encoding: 'gsm7', segments: 1 });
    }
  });

  it('does not expand placeholders that appear inside a filled-in value', () => {
    expect(renderTemplate('{office_name}', { ...data, officeName: 'Studio {staff}' }, 'it')).toBe('Studio {staff}');
  });

  it('keeps "$" sequences in values as written', () => {
    expect(renderTemplate('{office_name}', { ...data, officeName: "Studio $& $1 $'" }, 'it')).toBe("Studio $& $1 $'");
  });
});

describe('unknown placeholders', () => {
  it('are left in the text as typed', () => {
    expect(renderTemplate('Ciao {nome}, alle {time} {ORA}', data, 'it')).toBe('Ciao {nome}, alle 09:30 {ORA}');
  });

  it('are reported once each, in order, and known placeholders are not', () => {
    expect(unknownPlaceholders('Ciao {nome} {first_name}, {ora} e ancora {nome}')).toEqual(['{nome}', '{ora}']);
    expect(unknownPlaceholders('{first_name} {date} {time} {weekday} {office_name} {office_phone} {staff}')).toEqual([]);
  });

  it('are case-sensitive: "{First_Name}" is not a placeholder', () => {
    expect(unknownPlaceholders('{First_Name}')).toEqual(['{First_Name}']);
    expect(renderTemplate('{First_Name}', data, 'it')).toBe('{First_Name}');
  });

  it('include braces with spaces or nothing inside, which would also go out as typed', () => {
    expect(unknownPlaceholders('Gentile {first name}, { staff } {}')).toEqual(['{first name}', '{ staff }', '{}']);
    expect(renderTemplate('Gentile {first name}', data, 'it')).toBe('Gentile {first name}');
  });

  it('are not reported for a template without braces', () => {
    expect(unknownPlaceholders('Nessun segnaposto qui.')).toEqual([]);
  });
});

describe('empty values', () => {
  const noStaff = { ...data, staffName: '' };

  it('close up the double space an empty staff name leaves', () => {
    expect(renderTemplate('La aspetta {staff} alle {time}', noStaff, 'it')).toBe('La aspetta alle 09:30');
  });

  it('leave no space before the punctuation that followed them', () => {
    expect(renderTemplate('Alle {time} {staff}.', noStaff, 'it')).toBe('Alle 09:30.');
    expect(renderTemplate('Gentile {first_name}, a presto', { ...data, firstName: '' }, 'it')).toBe('Gentile, a presto');
  });

  it('leave no space at either end', () => {
    expect(renderTemplate('{staff} la aspetta alle {time} {staff}', noStaff, 'it')).toBe('la aspetta alle 09:30');
  });
});

describe('what a text costs to send', () => {
  it('keeps Italian accents of the GSM alphabet (è, à, ì, ò, ù, é) in GSM-7', () => {
    expect(textCost('Sì, è così: già, però più, perché')).toEqual({
      characters: 33,
      segments: 1,
      encoding: 'gsm7',
      nonGsmCharacters: [],
    });
  });

  it('switches to UCS-2 for a typographic apostrophe', () => {
    expect(textCost('l’appuntamento')).toMatchObject({ encoding: 'ucs2', segments: 1, nonGsmCharacters: ['’'] });
  });

  it('switches to UCS-2 for a capital È, which the GSM alphabet lacks', () => {
    expect(textCost('È confermato')).toMatchObject({ encoding: 'ucs2', nonGsmCharacters: ['È'] });
  });

  it('switches to UCS-2 for an emoji and counts it as one character', () => {
    expect(textCost('Ciao 😀')).toEqual({ characters: 6, segments: 1, encoding: 'ucs2', nonGsmCharacters: ['😀'] });
  });

  it('lists each character outside the GSM alphabet once, in order of appearance', () => {
    expect(textCost('’a’ 😀 “b” 😀 ’').nonGsmCharacters).toEqual(['’', '😀', '“', '”']);
  });

  it('fits 160 GSM-7 characters in one SMS and needs two for 161', () => {
    expect(textCost('a'.repeat(160))).toMatchObject({ characters: 160, segments: 1, encoding: 'gsm7' });
    expect(textCost('a'.repeat(161))).toMatchObject({ characters: 161, segments: 2, encoding: 'gsm7' });
  });

  it('needs a third GSM-7 part past 306 characters (153 per part once split)', () => {
    expect(textCost('a'.repeat(306)).segments).toBe(2);
    expect(textCost('a'.repeat(307)).segments).toBe(3);
  });

  it('counts a euro sign as two septets: 159 letters and "€" need two SMS', () => {
    expect(textCost(`${'a'.repeat(159)}€`)).toMatchObject({ characters: 160, segments: 2, encoding: 'gsm7', nonGsmCharacters: [] });
  });

  it('fits 70 UCS-2 characters in one SMS and needs two for 71', () => {
    expect(textCost(`’${'a'.repeat(69)}`)).toMatchObject({ characters: 70, segments: 1, encoding: 'ucs2' });
    expect(textCost(`’${'a'.repeat(70)}`)).toMatchObject({ characters: 71, segments: 2, encoding: 'ucs2' });
  });
});
