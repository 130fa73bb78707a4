import { auditActionGroup, type AuditActionGroup, type KnownAuditAction } from '../../contract/audit-methods';
import type { Language, OfficeType } from '../../contract/schemas';

/**
 * What the audit log's actions and actors are called in the CSV export, in the
 * office's words. The screen has the same names in its own dictionaries
 * (privacy-audit.action.*); a test keeps the two lists of actions the same.
 */
type Label = Record<Language, string>;

const actionLabels: Record<KnownAuditAction, Label> = {
  'client.create': { en: '{Client} added', it: 'Scheda {client} creata' },
  'client.update': { en: '{Client} edited', it: 'Scheda {client} modificata' },
  'client.archive': { en: '{Client} archived', it: 'Scheda {client} archiviata' },
  'client.unarchive': { en: '{Client} brought back from the archive', it: "Scheda {client} ripristinata dall'archivio" },
  'clients.import': { en: '{Clients} imported from a CSV file', it: 'Importazione {clients} da file CSV' },
  'clients.exportCsv': { en: '{Client} list exported (CSV)', it: 'Elenco {clients} esportato (CSV)' },
  'clients.exportIcs': { en: "A {client}'s appointments exported (.ics)", it: 'Appuntamenti di un {client} esportati (.ics)' },
  'appointment.create': { en: 'Appointment booked', it: 'Appuntamento creato' },
  'appointment.update': { en: 'Appointment changed', it: 'Appuntamento modificato' },
  'appointment.delete': { en: 'Appointment deleted', it: 'Appuntamento eliminato' },
  'appointments.confirmed': { en: 'Appointment confirmed by SMS reply', it: 'Appuntamento confermato con risposta SMS' },
  'appointments.cancel_requested': { en: 'Cancellation asked by SMS reply', it: 'Disdetta chiesta con risposta SMS' },
  'staff.create': { en: 'Staff member added', it: 'Persona dello staff aggiunta' },
  'staff.update': { en: 'Staff member changed', it: 'Persona dello staff modificata' },
  'staff.reorder': { en: 'Staff order changed', it: 'Ordine dello staff cambiato' },
  'room.create': { en: '{Room} added', it: 'Nuova {room}' },
  'room.update': { en: '{Room} changed', it: '{Room} modificata' },
  'room.reorder': { en: '{Rooms} reordered', it: 'Ordine delle {rooms} cambiato' },
  'reminders.rules.create': { en: 'Reminder rule created', it: 'Regola dei promemoria creata' },
  'reminders.rules.update': { en: 'Reminder rule changed', it: 'Regola dei promemoria modificata' },
  'reminders.rules.delete': { en: 'Reminder rule deleted', it: 'Regola dei promemoria eliminata' },
  'messages.send_now': { en: 'SMS sent at once by hand', it: 'SMS inviato subito a mano' },
  'messages.retry': { en: 'SMS sent again by hand', it: 'SMS rimesso in coda a mano' },
  'messages.cancel': { en: 'SMS cancelled by hand', it: 'SMS annullato a mano' },
  'inbox.handled': { en: 'Reply marked as handled', it: 'Risposta segnata come gestita' },
  'inbox.reopened': { en: 'Reply reopened', it: 'Risposta riaperta' },
  'consents.record': { en: 'Consent recorded', it: 'Consenso registrato' },
  'consents.withdraw': { en: 'Consent withdrawn', it: 'Consenso revocato' },
  'settings.update': { en: 'Settings changed', it: 'Impostazioni modificate' },
  'sms.channel.update': { en: 'SMS channel changed', it: 'Canale SMS modificato' },
  'store.backup': { en: 'Backup copy made', it: 'Copia di backup eseguita' },
  'store.restore': { en: 'Database restored from a backup', it: 'Database ripristinato da un backup' },
  'demo.seed': { en: 'Demo office created', it: 'Studio dimostrativo creato' },
  'privacy.notice.update': { en: 'Privacy notice changed', it: 'Informativa privacy modificata' },
  'privacy.record.update': { en: 'Record of processing changed', it: 'Registro dei trattamenti modificato' },
  'privacy.export.client': { en: "A {client}'s data exported (ZIP)", it: 'Dati di un {client} esportati (ZIP)' },
  'privacy.export.office': { en: 'Whole office exported (ZIP)', it: 'Intero studio esportato (ZIP)' },
  'privacy.erase': { en: "A {client}'s data erased", it: 'Dati di un {client} cancellati' },
  'privacy.hold.set': { en: 'Legal hold set', it: 'Blocco legale impostato' },
  'privacy.hold.clear': { en: 'Legal hold cleared', it: 'Blocco legale tolto' },
  'privacy.retention.run': { en: 'Retention periods applied', it: 'Periodi di conservazione applicati' },
};

const groupLabels: Record<AuditActionGroup, Label> = {
  client: { en: '{Clients}', it: '{Clients}' },
  appointment: { en: 'Appointments', it: 'Appuntamenti' },
  staff: { en: 'Staff and {rooms}', it: 'Staff e {rooms}' },
  reminders: { en: 'Reminders', it: 'Promemoria' },
  messages: { en: 'Messages', it: 'Messaggi' },
  consents: { en: 'Consents', it: 'Consensi' },
  privacy: { en: 'Privacy', it: 'Privacy' },
  settings: { en: 'Settings', it: 'Impostazioni' },
  store: { en: 'Data and backups', it: 'Dati e backup' },
  other: { en: 'Other', it: 'Altro' },
};

const actorLabels: Record<string, Label> = {
  office: { en: 'Office', it: 'Studio' },
  system: { en: 'Promemoria (automatic)', it: 'Promemoria (automatico)' },
  'client by SMS': { en: '{Client} by SMS reply', it: '{Client} con risposta SMS' },
};

/** The office's words, lower case; `{Client}` capitalises. */
const wordings: Record<Language, Record<OfficeType, Record<'client' | 'clients' | 'room' | 'rooms', string>>> = {
  en: {
    dental: { client: 'patient', clients: 'patients', room: 'chair', rooms: 'chairs' },
    legal: { client: 'client', clients: 'clients', room: 'room', rooms: 'rooms' },
    other: { client: 'client', clients: 'clients', room: 'room', rooms: 'rooms' },
  },
  it: {
    dental: { client: 'paziente', clients: 'pazienti', room: 'poltrona', rooms: 'poltrone' },
    legal: { client: 'cliente', clients: 'clienti', room: 'sala', rooms: 'sale' },
    other: { client: 'cliente', clients: 'clienti', room: 'stanza', rooms: 'stanze' },
  },
};

function fill(text: string, language: Language, officeType: OfficeType): string {
  const words = wordings[language][officeType];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const lower = name.charAt(0).toLowerCase() + name.slice(1);
    const word = (words as Record<string, string | undefined>)[lower];
    if (word === undefined) return whole;
    return name === lower ? word : word.charAt(0).toUpperCase() + word.slice(1);
  });
}

function isKnown(action: string): action is KnownAuditAction {
  return Object.hasOwn(actionLabels, action);
}

/** "Scheda paziente creata"; an action this version does not know reads "Consensi: consents.grant". */
export function auditActionLabel(action: string, language: Language, officeType: OfficeType): string {
  if (isKnown(action)) return fill(actionLabels[action][language], language, officeType);
  return `${fill(groupLabels[auditActionGroup(action)][language], language, officeType)}: ${action}`;
}

export function auditActorLabel(actor: string, language: Language, officeType: OfficeType): string {
  const label = Object.hasOwn(actorLabels, actor) ? actorLabels[actor] : undefined;
  return label ? fill(label[language], language, officeType) : actor;
}

/** The actions this module names (for the test that keeps them in step with the screen's). */
export const labelledAuditActions = Object.keys(actionLabels);
