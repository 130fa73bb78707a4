import { describe, expect, it } from 'vitest';
import { defaultRules } from '../../../src-main/domain/reminders/default-rules';
import { sensitiveWords } from '../../../src-main/domain/reminders/sensitive-words';

describe('words that give away health or case details', () => {
  it('flags a treatment, as written', () => {
    expect(sensitiveWords('Appuntamento per estrazione del dente')).toEqual(['estrazione']);
  });

  it('ignores case: "Udienza" and "UDIENZA" are flagged as written', () => {
    expect(sensitiveWords('Udienza di lunedì')).toEqual(['Udienza']);
    expect(sensitiveWords('UDIENZA')).toEqual(['UDIENZA']);
  });

  it('ignores accents: "eredità" and "ANESTESÌA" match their stems', () => {
    expect(sensitiveWords('Pratica di eredità')).toEqual(['eredità']);
    expect(sensitiveWords('ANESTESÌA')).toEqual(['ANESTESÌA']);
  });

  it('finds a word after an elided article', () => {
    expect(sensitiveWords("controllo dell'impianto")).toEqual(['impianto']);
  });

  it('matches any word that begins with a stem', () => {
    expect(sensitiveWords('devitalizzazione, ortodonzia, separazione')).toEqual(['devitalizzazione', 'ortodonzia', 'separazione']);
  });

  it('lists a repeated word once', () => {
    expect(sensitiveWords('querela e ancora querela')).toEqual(['querela']);
  });

  it('flags English words too', () => {
    expect(sensitiveWords('Your court hearing and the divorce papers')).toEqual(['hearing', 'divorce']);
  });

  it('flags listed phrases, as listed, across any run of spaces and line breaks', () => {
    expect(sensitiveWords('Portare gli Esami  del\nsangue')).toEqual(['esami del sangue']);
    expect(sensitiveWords('Root canal on Monday')).toEqual(['root canal']);
  });

  it('does not flag the words of a phrase on their own', () => {
    expect(sensitiveWords('Gli esami sono pronti, il sangue no')).toEqual([]);
  });
});

describe('texts that say only when and where', () => {
  it('are not flagged: the default templates in both languages', () => {
    for (const rule of defaultRules) {
      expect(sensitiveWords(rule.templateIt)).toEqual([]);
      expect(sensitiveWords(rule.templateEn)).toEqual([]);
    }
  });

  it('are not flagged: "a causa di" and other ordinary words', () => {
    expect(sensitiveWords('Gentile Maria, a causa di un imprevisto la aspettiamo lunedì alle 10:00 presso lo studio.')).toEqual([]);
  });

  it('are not flagged when empty', () => {
    expect(sensitiveWords('')).toEqual([]);
  });
});
