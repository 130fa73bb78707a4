import { z } from 'zod';
import type { ImportField, ImportIssue, PhoneProblemPolicy } from '../../../contract/clients-import-schemas';
import { EMAIL_MAX, NAME_MAX, NOTES_MAX } from '../../../contract/clients-schemas';
import type { Language } from '../../../contract/schemas';
import type { ClientFields } from '../../../db/repositories/clients-repository';
import { readMobile } from '../phone-number';
import type { CsvRecord } from './parse-csv';

export interface RowContext {
  /** The field of each column, null for ignored ones. */
  mapping: readonly (ImportField | null)[];
  defaultRegion: string;
  defaultLanguage: Language;
  phoneProblems: PhoneProblemPolicy;
}

export type RowOutcome =
  | {
      ok: true;
      fields: ClientFields;
      /** The fields the row gave a value for: what "update existing" copies. */
      filled: ReadonlySet<keyof ClientFields>;
      /** Set when the mobile was left out (policy importWithout). */
      warning?: ImportIssue;
    }
  | { ok: false; issue: ImportIssue };

/** Control characters (but tab and line breaks) and the replacement character: what bytes in an unexpected encoding turn into. */
const UNREADABLE = /(?![\t\n\r])[\p{Cc}\ufffd]/u;

const LANGUAGES: Record<string, Language> = {
  it: 'it', ita: 'it', italiano: 'it', italiana: 'it', italian: 'it',
  en: 'en', eng: 'en', inglese: 'en', english: 'en',
};

/** Checks one record and turns it into client fields, or says, naming the value, why it cannot be imported. */
export function readRow(record: CsvRecord, context: RowContext): RowOutcome {
  const { line } = record;
  const reject = (reason: ImportIssue['reason'], message: string, extra: Partial<ImportIssue> = {}): RowOutcome => ({
    ok: false,
    issue: { line, reason, message, ...extra },
  });

  if (record.unclosedQuote) {
    return reject('unclosed_quote', 'a quoted value is never closed: every line after this one was read into it');
  }
  if (record.fields.some((value) => UNREADABLE.test(value))) {
    return reject('unreadable', 'unreadable characters: the row may be in another encoding, or damaged');
  }
  const extra = record.fields.slice(context.mapping.length).filter((value) => value.trim() !== '');
  if (extra.length > 0) {
    return reject(
      'extra_fields',
      `${record.fields.length} values where the header has ${context.mapping.length}: a value containing the delimiter may be missing its quotes`,
    );
  }

  const value = (field: ImportField): string => {
    const index = context.mapping.indexOf(field);
    return index === -1 ? '' : withoutFormulaGuard((record.fields[index] ?? '').trim());
  };
  const filled = new Set<keyof ClientFields>(
    (['firstName', 'lastName', 'mobile', 'email', 'language', 'notes'] as const).filter((field) => value(field) !== ''),
  );

  const firstName = value('firstName');
  const lastName = value('lastName');
  if (lastName === '') return reject('missing_name', firstName === '' ? 'no first or last name' : 'no last name');
  if (firstName.length > NAME_MAX || lastName.length > NAME_MAX) return reject('too_long', `a name longer than ${NAME_MAX} characters`);
  const notes = value('notes');
  if (notes.length > NOTES_MAX) return reject('too_long', `notes longer than ${NOTES_MAX} characters`);

  const email = value('email');
  if (email.length > EMAIL_MAX || (email !== '' && !z.email().safeParse(email).success)) {
    return reject('bad_email', `"${email}" is not an e-mail address`, { value: email });
  }

  const languageText = value('language');
  const language = languageText === '' ? context.defaultLanguage : LANGUAGES[languageText.toLowerCase()];
  if (language === undefined) {
    return reject('bad_language', `"${languageText}": the language must be Italian (it) or English (en)`, { value: languageText });
  }

  const typedMobile = value('mobile');
  let mobile: string | null = null;
  let warning: ImportIssue | undefined;
  if (typedMobile !== '') {
    const reading = readMobile(typedMobile, context.defaultRegion);
    if (reading.ok) mobile = reading.e164;
    else if (context.phoneProblems === 'reject') {
      return reject('bad_phone', `"${typedMobile}" is ${withArticle(reading.message)}`, {
        phoneProblem: reading.problem,
        value: typedMobile,
      });
    } else {
      filled.delete('mobile');
      warning = {
        line,
        reason: 'bad_phone',
        phoneProblem: reading.problem,
        value: typedMobile,
        message: `imported without the mobile: "${typedMobile}" is ${withArticle(reading.message)}`,
      };
    }
  }

  return {
    ok: true,
    fields: { firstName, lastName, mobile, email: email === '' ? null : email, language, notes },
    filled,
    ...(warning ? { warning } : {}),
  };
}

/** Our own export puts an apostrophe before a value that Excel would take for a formula; it comes off here. */
function withoutFormulaGuard(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

/** Phone messages start "a landline number…" or "too few digits…": after "is", the second kind needs a lead-in. */
function withArticle(message: string): string {
  return /^(a|an|not) /.test(message) ? message : `not usable: ${message}`;
}
