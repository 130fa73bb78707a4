import { describe, expect, it } from 'vitest';
import type { ImportField } from '../../../../src-main/contract/clients-import-schemas';
import { readRow, type RowContext } from '../../../../src-main/domain/clients/csv-import/read-row';

const mapping: (ImportField | null)[] = ['lastName', 'firstName', 'mobile', 'email', 'language', 'notes', null];
const context: RowContext = { mapping, defaultRegion: 'IT', defaultLanguage: 'it', phoneProblems: 'reject' };
const row = (fields: string[], line = 7, unclosedQuote = false) => ({ line, fields, unclosedQuote });

describe('readRow', () => {
  it('turns a row into client fields, the mobile in E.164', () => {
    const outcome = readRow(row(['Rossi', ' Mario ', '333 123 4567', 'mario@example.it', 'EN', 'note', 'ignored']), context);
    expect(outcome).toEqual({
      ok: true,
      fields: { lastName: 'Rossi', firstName: 'Mario', mobile: '+393331234567', email: 'mario@example.it', language: 'en', notes: 'note' },
      filled: new Set(['lastName', 'firstName', 'mobile', 'email', 'language', 'notes']),
    });
  });

  it('fills what the row leaves empty: no mobile, no e-mail, the office language', () => {
    expect(readRow(row(['Rossi', '', '', '', '', '']), context)).toMatchObject({
      ok: true,
      fields: { firstName: '', mobile: null, email: null, language: 'it', notes: '' },
    });
    expect(readRow(row(['Rossi', 'A', '', '', 'Italiano']), context)).toMatchObject({ ok: true, fields: { language: 'it' } });
    expect(readRow(row(['Rossi', 'A', '', '', 'inglese']), context)).toMatchObject({ ok: true, fields: { language: 'en' } });
  });

  it.each([
    [['', 'Mario', '333 123 4567'], 'missing_name', 'no last name'],
    [['', '', '333 123 4567', 'x@example.it'], 'missing_name', 'no first or last name'],
    [['Rossi', 'Mario', '06 1234 5678'], 'bad_phone', '"06 1234 5678" is a landline number: it cannot receive SMS reminders'],
    [['Rossi', 'Mario', '333 12345'], 'bad_phone', '"333 12345" is not a valid number in Italy: check the digits'],
    [['Rossi', 'Mario', '12'], 'bad_phone', '"12" is not usable: too few digits for a phone number'],
    [['Rossi', 'Mario', '', 'mario@'], 'bad_email', '"mario@" is not an e-mail address'],
    [['Rossi', 'Mario', '', '', 'tedesco'], 'bad_language', '"tedesco": the language must be Italian (it) or English (en)'],
    [['Rossi'.repeat(20), 'Mario'], 'too_long', 'a name longer than 80 characters'],
    [['Rossi', 'Mario\u0000'], 'unreadable', 'unreadable characters: the row may be in another encoding, or damaged'],
    [['Rossi', 'Mario\ufffd'], 'unreadable', 'unreadable characters: the row may be in another encoding, or damaged'],
    [['Rossi', ' Mario', '', '', '', '', '', 'extra'], 'extra_fields', expect.stringMatching(/^8 values where the header has 7/)],
  ])('rejects %j: %s', (fields, reason, message) => {
    expect(readRow(row(fields), context)).toEqual({ ok: false, issue: expect.objectContaining({ line: 7, reason, message }) });
  });

  it('names what is wrong with a bad phone', () => {
    expect(readRow(row(['Rossi', 'Mario', '06 1234 5678']), context)).toMatchObject({ issue: { phoneProblem: 'not_mobile' } });
  });

  it('rejects a row whose quoted value never closes', () => {
    expect(readRow(row(['Rossi', 'Mario'], 3, true), context)).toMatchObject({ ok: false, issue: { line: 3, reason: 'unclosed_quote' } });
  });

  it('with importWithout, keeps the client and warns about the mobile', () => {
    const outcome = readRow(row(['Rossi', 'Mario', '06 1234 5678']), { ...context, phoneProblems: 'importWithout' });
    expect(outcome).toMatchObject({
      ok: true,
      fields: { lastName: 'Rossi', mobile: null },
      warning: { line: 7, reason: 'bad_phone', message: 'imported without the mobile: "06 1234 5678" is a landline number: it cannot receive SMS reminders' },
    });
    expect(outcome.ok && outcome.filled.has('mobile')).toBe(false);
  });

  it("takes off the apostrophe our export puts before formula-like values", () => {
    expect(readRow(row(['Rossi', 'Mario', '', '', '', "'=1+1"]), context)).toMatchObject({ ok: true, fields: { notes: '=1+1' } });
    expect(readRow(row(['Rossi', "D'Amico"]), context)).toMatchObject({ ok: true, fields: { firstName: "D'Amico" } });
  });
});
