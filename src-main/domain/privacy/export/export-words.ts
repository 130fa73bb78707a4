import type { Language, OfficeType } from '../../../contract/schemas';
import { utcToZoned } from '../../time-zone';

/**
 * The words of one client's CSV files, in the client's language: the files are for
 * the person who asked for their data. Codes the store may gain later (a new consent
 * method, say) fall back to the code itself rather than to nothing.
 */
export interface ExportWords {
  appointmentHeaders: readonly string[];
  messageHeaders: readonly string[];
  replyHeaders: readonly string[];
  consentHeaders: readonly string[];
  status: Readonly<Record<string, string>>;
  messageKind: Readonly<Record<string, string>>;
  messageState: Readonly<Record<string, string>>;
  replyMeaning: Readonly<Record<string, string>>;
  purpose: Readonly<Record<string, string>>;
  method: Readonly<Record<string, string>>;
  granted: string;
  withdrawn: string;
  yes: string;
  /** Summary of an appointment in the .ics file. */
  appointment: string;
  with: string;
}

const STAFF_WORD: Record<Language, Record<OfficeType, string>> = {
  it: { dental: 'Dentista', legal: 'Avvocato', other: 'Operatore' },
  en: { dental: 'Dentist', legal: 'Lawyer', other: 'Staff member' },
};
const ROOM_WORD: Record<Language, Record<OfficeType, string>> = {
  it: { dental: 'Poltrona', legal: 'Sala', other: 'Stanza' },
  en: { dental: 'Chair', legal: 'Room', other: 'Room' },
};

export function exportWords(language: Language, officeType: OfficeType): ExportWords {
  const staff = STAFF_WORD[language][officeType];
  const room = ROOM_WORD[language][officeType];
  if (language === 'it') {
    return {
      appointmentHeaders: ['ID', 'Inizio', 'Fine', 'Stato', staff, room, 'Note', 'Serie', 'Creato il', 'Modificato il'],
      messageHeaders: ['ID', 'ID appuntamento', 'Tipo', 'Numero', 'Testo', 'Stato', 'Tentativi', 'Previsto per', 'Inviato il', 'Consegnato il', 'Errore', 'Creato il'],
      replyHeaders: ['ID', 'Ricevuto il', 'Numero', 'Testo', 'Inteso come', 'ID appuntamento', 'Gestito il'],
      consentHeaders: ['ID', 'Finalità', 'Scelta', 'Come', 'Registrato da', 'Versione informativa', 'Registrato il', 'Documento'],
      status: { booked: 'Prenotato', confirmed: 'Confermato', cancel_requested: 'Disdetta richiesta', cancelled: 'Annullato', done: 'Svolto', no_show: 'Non presentato' },
      messageKind: { reminder: 'Promemoria', reply_ack: 'Risposta automatica', manual: 'Manuale' },
      messageState: { queued: 'In coda', sending: 'In invio', submitted: 'Inviato', delivered: 'Consegnato', failed: 'Non riuscito', expired: 'Scaduto', cancelled: 'Annullato' },
      replyMeaning: { confirm: 'Conferma', cancel: 'Disdetta', opt_out: 'Stop SMS', other: 'Altro' },
      purpose: { reminders: 'Promemoria degli appuntamenti', recall: 'Richiami', marketing: 'Auguri e promozioni' },
      method: { paper: 'Modulo cartaceo', verbal: 'A voce', sms_keyword: 'Parola chiave via SMS', email: 'E-mail', import: 'Importazione' },
      granted: 'Dato',
      withdrawn: 'Revocato',
      yes: 'sì',
      appointment: 'Appuntamento',
      with: 'con',
    };
  }
  return {
    appointmentHeaders: ['ID', 'Start', 'End', 'Status', staff, room, 'Notes', 'Series', 'Created', 'Changed'],
    messageHeaders: ['ID', 'Appointment ID', 'Kind', 'Number', 'Text', 'State', 'Attempts', 'Due', 'Sent', 'Delivered', 'Error', 'Created'],
    replyHeaders: ['ID', 'Received', 'Number', 'Text', 'Read as', 'Appointment ID', 'Handled'],
    consentHeaders: ['ID', 'Purpose', 'Choice', 'How', 'Recorded by', 'Notice version', 'Recorded', 'Document'],
    status: { booked: 'Booked', confirmed: 'Confirmed', cancel_requested: 'Cancellation requested', cancelled: 'Cancelled', done: 'Done', no_show: 'No-show' },
    messageKind: { reminder: 'Reminder', reply_ack: 'Automatic reply', manual: 'Manual' },
    messageState: { queued: 'Queued', sending: 'Sending', submitted: 'Sent', delivered: 'Delivered', failed: 'Failed', expired: 'Expired', cancelled: 'Cancelled' },
    replyMeaning: { confirm: 'Confirmation', cancel: 'Cancellation', opt_out: 'Stop SMS', other: 'Other' },
    purpose: { reminders: 'Appointment reminders', recall: 'Recall messages', marketing: 'Birthday and marketing messages' },
    method: { paper: 'Paper form', verbal: 'Verbally to staff', sms_keyword: 'SMS keyword', email: 'E-mail', import: 'Import' },
    granted: 'Granted',
    withdrawn: 'Withdrawn',
    yes: 'yes',
    appointment: 'Appointment',
    with: 'with',
  };
}

/** The word for a code, or the code itself when the store has one these words do not know yet. */
export function wordFor(words: Readonly<Record<string, string>>, code: unknown): string {
  if (typeof code !== 'string') return code === null || code === undefined ? '' : String(code);
  return Object.hasOwn(words, code) ? (words[code] ?? code) : code;
}

/** An instant as the office's wall clock, "2026-11-24 09:30": what Excel reads as a date and time. */
export function officeDateTime(instant: unknown, timeZone: string): string {
  if (typeof instant !== 'number') return '';
  const local = utcToZoned(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.year}-${pad(local.month)}-${pad(local.day)} ${pad(local.hour)}:${pad(local.minute)}`;
}
