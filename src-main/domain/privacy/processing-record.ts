import { recordFieldKeys, type ProcessingRecord, type RecordFieldKey } from '../../contract/privacy-documents-methods';
import type { Language, OfficeType, Settings } from '../../contract/schemas';
import type { ChannelConfig } from '../../contract/sms-schemas';
import { formatPhone } from '../clients/phone-number';
import { documentHtml, documentMarkdown, longDate, type PrintableDocument } from './privacy-document-format';

/**
 * The record of processing activities (GDPR Art. 30) of a small office that uses
 * Promemoria, pre-filled from what the app knows: the office (controller), its
 * kind (a dental office processes health data by the mere fact of the
 * appointments), the SMS channel (the carrier or provider is the processor), the
 * retention settings and how the app keeps the data. The office may rewrite any
 * field; its text is kept apart, per language, so the rest follows the settings.
 */
export const RECORD_KEY = 'privacy.record';
export const RETENTION_KEY = 'privacy.retention';

export interface Retention {
  messageMonths: number;
  repliesMonths: number;
  auditYears: number;
}
export const DEFAULT_RETENTION: Retention = { messageMonths: 24, repliesMonths: 24, auditYears: 5 };

/** `privacy.retention` as stored by the retention settings; anything missing or odd reads as the default. */
export function readRetention(stored: unknown): Retention {
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const whole = (n: unknown, fallback: number) => (typeof n === 'number' && Number.isInteger(n) && n > 0 && n < 1000 ? n : fallback);
  return {
    messageMonths: whole(value.messageMonths, DEFAULT_RETENTION.messageMonths),
    repliesMonths: whole(value.repliesMonths, DEFAULT_RETENTION.repliesMonths),
    auditYears: whole(value.auditYears, DEFAULT_RETENTION.auditYears),
  };
}

export type RecordOverrides = Record<Language, Partial<Record<RecordFieldKey, string>>>;
export interface StoredRecord {
  overrides: RecordOverrides;
  updatedAt: number | null;
}

/** `privacy.record`: the office's own text per language and field; what does not fit is ignored. */
export function readStoredRecord(stored: unknown): StoredRecord {
  const value = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const overrides: RecordOverrides = { it: {}, en: {} };
  const raw = typeof value.overrides === 'object' && value.overrides !== null ? (value.overrides as Record<string, unknown>) : {};
  for (const language of ['it', 'en'] as const) {
    const fields = raw[language];
    if (typeof fields !== 'object' || fields === null) continue;
    for (const key of recordFieldKeys) {
      const text = (fields as Record<string, unknown>)[key];
      if (typeof text === 'string') overrides[language][key] = text;
    }
  }
  return { overrides, updatedAt: typeof value.updatedAt === 'number' ? value.updatedAt : null };
}

/** What the record is built from. */
export interface RecordContext {
  settings: Pick<Settings, 'officeName' | 'officePhone' | 'officeType' | 'timeZone'>;
  channel: Pick<ChannelConfig, 'kind'> & { smppHost?: string | undefined; modemOperator?: string | undefined };
  retention: Retention;
}

const labels: Record<Language, Record<RecordFieldKey, string>> = {
  it: {
    controller: 'Titolare del trattamento',
    dpo: 'Responsabile della protezione dei dati (DPO)',
    purposes: 'Finalità e basi giuridiche',
    dataSubjects: 'Categorie di interessati',
    dataCategories: 'Categorie di dati personali',
    recipients: 'Destinatari e responsabili del trattamento',
    transfers: 'Trasferimenti verso paesi terzi',
    retention: 'Termini di cancellazione',
    security: 'Misure di sicurezza tecniche e organizzative',
  },
  en: {
    controller: 'Controller',
    dpo: 'Data protection officer (DPO)',
    purposes: 'Purposes and legal bases',
    dataSubjects: 'Categories of data subjects',
    dataCategories: 'Categories of personal data',
    recipients: 'Recipients and processors',
    transfers: 'Transfers to third countries',
    retention: 'Time limits for erasure',
    security: 'Technical and organisational security measures',
  },
};

const titles: Record<Language, string> = {
  it: 'Registro delle attività di trattamento',
  en: 'Record of processing activities',
};

function plural(n: number, language: Language, unit: 'month' | 'year'): string {
  const words = { it: { month: ['mese', 'mesi'], year: ['anno', 'anni'] }, en: { month: ['month', 'months'], year: ['year', 'years'] } };
  return `${String(n)} ${words[language][unit][n === 1 ? 0 : 1] ?? ''}`;
}

function officeName(settings: RecordContext['settings'], language: Language): string {
  return settings.officeName.trim() || (language === 'it' ? '[nome dello studio]' : '[office name]');
}

function officePhone(settings: RecordContext['settings'], language: Language): string {
  const phone = settings.officePhone.trim();
  if (phone === '') return language === 'it' ? '[telefono]' : '[phone]';
  return phone.startsWith('+') ? formatPhone(phone) : phone;
}

type Wording = Record<OfficeType, string>;
const pick = (wording: Wording, type: OfficeType) => wording[type];

/** Every field as the app would write it today. */
export function prefilledRecord(language: Language, context: RecordContext): Record<RecordFieldKey, string> {
  return language === 'it' ? prefilledIt(context) : prefilledEn(context);
}

function prefilledIt({ settings, channel, retention }: RecordContext): Record<RecordFieldKey, string> {
  const type = settings.officeType;
  const one = pick({ dental: 'il paziente', legal: 'il cliente', other: 'il cliente' }, type);
  const recipients = {
    simulator: [
      "- Nessun destinatario esterno al momento: l'invio degli SMS è in modalità simulatore e nessun messaggio lascia il computer dello studio.",
      "- Quando si attiva un modem GSM o un account SMPP, l'operatore telefonico o il fornitore del servizio SMS riceve il numero e il testo di ogni SMS per recapitarlo, come responsabile del trattamento (art. 28 GDPR).",
    ],
    modem: [
      `- Operatore telefonico della SIM inserita nel modem GSM${channel.modemOperator ? ` (${channel.modemOperator})` : ''}: riceve il numero del destinatario e il testo di ogni SMS per recapitarlo, come responsabile del trattamento (art. 28 GDPR).`,
    ],
    smpp: [
      `- Fornitore del servizio SMS collegato via SMPP${channel.smppHost ? ` (${channel.smppHost})` : ''}: riceve il numero del destinatario e il testo di ogni SMS per recapitarlo, come responsabile del trattamento (art. 28 GDPR), sulla base di un accordo sul trattamento dei dati.`,
    ],
  }[channel.kind];
  return {
    controller: [officeName(settings, 'it'), `Telefono: ${officePhone(settings, 'it')}`, 'Indirizzo, codice fiscale o partita IVA, e-mail o PEC: [da completare]'].join('\n'),
    dpo: 'Non designato: per uno studio di queste dimensioni di norma non è obbligatorio (art. 37 GDPR). Se designato, indicarne qui il nome e i contatti.',
    purposes: [
      pick(
        {
          dental: "- Gestione dell'agenda e degli appuntamenti dei pazienti. Base giuridica: esecuzione della prestazione sanitaria richiesta (art. 6.1.b GDPR) e finalità di cura (art. 9.2.h GDPR).",
          legal: "- Gestione dell'agenda e degli appuntamenti dei clienti. Base giuridica: esecuzione del mandato professionale (art. 6.1.b GDPR) e obblighi di legge e deontologici (art. 6.1.c GDPR).",
          other: "- Gestione dell'agenda e degli appuntamenti dei clienti. Base giuridica: esecuzione del contratto o di misure precontrattuali richieste dall'interessato (art. 6.1.b GDPR).",
        },
        type,
      ),
      `- Promemoria degli appuntamenti via SMS. Base giuridica: esecuzione della prestazione e legittimo interesse dello studio a ridurre gli appuntamenti mancati (art. 6.1.b e 6.1.f GDPR); ${one} può opporsi in qualsiasi momento, anche rispondendo STOP a un SMS.`,
      pick(
        {
          dental: "- Richiami per i controlli periodici e messaggi informativi o promozionali, solo ai pazienti che hanno dato un consenso esplicito (art. 6.1.a GDPR), revocabile in qualsiasi momento.",
          legal: '- Comunicazioni periodiche e messaggi informativi o promozionali, solo ai clienti che hanno dato un consenso esplicito (art. 6.1.a GDPR), revocabile in qualsiasi momento.',
          other: '- Richiami e messaggi informativi o promozionali, solo ai clienti che hanno dato un consenso esplicito (art. 6.1.a GDPR), revocabile in qualsiasi momento.',
        },
        type,
      ),
    ].join('\n'),
    dataSubjects: pick(
      {
        dental: '- Pazienti dello studio, compresi i minori, i cui dati sono forniti dai genitori o dai tutori.\n- Genitori, tutori o familiari indicati come recapito.',
        legal: '- Clienti dello studio, persone fisiche, e rappresentanti o referenti dei clienti.',
        other: '- Clienti dello studio.',
      },
      type,
    ),
    dataCategories: [
      '- Dati identificativi e di contatto: nome, cognome, numero di cellulare, e-mail, lingua preferita.',
      pick(
        {
          dental: '- Dati degli appuntamenti: data, ora, dentista, poltrona, stato (confermato, disdetto…), note.',
          legal: '- Dati degli appuntamenti: data, ora, avvocato, sala, stato (confermato, disdetto…), note.',
          other: '- Dati degli appuntamenti: data, ora, operatore, stanza, stato (confermato, disdetto…), note.',
        },
        type,
      ),
      ...(type === 'dental'
        ? [
            "- Dati relativi alla salute (art. 9 GDPR): in uno studio dentistico il fatto stesso di avere appuntamenti rivela che la persona è in cura, e le note possono riguardare i trattamenti. Sono trattati come categorie particolari di dati.",
          ]
        : type === 'legal'
          ? [
              "- Dati relativi a procedimenti e, se necessario, categorie particolari di dati (artt. 9.2.f e 10 GDPR): il fatto stesso di avere appuntamenti e le note possono rivelare l'esistenza di una pratica; sono coperti dal segreto professionale.",
            ]
          : []),
      `- SMS inviati e risposte ricevute, con lo stato di consegna. I testi degli SMS riportano solo il nome, la data e l'ora dell'appuntamento e i recapiti dello studio, ${pick({ dental: 'mai trattamenti o altri dati sulla salute', legal: 'mai dettagli della pratica', other: 'mai altri dettagli' }, type)}; l'editor dei modelli avvisa se un testo rischia di contenerli.`,
      "- Consensi e opposizioni, con data, modalità e versione dell'informativa.",
    ].join('\n'),
    recipients: [...recipients, '- Nessuna altra comunicazione a terzi, salvo gli obblighi di legge. I dati non sono diffusi.'].join('\n'),
    transfers:
      "Nessun trasferimento verso paesi al di fuori dell'Unione europea: i dati restano sul computer dello studio." +
      (channel.kind === 'smpp' ? " Verificare nel contratto che il fornitore SMS tratti i dati nell'Unione europea o nello Spazio economico europeo." : ''),
    retention: [
      pick(
        {
          dental:
            '- Scheda del paziente e appuntamenti: per la durata delle cure e poi per il periodo richiesto per la documentazione sanitaria (es. 10 anni); un blocco legale con data e motivo ne impedisce la cancellazione prima di quella data.',
          legal:
            '- Scheda del cliente e appuntamenti: per la durata del mandato e poi fino a 10 anni dalla sua conclusione (prescrizione ordinaria, art. 2946 c.c.); un blocco legale con data e motivo ne impedisce la cancellazione prima di quella data.',
          other:
            '- Scheda del cliente e appuntamenti: per la durata del rapporto e poi per il tempo richiesto dagli obblighi di legge; un blocco legale con data e motivo ne impedisce la cancellazione prima di quella data.',
        },
        type,
      ),
      ...(retention.repliesMonths === retention.messageMonths
        ? [`- Testi degli SMS inviati e delle risposte: ${plural(retention.messageMonths, 'it', 'month')}, poi cancellati automaticamente.`]
        : [
            `- Testi degli SMS inviati: ${plural(retention.messageMonths, 'it', 'month')}, poi cancellati automaticamente.`,
            `- Risposte ricevute: ${plural(retention.repliesMonths, 'it', 'month')}, poi cancellate automaticamente.`,
          ]),
      `- Registro delle attività (audit log): ${plural(retention.auditYears, 'it', 'year')}.`,
      '- Consensi e revoche: per tutta la durata del rapporto e finché servono a dimostrare il consenso dato.',
      `- Su richiesta di ${pick({ dental: 'un paziente', legal: 'un cliente', other: 'un cliente' }, type)}, i dati non soggetti a obblighi di conservazione vengono cancellati senza ritardo (art. 17 GDPR).`,
    ].join('\n'),
    security: [
      "- Dati conservati solo in locale, in un unico file di database sul computer dello studio; nessun servizio cloud.",
      "- Accesso riservato al personale autorizzato dello studio, tramite l'account del computer protetto da password.",
      "- Password dell'account SMS e PIN della SIM cifrati con l'archivio sicuro del sistema operativo; mai scritti nel database, nei log o nelle esportazioni.",
      "- Copie di backup verificate con un controllo di integrità prima di essere salvate; una copia automatica prima di ogni aggiornamento del database.",
      '- Registro delle attività a sola aggiunta: il database rifiuta modifiche e cancellazioni delle voci, che contengono solo identificativi e conteggi, mai nomi.',
      "- La modalità browser accetta connessioni solo da questo computer, con un codice di sessione.",
      `- Esportazione e cancellazione dei dati di ${pick({ dental: 'un paziente', legal: 'un cliente', other: 'un cliente' }, type)} su richiesta (artt. 15, 17 e 20 GDPR).`,
    ].join('\n'),
  };
}

function prefilledEn({ settings, channel, retention }: RecordContext): Record<RecordFieldKey, string> {
  const type = settings.officeType;
  const who = pick({ dental: 'patients', legal: 'clients', other: 'clients' }, type);
  const one = pick({ dental: 'patient', legal: 'client', other: 'client' }, type);
  const recipients = {
    simulator: [
      '- No outside recipient at present: SMS sending is in simulator mode and no message leaves the office computer.',
      "- Once a GSM modem or an SMPP account is set up, the mobile carrier or the SMS provider receives each SMS's number and text to deliver it, as a processor (GDPR Art. 28).",
    ],
    modem: [
      `- The mobile carrier of the SIM in the GSM modem${channel.modemOperator ? ` (${channel.modemOperator})` : ''}: receives each SMS's number and text to deliver it, as a processor (GDPR Art. 28).`,
    ],
    smpp: [
      `- The SMS provider reached over SMPP${channel.smppHost ? ` (${channel.smppHost})` : ''}: receives each SMS's number and text to deliver it, as a processor (GDPR Art. 28), under a data processing agreement.`,
    ],
  }[channel.kind];
  return {
    controller: [officeName(settings, 'en'), `Phone: ${officePhone(settings, 'en')}`, 'Address, tax or VAT number, e-mail: [to be completed]'].join('\n'),
    dpo: 'Not designated: for an office of this size one is usually not required (GDPR Art. 37). If one is designated, give their name and contact details here.',
    purposes: [
      pick(
        {
          dental: "- Managing the patients' diary and appointments. Legal basis: providing the requested healthcare (GDPR Art. 6(1)(b)) and the purposes of care (GDPR Art. 9(2)(h)).",
          legal: "- Managing the clients' diary and appointments. Legal basis: performing the professional mandate (GDPR Art. 6(1)(b)) and legal and professional obligations (GDPR Art. 6(1)(c)).",
          other: "- Managing the clients' diary and appointments. Legal basis: performing the contract or steps taken at the person's request (GDPR Art. 6(1)(b)).",
        },
        type,
      ),
      `- Appointment reminders by SMS. Legal basis: performing the service and the office's legitimate interest in fewer missed appointments (GDPR Art. 6(1)(b) and 6(1)(f)); the ${one} may object at any time, also by replying STOP to an SMS.`,
      `- ${pick({ dental: 'Recalls for periodic check-ups', legal: 'Periodic communications', other: 'Recalls' }, type)} and information or marketing messages, only to ${who} who gave explicit consent (GDPR Art. 6(1)(a)), which they may withdraw at any time.`,
    ].join('\n'),
    dataSubjects: pick(
      {
        dental: "- The office's patients, including minors, whose data their parents or guardians provide.\n- Parents, guardians or relatives given as contacts.",
        legal: "- The office's clients who are natural persons, and the representatives or contact persons of clients.",
        other: "- The office's clients.",
      },
      type,
    ),
    dataCategories: [
      '- Identification and contact data: first and last name, mobile number, e-mail, preferred language.',
      pick(
        {
          dental: '- Appointment data: date, time, dentist, chair, status (confirmed, cancelled…), notes.',
          legal: '- Appointment data: date, time, lawyer, room, status (confirmed, cancelled…), notes.',
          other: '- Appointment data: date, time, staff member, room, status (confirmed, cancelled…), notes.',
        },
        type,
      ),
      ...(type === 'dental'
        ? [
            '- Data concerning health (GDPR Art. 9): at a dental office, the mere fact of having appointments shows that the person is being treated, and notes may concern treatments. They are handled as special categories of data.',
          ]
        : type === 'legal'
          ? [
              '- Data relating to proceedings and, where needed, special categories of data (GDPR Art. 9(2)(f) and Art. 10): the mere fact of having appointments, and the notes, may reveal a case; they are covered by professional secrecy.',
            ]
          : []),
      `- SMS sent and replies received, with their delivery status. SMS texts carry only the name, the date and time of the appointment and the office's contact details, ${pick({ dental: 'never treatments or other health details', legal: 'never details of a case', other: 'nothing more' }, type)}; the template editor warns when a text might.`,
      '- Consents and objections, with their date, how they were given and the privacy notice version.',
    ].join('\n'),
    recipients: [...recipients, '- No other disclosure to third parties, except where the law requires it. The data is never made public.'].join('\n'),
    transfers:
      'No transfer to countries outside the European Union: the data stays on the office computer.' +
      (channel.kind === 'smpp' ? ' Check in the contract that the SMS provider processes the data within the EU or the EEA.' : ''),
    retention: [
      pick(
        {
          dental:
            "- Patient records and appointments: for the course of treatment, then for the period required for health records (e.g. 10 years); a legal hold with a date and reason prevents erasing them before that date.",
          legal:
            "- Client records and appointments: for the mandate, then up to 10 years after it ends (ordinary limitation period, Italian Civil Code Art. 2946); a legal hold with a date and reason prevents erasing them before that date.",
          other:
            '- Client records and appointments: for the relationship, then as long as legal obligations require; a legal hold with a date and reason prevents erasing them before that date.',
        },
        type,
      ),
      ...(retention.repliesMonths === retention.messageMonths
        ? [`- Texts of SMS sent and of replies: ${plural(retention.messageMonths, 'en', 'month')}, then erased automatically.`]
        : [
            `- Texts of SMS sent: ${plural(retention.messageMonths, 'en', 'month')}, then erased automatically.`,
            `- Replies received: ${plural(retention.repliesMonths, 'en', 'month')}, then erased automatically.`,
          ]),
      `- Audit log: ${plural(retention.auditYears, 'en', 'year')}.`,
      '- Consents and withdrawals: for the relationship and as long as they are needed to prove the consent given.',
      `- At a ${one}'s request, data not subject to a retention obligation is erased without delay (GDPR Art. 17).`,
    ].join('\n'),
    security: [
      '- Data kept locally only, in one database file on the office computer; no cloud service.',
      "- Access limited to the office's authorised staff, through the computer's password-protected user account.",
      "- The SMS account password and the SIM PIN are encrypted with the operating system's key store; never written to the database, logs or exports.",
      '- Backup copies are checked for integrity before they are kept; an automatic copy is made before every database upgrade.',
      '- Append-only audit log: the database refuses changes and deletions of its entries, which hold ids and counts only, never names.',
      '- The browser mode accepts connections from this computer only, with a session code.',
      `- A ${one}'s data exported or erased on request (GDPR Art. 15, 17 and 20).`,
    ].join('\n'),
  };
}

/** The record as shown: each field's own text where the office wrote one, else the pre-filled one. */
export function buildRecord(language: Language, context: RecordContext, stored: StoredRecord, now: number): ProcessingRecord {
  const prefilled = prefilledRecord(language, context);
  const own = stored.overrides[language];
  return {
    language,
    title: titles[language],
    subtitle: [language === 'it' ? 'Art. 30 Regolamento (UE) 2016/679' : 'Article 30, Regulation (EU) 2016/679', officeName(context.settings, language), longDate(stored.updatedAt ?? now, language, context.settings.timeZone)].join(' — '),
    fields: recordFieldKeys.map((key) => {
      const text = own[key];
      return { key, label: labels[language][key], value: text ?? prefilled[key], prefilled: prefilled[key], overridden: text !== undefined };
    }),
    updatedAt: stored.updatedAt,
  };
}

/** Applies edits: a text equal to the pre-filled one, or null, drops the office's own text for that field. */
export function applyRecordEdits(
  stored: StoredRecord,
  language: Language,
  edits: Partial<Record<RecordFieldKey, string | null>>,
  prefilled: Record<RecordFieldKey, string>,
): { overrides: RecordOverrides; changed: RecordFieldKey[] } {
  const own = { ...stored.overrides[language] };
  const changed: RecordFieldKey[] = [];
  for (const key of recordFieldKeys) {
    if (!Object.hasOwn(edits, key)) continue;
    const edit = edits[key];
    const next = edit === null || edit === undefined || normalise(edit) === normalise(prefilled[key]) ? undefined : edit.replace(/\r\n?/g, '\n').trimEnd();
    if (next === own[key]) continue;
    if (next === undefined) delete own[key];
    else own[key] = next;
    changed.push(key);
  }
  return { overrides: { ...stored.overrides, [language]: own }, changed };
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim();
}

export function recordDocument(record: ProcessingRecord): PrintableDocument {
  return {
    language: record.language,
    title: record.title,
    subtitle: record.subtitle,
    sections: record.fields.map((field) => ({ heading: field.label, text: field.value })),
  };
}

export function recordFile(record: ProcessingRecord, format: 'markdown' | 'html', day: string): { fileName: string; mimeType: string; content: string } {
  const doc = recordDocument(record);
  const name = record.language === 'it' ? 'registro-trattamenti' : 'record-of-processing';
  return format === 'markdown'
    ? { fileName: `${name}-${day}.md`, mimeType: 'text/markdown', content: documentMarkdown(doc) }
    : { fileName: `${name}-${day}.html`, mimeType: 'text/html', content: documentHtml(doc) };
}
