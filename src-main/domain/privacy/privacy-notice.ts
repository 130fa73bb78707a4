import type { Language, OfficeType, Settings } from '../../contract/schemas';
import { formatPhone } from '../clients/phone-number';
import type { Retention } from './processing-record';

/**
 * The privacy notice (informativa, GDPR Art. 13) the office prints and hands to
 * its clients, in Italian and English. Until the office saves a text of its own,
 * it is the built-in template filled in with the office's details. Each saved
 * text that differs from the last gets a new version; that version is what
 * consent records point to, so it is also written, alone, to `privacy.noticeVersion`.
 * Earlier versions stay readable in `privacy.noticeHistory`.
 */
export const NOTICE_KEY = 'privacy.notice';
export const NOTICE_VERSION_KEY = 'privacy.noticeVersion';
export const NOTICE_HISTORY_KEY = 'privacy.noticeHistory';
/** The built-in template's version, until the office saves a notice. */
export const TEMPLATE_NOTICE_VERSION = 'template-1';

export interface StoredNotice {
  version: string;
  it: string;
  en: string;
  updatedAt: number;
}

/** A stored notice, or undefined when there is none or it does not fit. */
export function readStoredNotice(value: unknown): StoredNotice | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { version, it, en, updatedAt } = value as Record<string, unknown>;
  if (typeof version !== 'string' || version === '' || typeof it !== 'string' || typeof en !== 'string') return undefined;
  return { version, it, en, updatedAt: typeof updatedAt === 'number' ? updatedAt : 0 };
}

/** Earlier versions, newest first; entries that do not fit are dropped. */
export function readNoticeHistory(value: unknown): StoredNotice[] {
  if (!Array.isArray(value)) return [];
  return value.map(readStoredNotice).filter((notice): notice is StoredNotice => notice !== undefined);
}

/**
 * The version a text saved on `day` ("2026-11-24") gets: the day itself, or
 * "2026-11-24.2", ".3"… when that day already has one.
 */
export function nextNoticeVersion(day: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(day)) return day;
  for (let n = 2; ; n++) {
    const candidate = `${day}.${String(n)}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Line ends and trailing blanks do not make a new version. */
export function sameNoticeText(a: string, b: string): boolean {
  const norm = (text: string) =>
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trim();
  return norm(a) === norm(b);
}

export interface NoticeContext {
  settings: Pick<Settings, 'officeName' | 'officePhone' | 'officeType' | 'defaultRegion'>;
  retention: Retention;
}

/** The built-in template in both languages, with the office's details filled in. */
export function noticeTemplate(context: NoticeContext): { it: string; en: string } {
  return { it: templateIt(context), en: templateEn(context) };
}

function details(settings: NoticeContext['settings'], language: Language): { name: string; phone: string } {
  const name = settings.officeName.trim() || (language === 'it' ? '[nome dello studio]' : '[office name]');
  const raw = settings.officePhone.trim();
  const phone = raw === '' ? (language === 'it' ? '[telefono]' : '[phone]') : raw.startsWith('+') ? formatPhone(raw) : raw;
  return { name, phone };
}

const byType = <T,>(type: OfficeType, choices: Record<OfficeType, T>): T => choices[type];

function months(n: number, language: Language): string {
  return language === 'it' ? `${String(n)} ${n === 1 ? 'mese' : 'mesi'}` : `${String(n)} ${n === 1 ? 'month' : 'months'}`;
}

function years(n: number, language: Language): string {
  return language === 'it' ? `${String(n)} ${n === 1 ? 'anno' : 'anni'}` : `${String(n)} ${n === 1 ? 'year' : 'years'}`;
}

function templateIt({ settings, retention }: NoticeContext): string {
  const { name, phone } = details(settings, 'it');
  const type = settings.officeType;
  const authority =
    settings.defaultRegion === 'IT'
      ? 'al Garante per la protezione dei dati personali (www.garanteprivacy.it)'
      : "all'autorità di controllo per la protezione dei dati del Suo paese";
  return `# Informativa sul trattamento dei dati personali

Ai sensi degli artt. 13 e 14 del Regolamento (UE) 2016/679 (GDPR).

## Titolare del trattamento

${name}, telefono ${phone}.

## Quali dati trattiamo

- nome, cognome, numero di cellulare, e-mail e lingua preferita;
- i Suoi appuntamenti: data, ora, professionista e stato (confermato, disdetto…), con eventuali note;
${byType(type, {
  dental: "- i dati relativi alla salute strettamente necessari alle cure: il fatto stesso di essere in cura presso lo studio e le note degli appuntamenti;\n",
  legal: "- le informazioni necessarie a svolgere l'incarico, comprese quelle relative a procedimenti, coperte dal segreto professionale;\n",
  other: '',
})}- gli SMS che Le inviamo e le Sue risposte;
- i consensi che ci dà o revoca.

## Perché li trattiamo e su quale base

- Per gestire gli appuntamenti e le prestazioni che ci chiede (${byType(type, {
    dental: 'esecuzione della prestazione e finalità di cura: artt. 6.1.b e 9.2.h GDPR',
    legal: 'esecuzione del mandato e obblighi di legge: art. 6.1.b e 6.1.c GDPR',
    other: 'esecuzione del contratto: art. 6.1.b GDPR',
  })}).
- Per ricordarLe gli appuntamenti con un SMS (legittimo interesse dello studio a evitare appuntamenti mancati: art. 6.1.f GDPR). Può opporsi in qualsiasi momento, anche rispondendo STOP a un nostro SMS.
- Solo con il Suo consenso, facoltativo e revocabile in ogni momento: ${byType(type, {
    dental: 'richiamarLa per i controlli periodici e inviarLe',
    legal: 'inviarLe comunicazioni periodiche e',
    other: 'inviarLe richiami periodici e',
  })} messaggi informativi o promozionali (art. 6.1.a GDPR).

Gli SMS contengono solo il Suo nome, la data e l'ora dell'appuntamento e i recapiti dello studio: ${byType(type, {
    dental: 'mai informazioni sulla Sua salute o sulle cure.',
    legal: 'mai dettagli della Sua pratica.',
    other: "nient'altro.",
  })}

## Conferimento dei dati

Il nome e un recapito sono necessari per fissare e gestire gli appuntamenti. Il numero di cellulare è facoltativo: senza, non riceverà promemoria via SMS.

## A chi comunichiamo i dati

I dati sono conservati sul computer dello studio e trattati solo dal personale autorizzato. Per recapitare gli SMS ci serviamo di un operatore telefonico o di un fornitore di servizi SMS, che riceve solo il numero e il testo del messaggio e agisce come responsabile del trattamento. I dati non sono diffusi né trasferiti fuori dall'Unione europea.

## Per quanto tempo li conserviamo

- scheda e appuntamenti: ${byType(type, {
    dental: 'per la durata delle cure e poi per il tempo richiesto dagli obblighi di conservazione della documentazione sanitaria;',
    legal: "per la durata dell'incarico e poi fino a 10 anni dalla sua conclusione;",
    other: 'per la durata del rapporto e poi per il tempo richiesto dalla legge;',
  })}
${
    retention.repliesMonths === retention.messageMonths
      ? `- testi degli SMS e delle risposte: ${months(retention.messageMonths, 'it')};`
      : `- testi degli SMS: ${months(retention.messageMonths, 'it')};\n- risposte: ${months(retention.repliesMonths, 'it')};`
  }
- registro delle attività: ${years(retention.auditYears, 'it')}.

## I Suoi diritti

Può chiedere in qualsiasi momento l'accesso ai Suoi dati e una copia in un formato leggibile (portabilità), la rettifica, la cancellazione o la limitazione del trattamento, e può opporsi al trattamento. Può revocare un consenso in qualsiasi momento, senza effetto sulla liceità del trattamento svolto prima della revoca. Per esercitare questi diritti si rivolga allo studio (telefono ${phone}). Ha inoltre il diritto di proporre reclamo ${authority}.
`;
}

function templateEn({ settings, retention }: NoticeContext): string {
  const { name, phone } = details(settings, 'en');
  const type = settings.officeType;
  const authority =
    settings.defaultRegion === 'IT'
      ? 'the Italian data protection authority, the Garante per la protezione dei dati personali (www.garanteprivacy.it)'
      : 'the data protection supervisory authority of your country';
  return `# Privacy notice

Under Articles 13 and 14 of Regulation (EU) 2016/679 (GDPR).

## Who is responsible for your data

${name}, phone ${phone}, is the controller of your personal data.

## What data we process

- your first and last name, mobile number, e-mail and preferred language;
- your appointments: date, time, staff member and status (confirmed, cancelled…), with any notes;
${byType(type, {
  dental: '- data concerning your health that the care strictly needs: the mere fact that you are being treated at the office, and the notes of your appointments;\n',
  legal: '- the information needed to carry out your mandate, including information about proceedings, covered by professional secrecy;\n',
  other: '',
})}- the SMS we send you and your replies;
- the consents you give or withdraw.

## Why we process it, and on what basis

- To manage your appointments and the services you ask for (${byType(type, {
    dental: 'providing the healthcare and the purposes of care: GDPR Art. 6(1)(b) and 9(2)(h)',
    legal: 'performing the mandate and legal obligations: GDPR Art. 6(1)(b) and 6(1)(c)',
    other: 'performing the contract: GDPR Art. 6(1)(b)',
  })}).
- To remind you of your appointments by SMS (the office's legitimate interest in avoiding missed appointments: GDPR Art. 6(1)(f)). You may object at any time, also by replying STOP to one of our SMS.
- Only with your consent, which is optional and may be withdrawn at any time: ${byType(type, {
    dental: 'to recall you for periodic check-ups and to send you',
    legal: 'to send you periodic communications and',
    other: 'to send you periodic recalls and',
  })} information or marketing messages (GDPR Art. 6(1)(a)).

Our SMS carry only your name, the date and time of the appointment and the office's contact details: ${byType(type, {
    dental: 'never anything about your health or treatment.',
    legal: 'never details of your case.',
    other: 'nothing more.',
  })}

## Whether you must give us your data

Your name and a contact are needed to book and manage appointments. A mobile number is optional: without one, you will not get SMS reminders.

## Who receives your data

Your data is kept on the office computer and processed only by authorised staff. To deliver SMS we use a mobile carrier or an SMS provider, which receives only the number and the text of each message, as our processor. Your data is never made public nor transferred outside the European Union.

## How long we keep it

- your record and appointments: ${byType(type, {
    dental: 'for the course of your care, then as long as the rules on keeping health records require;',
    legal: 'for the mandate, then up to 10 years after it ends;',
    other: 'for our relationship, then as long as the law requires;',
  })}
${
    retention.repliesMonths === retention.messageMonths
      ? `- texts of SMS and replies: ${months(retention.messageMonths, 'en')};`
      : `- texts of SMS: ${months(retention.messageMonths, 'en')};\n- replies: ${months(retention.repliesMonths, 'en')};`
  }
- audit log: ${years(retention.auditYears, 'en')}.

## Your rights

You may ask at any time for access to your data and a copy in a readable format (portability), for its correction, erasure or restricted processing, and you may object to the processing. You may withdraw a consent at any time, without affecting the lawfulness of the processing before the withdrawal. To exercise these rights, contact the office (phone ${phone}). You also have the right to lodge a complaint with ${authority}.
`;
}
