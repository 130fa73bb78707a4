import { describe, expect, it } from 'vitest';
import { messageReasons, reasonFormats } from '../../../src-main/contract/message-reasons';
import type { Language } from '../../../src-main/contract/schemas';
import type { MessageKey } from '../../../src-renderer/i18n/messages-en';
import { translate, type MessageVars } from '../../../src-renderer/i18n/translate';
import { messageReasonLabel } from '../../../src-renderer/screens/messages/message-reason-label';

/** t as the provider builds it for a dental office: the office wording is always there. */
function tFor(language: Language) {
  const wording = language === 'it' ? { client: 'paziente' } : { client: 'patient' };
  return (key: MessageKey, vars?: MessageVars) => translate(language, key, { ...wording, ...vars });
}

describe('message reasons on screen', () => {
  it('words every stored reason in Italian, with the office\'s wording', () => {
    const t = tFor('it');
    expect(messageReasonLabel(t, messageReasons.optedOut)).toBe('il paziente non vuole promemoria via SMS');
    expect(messageReasonLabel(t, reasonFormats.skipped(messageReasons.quietLeavesNoTime))).toBe(
      'non inviato: le ore di silenzio non lasciano tempo per inviarlo prima dell’appuntamento',
    );
    expect(messageReasonLabel(t, reasonFormats.notDelivered('UNDELIV'))).toBe('non consegnato (UNDELIV)');
    for (const text of Object.values(messageReasons)) expect(messageReasonLabel(t, text)).not.toBe(text);
  });

  it('shows a channel\'s own words unchanged', () => {
    expect(messageReasonLabel(tFor('it'), 'the SMSC refused the sender (ESME_RINVSRCADR)')).toBe('the SMSC refused the sender (ESME_RINVSRCADR)');
    expect(messageReasonLabel(tFor('en'), messageReasons.interrupted)).toBe('Promemoria stopped while sending it: it may arrive twice');
  });
});
