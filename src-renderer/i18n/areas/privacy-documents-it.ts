import type { privacyDocumentsEn } from './privacy-documents-en';

/** Italian texts of the privacy panel (documents); merged into messages-it.ts. */
export const privacyDocumentsIt: Record<keyof typeof privacyDocumentsEn, string> = {
  'privacy-documents.tab': 'Documenti',
  'privacy-documents.kind': 'Documento',
  'privacy-documents.kind.record': 'Registro dei trattamenti',
  'privacy-documents.kind.notice': 'Informativa privacy',
  'privacy-documents.language': 'Lingua del documento',
  'privacy-documents.language.it': 'Italiano',
  'privacy-documents.language.en': 'English',
  'privacy-documents.edit': 'Modifica',
  'privacy-documents.save': 'Salva',
  'privacy-documents.cancel': 'Annulla',
  'privacy-documents.print': 'Stampa…',
  'privacy-documents.download.markdown': 'Markdown',
  'privacy-documents.download.html': 'HTML',
  'privacy-documents.download': 'Scarica',
  'privacy-documents.preview.title': 'Anteprima di stampa',
  'privacy-documents.preview.print': 'Stampa',
  'privacy-documents.preview.close': 'Chiudi',
  'privacy-documents.preview.hint': 'Come apparirà su carta (A4).',

  'privacy-documents.record.intro':
    "Il registro delle attività di trattamento (art. 30 GDPR) che l'autorità di controllo può chiedere di vedere. È precompilato dalle impostazioni: lo studio, il tipo di studio, il canale SMS e i periodi di conservazione. Riscrivi ogni parte come serve al tuo studio: il tuo testo resta, il resto segue le impostazioni.",
  'privacy-documents.record.edited': 'modificato',
  'privacy-documents.record.usePrefilled': 'Torna al testo precompilato',
  'privacy-documents.record.prefilled': 'Precompilato dalle impostazioni, non ancora modificato.',
  'privacy-documents.record.updatedAt': 'Ultima modifica: {when}.',
  'privacy-documents.record.saved': 'Registro salvato.',
  'privacy-documents.record.unchanged': 'Niente da salvare: nessuna parte è cambiata.',

  'privacy-documents.notice.intro':
    "L'informativa privacy (art. 13 GDPR) da stampare e consegnare ai {clients}, in italiano e in inglese, con i dati dello studio già inseriti. Ogni volta che salvi un testo diverso riceve una nuova versione; i consensi registrati da quel momento fanno riferimento a quella.",
  'privacy-documents.notice.version': 'Versione {version}',
  'privacy-documents.notice.template': 'Modello predefinito',
  'privacy-documents.notice.templateHint':
    'Questo è il modello predefinito, compilato con i dati dello studio. Leggilo, cambia ciò che non corrisponde e salvalo per dargli una versione: i consensi registrati prima di allora non indicano alcuna versione dell’informativa.',
  'privacy-documents.notice.savedAt': 'Salvata il {when}.',
  'privacy-documents.notice.formatHint': 'Formattazione: "# " inizia il titolo, "## " un paragrafo con titolo, "- " una voce di elenco; una riga vuota inizia un nuovo capoverso.',
  'privacy-documents.notice.restoreTemplate': 'Riparti dal modello',
  'privacy-documents.notice.text.it': 'Testo in italiano',
  'privacy-documents.notice.text.en': 'Testo in inglese',
  'privacy-documents.notice.saved': 'Salvata come versione {version}.',
  'privacy-documents.notice.unchanged': 'Nessuna modifica: resta la versione {version}.',
  'privacy-documents.notice.staleName':
    'Questa informativa non riporta il nome attuale dello studio, «{name}». Controllala e modificala, oppure riparti dal modello.',
  'privacy-documents.notice.previous': 'Versioni precedenti',
  'privacy-documents.notice.previous.item': 'Versione {version}, salvata il {when}',
};
