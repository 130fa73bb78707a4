import type { ImportIssue } from '../../../src-main/contract/clients-import-schemas';
import type { I18n } from '../../i18n/i18n-context';

/** Why a row was not imported as it stands, in the user's language (the core's own text is in English). */
export function importIssueText(t: I18n['t'], issue: ImportIssue): string {
  if (issue.reason === 'bad_phone' && issue.phoneProblem) return t(`clients.phone.${issue.phoneProblem}`);
  if (issue.reason === 'duplicate') {
    return issue.otherLine === undefined
      ? t('clients.import.reason.duplicate')
      : t('clients.import.reason.duplicateOfLine', { line: issue.otherLine });
  }
  return t(`clients.import.reason.${issue.reason}`);
}
