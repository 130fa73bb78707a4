import { calendarIt } from './areas/calendar-it';
import { clientsIt } from './areas/clients-it';
import { messagesAreaIt } from './areas/messages-area-it';
import { remindersIt } from './areas/reminders-it';
import { privacyConsentsIt } from './areas/privacy-consents-it';
import { privacyExportIt } from './areas/privacy-export-it';
import { privacyErasureIt } from './areas/privacy-erasure-it';
import { privacyAuditIt } from './areas/privacy-audit-it';
import { privacyDocumentsIt } from './areas/privacy-documents-it';
import { backupsIt } from './areas/backups-it';
import { smsChannelIt } from './areas/sms-channel-it';
import { welcomeIt } from './areas/welcome-it';
import type { Messages } from './messages-en';

/** Italian texts; typed against the English keys so neither dictionary can miss one. */
export const it: Messages = {
  'nav.calendar': 'Calendario',
  'nav.clients': '{Clients}',
  'nav.messages': 'Messaggi',
  'nav.reminders': 'Promemoria SMS',
  'nav.privacy': 'Privacy',
  'nav.settings': 'Impostazioni',
  'nav.label': 'Sezioni',
  'nav.shortcutsHint': 'Alt+1…6: cambia sezione',

  'header.language': 'Lingua',
  'header.demo': 'Demo',
  'header.demo.hint': 'Studio di esempio con dati inventati',
  'header.sms.simulator': 'Simulatore — nessun SMS esce da questo computer',
  'header.sms.ready': 'SMS tramite {channel}',
  'header.sms.down': 'SMS: {channel} non funziona',

  'smsKind.simulator': 'simulatore',
  'smsKind.modem': 'modem GSM',
  'smsKind.smpp': 'account SMPP',

  'startup.loading': 'Apertura dello studio…',
  'startup.failed': 'Promemoria non è riuscito ad aprire i dati dello studio',
  'noToken.title': 'Questa pagina va aperta dal suo link di sessione',
  'noToken.body': 'Apri Promemoria dal link stampato da `npm run web`.',

  'boundary.title': 'Qualcosa è andato storto in questa schermata',
  'boundary.body': 'I dati sono al sicuro. Ricarica per riprovare; se succede di nuovo, annota cosa stavi facendo e avvisa chi si occupa di questo computer.',
  'boundary.reload': 'Ricarica',

  'errorCode.VALIDATION': 'Controlla i dati inseriti',
  'errorCode.NOT_FOUND': 'Non trovato',
  'errorCode.CONFLICT': 'Modificato nel frattempo',
  'errorCode.TRANSPORT_DOWN': 'Connessione persa',
  'errorCode.SEND_REJECTED': 'Messaggio rifiutato',
  'errorCode.STORE_REFUSED': 'Non è stato possibile salvare i dati',
  'errorCode.UNAUTHORIZED': 'Sessione non riconosciuta',
  'errorCode.FORBIDDEN': 'Non consentito',
  'errorCode.INTERNAL': 'Errore imprevisto',
  'error.retry': 'Riprova',

  'status.booked': 'Prenotato',
  'status.confirmed': 'Confermato',
  'status.cancel_requested': 'Disdetta richiesta',
  'status.cancelled': 'Annullato',
  'status.done': 'Svolto',
  'status.no_show': 'Non presentato',

  'calendar.title': 'Calendario',
  'calendar.today': 'Oggi',
  'calendar.weekCount.one': '{count} appuntamento',
  'calendar.weekCount.other': '{count} appuntamenti',
  'calendar.column.time': 'Ora',
  'calendar.column.client': '{Client}',
  'calendar.column.staff': '{StaffMember}',
  'calendar.column.room': '{Room}',
  'calendar.column.status': 'Stato',
  'calendar.dayEmpty': 'Nessun appuntamento',
  'calendar.empty.title': 'Nessun appuntamento questa settimana',
  'calendar.empty.setup': 'Ancora niente da mostrare: {staff}, {rooms} e appuntamenti compaiono qui appena inseriti.',
  'calendar.empty.upcoming.one': 'Da oggi in poi c’è {count} appuntamento: premi Oggi o Settimana successiva per trovarlo.',
  'calendar.empty.upcoming.other': 'Da oggi in poi ci sono {count} appuntamenti: premi Oggi o Settimana successiva per trovarli.',
  'calendar.empty.nothingAhead': 'Non c’è niente di prenotato nemmeno da oggi in poi.',

  'clients.title': '{Clients}',
  'clients.search.label': 'Cerca {clients}',
  'clients.search.placeholder': 'Cerca per nome o telefono (es. ross 333)',
  'clients.column.lastName': 'Cognome',
  'clients.column.firstName': 'Nome',
  'clients.column.mobile': 'Cellulare',
  'clients.column.language': 'Lingua',
  'clients.smsOff': 'No SMS',
  'clients.smsOff.hint': 'Ha chiesto di non ricevere SMS: nessun promemoria viene inviato',
  'clients.language.it': 'Italiano',
  'clients.language.en': 'Inglese',
  'clients.range': '{from}–{to} di {total}',
  'clients.previousPage': 'Precedenti',
  'clients.nextPage': 'Successivi',
  'clients.empty.title': 'Ancora nessun {client}',
  'clients.empty.body': 'Aggiungi il primo {client} con Nuovo {client} (Alt+N), oppure porta qui l’elenco che hai già con Importa CSV: un file salvato da Excel o dal vecchio gestionale.',
  'clients.noMatch.title': 'Nessun {client} corrisponde a «{query}»',
  'clients.noMatch.body': 'Cerca con una parte del nome o del cognome, o con alcune cifre del cellulare.',

  'privacy.title': 'Privacy',
  'privacy.purpose': 'Il consenso agli SMS di ogni {client}, e l’esportazione o la cancellazione dei suoi dati su richiesta (GDPR).',

  'settings.title': 'Impostazioni',
  'settings.office': 'Studio',
  'settings.officeName': 'Nome dello studio',
  'settings.officePhone': 'Telefono dello studio',
  'settings.officePhone.hint': 'Con il prefisso internazionale, es. +39 06 1234 5678',
  'settings.officeType': 'Tipo di studio',
  'settings.officeType.hint': 'Decide le parole usate: pazienti o clienti, poltrone o sale',
  'settings.language': 'Lingua',
  'settings.language.system': 'Come il computer',
  'settings.timeZone': 'Fuso orario',
  'settings.timeZone.hint': 'Appuntamenti e promemoria seguono questo orario',
  'settings.timeZone.none': 'Nessun fuso orario corrisponde',
  'settings.defaultRegion': 'Paese per i numeri di telefono',
  'settings.defaultRegion.hint': 'Due lettere, es. IT: vale per i numeri scritti senza prefisso internazionale',
  'settings.save': 'Salva',
  'settings.saved': 'Impostazioni salvate',

  'officeType.dental': 'Studio dentistico',
  'officeType.legal': 'Studio legale',
  'officeType.other': 'Altro studio',

  'about.title': 'Informazioni su questa installazione',
  'about.version': 'Versione',
  'about.dataDir': 'Cartella dei dati',
  'about.databasePath': 'Database',
  'about.schemaVersion': 'Schema del database',
  'about.smsChannel': 'Canale SMS',
  'about.sms.working': 'funziona',
  'about.sms.notWorking': 'non funziona',

  ...clientsIt,
  ...calendarIt,
  ...smsChannelIt,
  ...remindersIt,
  ...messagesAreaIt,
  ...privacyConsentsIt,
  ...privacyExportIt,
  ...privacyErasureIt,
  ...privacyAuditIt,
  ...privacyDocumentsIt,
  ...backupsIt,
  ...welcomeIt,
};
