import type { Language } from '../../contract/schemas';
import type { ReplyMeaning } from './reply-keywords';

/** The optional automatic answers: short, GSM-7 only (one SMS), nothing about the appointment's purpose. */
const texts: Record<Exclude<ReplyMeaning, 'other'>, Record<Language, string>> = {
  confirm: {
    it: 'Grazie, il suo appuntamento è confermato. {office_name}',
    en: 'Thank you, your appointment is confirmed. {office_name}',
  },
  cancel: {
    it: 'Abbiamo ricevuto la sua richiesta di disdetta: la ricontatteremo a breve. {office_name}',
    en: 'We have received your cancellation request and will contact you shortly. {office_name}',
  },
  opt_out: {
    it: 'Non riceverà più promemoria via SMS. Per riattivarli contatti {office_name}.',
    en: 'You will receive no more SMS reminders. To turn them back on, contact {office_name}.',
  },
};

export function acknowledgement(meaning: Exclude<ReplyMeaning, 'other'>, language: Language, officeName: string): string {
  return texts[meaning][language].replace('{office_name}', officeName).trim();
}
