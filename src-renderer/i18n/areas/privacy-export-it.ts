import type { privacyExportEn } from './privacy-export-en';

/** Italian texts of the privacy panel (export); merged into messages-it.ts. */
export const privacyExportIt: Record<keyof typeof privacyExportEn, string> = {
  'privacy-export.tab': 'Esportazione',
  'privacy-export.intro':
    'Ognuno può chiedere una copia dei dati che lo studio conserva su di sé, in un formato che un altro programma sa leggere (GDPR, articoli 15 e 20). Ogni esportazione viene scritta nel registro delle attività.',

  'privacy-export.client.title': 'I dati di un {client}',
  'privacy-export.client.intro': 'Quando un {client} chiede i suoi dati, sceglilo qui e consegnagli il file ZIP.',
  'privacy-export.client.pick': '{Client}',
  'privacy-export.client.search': 'Cerca per nome o cellulare',
  'privacy-export.client.searching': 'Ricerca…',
  'privacy-export.client.none': 'Nessun {client} trovato',
  'privacy-export.client.button': 'Esporta i dati di questa persona (ZIP)',
  'privacy-export.client.contents':
    'Contiene: data.json con tutto ciò che lo studio conserva (per un altro programma), le tabelle per Excel (appuntamenti, SMS inviati, risposte, consensi), gli appuntamenti come calendario (.ics), il contatto (.vcf), i moduli di consenso firmati e un LEGGIMI/README che spiega ogni file in italiano e in inglese.',
  'privacy-export.client.counts': 'Appuntamenti: {appointments} · SMS inviati: {messages} · Risposte: {replies} · Consensi registrati: {consents}',

  'privacy-export.office.title': 'Tutto lo studio',
  'privacy-export.office.intro':
    'Tutti i {clients}, gli appuntamenti, gli SMS, le risposte e i consensi, con l’elenco di {staff} e {rooms}, le regole dei promemoria e le impostazioni: per passare a un altro programma.',
  'privacy-export.office.button': 'Esporta tutto lo studio (ZIP)',
  'privacy-export.office.contents':
    'Contiene: data.json con tutte le tabelle, un file CSV per tabella, i moduli di consenso firmati e un LEGGIMI/README. Password e PIN non sono mai inclusi.',
  'privacy-export.office.counts': '{Clients}: {clients} · Appuntamenti: {appointments} · SMS: {messages} · Consensi registrati: {consents}',

  'privacy-export.progress': 'Preparazione dello ZIP… {percent}%',
  'privacy-export.ready': 'ZIP pronto: {file} ({size})',
  'privacy-export.evidenceMissing.one': '{count} documento di consenso non si trova nella cartella dei dati; il LEGGIMI nello ZIP dice quale.',
  'privacy-export.evidenceMissing.other': '{count} documenti di consenso non si trovano nella cartella dei dati; il LEGGIMI nello ZIP dice quali.',
  'privacy-export.care':
    'Un’esportazione contiene dati personali, a volte sanitari o di una pratica legale: consegnala solo alla persona interessata (o conservala con la stessa cura di questo computer), mai per e-mail senza protezione.',
};
