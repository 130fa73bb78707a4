import type { ClientExportCounts } from '../../../contract/privacy-export-methods';
import type { Language, OfficeType } from '../../../contract/schemas';

/**
 * The LEGGIMI.txt (Italian) and README.txt (English) that go into every export: what
 * each file holds, in plain words, for the person who asked for their data or for
 * whoever moves the office to another program. CRLF line ends: Notepad is the
 * program most people will open them with.
 */
export const README_FILES: Record<Language, string> = { it: 'LEGGIMI.txt', en: 'README.txt' };

export interface ClientReadmeFacts {
  personName: string;
  officeName: string;
  /** The office's wall clock, "2026-11-24 10:00". */
  exportedAt: string;
  timeZone: string;
  counts: ClientExportCounts;
  /** Paths (inside the ZIP) of the evidence files included. */
  evidenceFiles: readonly string[];
  /** Consent ids whose evidence file could not be read. */
  evidenceMissing: readonly number[];
}

export function clientReadme(language: Language, facts: ClientReadmeFacts): string {
  const { counts } = facts;
  const lines =
    language === 'it'
      ? [
          `Dati personali di ${facts.personName}`,
          `conservati da ${facts.officeName || 'questo studio'} nel programma Promemoria,`,
          `esportati il ${facts.exportedAt} (ora di ${facts.timeZone}).`,
          '',
          'Qui c’è tutto ciò che lo studio conserva su di lei in Promemoria (diritto di accesso',
          'e di portabilità dei dati, articoli 15 e 20 del Regolamento europeo GDPR).',
          '',
          'I file',
          '  data.json         Tutti i dati in un solo file, in un formato che altri programmi',
          '                    possono leggere (JSON, "promemoria.client-export" versione 1):',
          '                    anagrafica, appuntamenti, SMS inviati con la storia di ogni invio,',
          '                    SMS ricevuti, consensi con tutta la loro storia e le voci del',
          '                    registro delle attività che la riguardano.',
          `  appointments.csv  Gli appuntamenti (${counts.appointments}), da aprire con Excel.`,
          `  messages.csv      Gli SMS che lo studio le ha inviato o preparato (${counts.messages}).`,
          `  replies.csv       Gli SMS ricevuti dal suo numero (${counts.replies}).`,
          `  consents.csv      I consensi dati o revocati (${counts.consents}).`,
          '  appointments.ics  Gli appuntamenti come calendario: si importa in Google Calendar,',
          '                    Outlook o nel calendario del telefono.',
          '  contact.vcf       Il contatto (nome, cellulare, e-mail) da aggiungere a una rubrica.',
          ...(facts.evidenceFiles.length > 0
            ? [`  evidence/         Le copie dei documenti dei consensi (${facts.evidenceFiles.length}).`]
            : []),
          '  LEGGIMI.txt       Questa spiegazione; README.txt è la stessa in inglese.',
          '',
          'Da sapere',
          `  - Nei file CSV gli orari sono l’ora locale dello studio (${facts.timeZone}); in data.json`,
          '    sono in UTC, nel formato ISO 8601 (per esempio 2026-11-24T08:30:00.000Z).',
          '  - I file CSV usano il punto e virgola e la codifica UTF-8: Excel li apre con un doppio',
          '    clic. Un testo che inizia con = + - @ ha un apostrofo davanti, perché Excel non lo',
          '    prenda per una formula; data.json contiene i valori esatti.',
          `  - Le voci del registro delle attività (${counts.auditEntries}) dicono chi ha fatto cosa e quando`,
          '    (per esempio "client.update"): contengono solo numeri identificativi, mai testi.',
          ...missingLines('it', facts.evidenceMissing),
        ]
      : [
          `Personal data of ${facts.personName}`,
          `held by ${facts.officeName || 'this office'} in the Promemoria program,`,
          `exported on ${facts.exportedAt} (${facts.timeZone} time).`,
          '',
          'This is everything the office keeps about you in Promemoria (right of access and',
          'right to data portability, articles 15 and 20 of the EU GDPR).',
          '',
          'The files',
          '  data.json         All the data in one file that other programs can read (JSON,',
          '                    "promemoria.client-export" version 1): your details, appointments,',
          '                    the SMS sent to you with the history of each, the SMS received from',
          '                    you, your consents with their whole history, and the entries of the',
          '                    activity log that concern you.',
          `  appointments.csv  Your appointments (${counts.appointments}), to open with Excel.`,
          `  messages.csv      The SMS the office sent or prepared for you (${counts.messages}).`,
          `  replies.csv       The SMS received from your number (${counts.replies}).`,
          `  consents.csv      The consents you gave or withdrew (${counts.consents}).`,
          '  appointments.ics  Your appointments as a calendar: import it into Google Calendar,',
          '                    Outlook or your phone’s calendar.',
          '  contact.vcf       Your contact card (name, mobile, e-mail) for an address book.',
          ...(facts.evidenceFiles.length > 0
            ? [`  evidence/         Copies of the consent documents (${facts.evidenceFiles.length}).`]
            : []),
          '  README.txt        This explanation; LEGGIMI.txt is the same in Italian.',
          '',
          'Good to know',
          `  - In the CSV files, times are the office's local time (${facts.timeZone}); in data.json`,
          '    they are UTC, in ISO 8601 form (for example 2026-11-24T08:30:00.000Z).',
          '  - The CSV files use semicolons and UTF-8: Excel opens them with a double click. A text',
          '    that starts with = + - @ has an apostrophe in front, so that Excel does not take it',
          '    for a formula; data.json has the exact values.',
          `  - The activity log entries (${counts.auditEntries}) say who did what and when (for example`,
          '    "client.update"): they hold only id numbers, never texts.',
          ...missingLines('en', facts.evidenceMissing),
        ];
  return lines.join('\r\n') + '\r\n';
}

export interface OfficeReadmeFacts {
  officeName: string;
  officeType: OfficeType;
  exportedAt: string;
  timeZone: string;
  /** Rows per table, in the order of the files. */
  tables: readonly { name: string; rows: number }[];
  evidenceFiles: number;
  evidenceMissing: readonly number[];
}

/** The office's own words for the people, the rooms and the staff. */
const OFFICE_WORDS: Record<Language, Record<OfficeType, { clients: string; rooms: string; staff: string }>> = {
  it: {
    dental: { clients: 'i pazienti', rooms: 'le poltrone', staff: 'dentisti e collaboratori' },
    legal: { clients: 'i clienti', rooms: 'le sale', staff: 'avvocati e collaboratori' },
    other: { clients: 'i clienti', rooms: 'le stanze', staff: 'il personale' },
  },
  en: {
    dental: { clients: 'the patients', rooms: 'the chairs', staff: 'dentists and assistants' },
    legal: { clients: 'the clients', rooms: 'the rooms', staff: 'lawyers and assistants' },
    other: { clients: 'the clients', rooms: 'the rooms', staff: 'the staff' },
  },
};

/** What each table holds, for the README of the whole-office export. */
function tableWords(language: Language, officeType: OfficeType): Record<string, string> {
  const words = OFFICE_WORDS[language][officeType];
  return language === 'it'
    ? {
        settings: 'le impostazioni (studio, fuso orario, canale SMS senza password, orari di invio)',
        staff: `${words.staff}, con gli orari di lavoro`,
        rooms: words.rooms,
        clients: `${words.clients}, compresi quelli archiviati`,
        appointments: 'gli appuntamenti',
        reminder_rules: 'le regole dei promemoria, con i testi in italiano e in inglese',
        messages: 'gli SMS inviati o in coda',
        message_events: 'ogni cambio di stato di ogni SMS',
        message_parts: 'le parti di ogni SMS, con i riferimenti e le ricevute di consegna',
        inbound_messages: 'gli SMS ricevuti (le risposte)',
        consents: 'il registro dei consensi (ogni scelta è una riga nuova)',
        audit_log: 'il registro delle attività (chi ha fatto cosa e quando)',
      }
    : {
        settings: 'the settings (office, time zone, SMS channel without passwords, sending hours)',
        staff: `${words.staff}, with their working hours`,
        rooms: words.rooms,
        clients: `${words.clients}, archived ones included`,
        appointments: 'the appointments',
        reminder_rules: 'the reminder rules, with their Italian and English texts',
        messages: 'the SMS sent or queued',
        message_events: 'every state change of every SMS',
        message_parts: 'the parts of each SMS, with channel references and delivery reports',
        inbound_messages: 'the SMS received (replies)',
        consents: 'the consent ledger (each choice is a new row)',
        audit_log: 'the activity log (who did what, and when)',
      };
}

export function officeReadme(language: Language, facts: OfficeReadmeFacts): string {
  const it = language === 'it';
  const about = tableWords(language, facts.officeType);
  const entries: [string, string][] = [
    ['data.json', it ? 'tutto in un solo file (JSON, "promemoria.office-export" versione 1)' : 'everything in one file (JSON, "promemoria.office-export" version 1)'],
    ...facts.tables.map(({ name, rows }): [string, string] => [
      `${name}.csv`,
      `${it ? (rows === 1 ? '1 riga' : `${rows} righe`) : rows === 1 ? '1 row' : `${rows} rows`}: ${about[name] ?? (it ? 'un’altra tabella del programma' : 'another table of the program')}`,
    ]),
    ...(facts.evidenceFiles > 0
      ? [['evidence/', it ? `le copie dei documenti dei consensi (${facts.evidenceFiles})` : `copies of the consent documents (${facts.evidenceFiles})`] as [string, string]]
      : []),
    [README_FILES[language], it ? 'questa spiegazione; README.txt è la stessa in inglese' : 'this explanation; LEGGIMI.txt is the same in Italian'],
  ];
  const width = Math.max(...entries.map(([name]) => name.length));
  const fileLines = entries.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`);
  const lines = it
    ? [
        `Esportazione completa di ${facts.officeName || 'questo studio'} dal programma Promemoria,`,
        `fatta il ${facts.exportedAt} (ora di ${facts.timeZone}).`,
        '',
        'Serve a passare i dati a un altro programma. Contiene i dati personali di tutte le',
        'persone seguite dallo studio: va conservata con la stessa cura del computer dello studio.',
        '',
        'I file',
        ...fileLines,
        '',
        'Da sapere',
        '  - data.json ha, sotto "tables", una lista di righe per tabella; ogni file CSV ha le',
        '    stesse colonne. I nomi sono quelli del database.',
        '  - Gli orari (colonne "at" e "..._at") sono in UTC, nel formato ISO 8601',
        '    (2026-11-24T08:30:00.000Z); i numeri di telefono sono nel formato internazionale',
        '    E.164 (+393331234567); i numeri id collegano le tabelle (appointments.client_id è',
        '    l’id di una riga di clients).',
        '  - I file CSV usano il punto e virgola e la codifica UTF-8 con BOM. Un testo che inizia',
        '    con = + - @ ha un apostrofo davanti, perché Excel non lo prenda per una formula;',
        '    data.json contiene i valori esatti.',
        '  - Password SMPP e PIN della SIM non sono nel database e quindi non sono qui: vanno',
        '    inseriti di nuovo nel nuovo programma.',
        ...missingLines('it', facts.evidenceMissing),
      ]
    : [
        `Complete export of ${facts.officeName || 'this office'} from the Promemoria program,`,
        `made on ${facts.exportedAt} (${facts.timeZone} time).`,
        '',
        'It is meant for moving the data to another program. It holds the personal data of',
        'everyone the office looks after: keep it as carefully as the office computer itself.',
        '',
        'The files',
        ...fileLines,
        '',
        'Good to know',
        '  - data.json has, under "tables", a list of rows per table; each CSV file has the same',
        '    columns. The names are the database’s own.',
        '  - Times ("at" and "..._at" columns) are UTC, in ISO 8601 form (2026-11-24T08:30:00.000Z);',
        '    phone numbers are international E.164 (+393331234567); id numbers link the tables',
        '    (appointments.client_id is the id of a row of clients).',
        '  - The CSV files use semicolons and UTF-8 with a BOM. A text that starts with = + - @',
        '    has an apostrophe in front, so that Excel does not take it for a formula; data.json',
        '    has the exact values.',
        '  - The SMPP password and the SIM PIN are not in the database, so they are not here:',
        '    enter them again in the new program.',
        ...missingLines('en', facts.evidenceMissing),
      ];
  return lines.join('\r\n') + '\r\n';
}

function missingLines(language: Language, consentIds: readonly number[]): string[] {
  if (consentIds.length === 0) return [];
  const ids = consentIds.join(', ');
  const one = consentIds.length === 1;
  return language === 'it'
    ? [
        `  - Non è stato possibile leggere il documento allegato ${one ? 'al consenso' : 'ai consensi'} n. ${ids}: il file`,
        '    non si trova nella cartella dei dati dello studio.',
      ]
    : [
        `  - The document attached to ${one ? 'consent' : 'consents'} no. ${ids} could not be read: the file is not`,
        '    in the office data folder.',
      ];
}
