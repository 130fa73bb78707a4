/**
 * English texts. This dictionary defines the message keys: the Italian one is typed
 * against it, so a key missing from either fails the type check.
 *
 * Placeholders in braces are filled by t(); the office wording ({client}, {Clients},
 * {room}, {staff}, {StaffMember}…) is always available.
 */
import { calendarEn } from './areas/calendar-en';
import { clientsEn } from './areas/clients-en';
import { messagesAreaEn } from './areas/messages-area-en';
import { remindersEn } from './areas/reminders-en';
import { privacyConsentsEn } from './areas/privacy-consents-en';
import { privacyExportEn } from './areas/privacy-export-en';
import { privacyErasureEn } from './areas/privacy-erasure-en';
import { privacyAuditEn } from './areas/privacy-audit-en';
import { privacyDocumentsEn } from './areas/privacy-documents-en';
import { backupsEn } from './areas/backups-en';
import { smsChannelEn } from './areas/sms-channel-en';
import { welcomeEn } from './areas/welcome-en';

export const en = {
  'nav.calendar': 'Calendar',
  'nav.clients': '{Clients}',
  'nav.messages': 'Messages',
  'nav.reminders': 'Reminders',
  'nav.privacy': 'Privacy',
  'nav.settings': 'Settings',
  'nav.label': 'Sections',
  'nav.shortcutsHint': 'Alt+1…6: switch section',

  'header.language': 'Language',
  'header.demo': 'Demo',
  'header.demo.hint': 'Sample office with made-up data',
  'header.sms.simulator': 'Simulator — no SMS leaves this computer',
  'header.sms.ready': 'SMS via {channel}',
  'header.sms.down': 'SMS: {channel} not working',

  'smsKind.simulator': 'simulator',
  'smsKind.modem': 'GSM modem',
  'smsKind.smpp': 'SMPP account',

  'startup.loading': 'Opening the office…',
  'startup.failed': 'Promemoria could not open the office data',
  'noToken.title': 'This page needs its session link',
  'noToken.body': 'Open Promemoria from the link printed by `npm run web`.',

  'boundary.title': 'Something went wrong on this screen',
  'boundary.body': 'Your data is safe. Reload to try again; if it happens again, note what you were doing and tell whoever looks after this computer.',
  'boundary.reload': 'Reload',

  'errorCode.VALIDATION': 'Check the data entered',
  'errorCode.NOT_FOUND': 'Not found',
  'errorCode.CONFLICT': 'Changed in the meantime',
  'errorCode.TRANSPORT_DOWN': 'Connection lost',
  'errorCode.SEND_REJECTED': 'Message refused',
  'errorCode.STORE_REFUSED': 'The data could not be saved',
  'errorCode.UNAUTHORIZED': 'Session not recognised',
  'errorCode.FORBIDDEN': 'Not allowed',
  'errorCode.INTERNAL': 'Unexpected error',
  'error.retry': 'Try again',

  'status.booked': 'Booked',
  'status.confirmed': 'Confirmed',
  'status.cancel_requested': 'Cancellation requested',
  'status.cancelled': 'Cancelled',
  'status.done': 'Done',
  'status.no_show': 'No-show',

  'calendar.title': 'Calendar',
  'calendar.today': 'Today',
  'calendar.weekCount.one': '{count} appointment',
  'calendar.weekCount.other': '{count} appointments',
  'calendar.column.time': 'Time',
  'calendar.column.client': '{Client}',
  'calendar.column.staff': '{StaffMember}',
  'calendar.column.room': '{Room}',
  'calendar.column.status': 'Status',
  'calendar.dayEmpty': 'No appointments',
  'calendar.empty.title': 'No appointments this week',
  'calendar.empty.setup': 'Nothing to show yet: {staff}, {rooms} and appointments appear here as soon as they are entered.',
  'calendar.empty.upcoming.one': '{count} appointment is booked from today on: press Today or Next week to find it.',
  'calendar.empty.upcoming.other': '{count} appointments are booked from today on: press Today or Next week to find them.',
  'calendar.empty.nothingAhead': 'Nothing is booked from today on either.',

  'clients.title': '{Clients}',
  'clients.search.label': 'Search {clients}',
  'clients.search.placeholder': 'Search by name or phone (e.g. ross 333)',
  'clients.column.lastName': 'Last name',
  'clients.column.firstName': 'First name',
  'clients.column.mobile': 'Mobile',
  'clients.column.language': 'Language',
  'clients.smsOff': 'SMS off',
  'clients.smsOff.hint': 'Asked not to receive SMS: no reminder is sent',
  'clients.language.it': 'Italian',
  'clients.language.en': 'English',
  'clients.range': '{from}–{to} of {total}',
  'clients.previousPage': 'Previous',
  'clients.nextPage': 'Next',
  'clients.empty.title': 'No {clients} yet',
  'clients.empty.body': 'Add the first {client} with New {client} (Alt+N), or bring in the list you already have with Import CSV: a file saved from Excel or from your old software.',
  'clients.noMatch.title': 'No {clients} match “{query}”',
  'clients.noMatch.body': 'Search by part of the first or last name, or by a few digits of the mobile number.',

  'privacy.title': 'Privacy',
  'privacy.purpose': 'Each {client}’s consent to SMS, and the export or erasure of their data on request (GDPR).',

  'settings.title': 'Settings',
  'settings.office': 'Office',
  'settings.officeName': 'Office name',
  'settings.officePhone': 'Office phone',
  'settings.officePhone.hint': 'With the country code, e.g. +39 06 1234 5678',
  'settings.officeType': 'Type of office',
  'settings.officeType.hint': 'Sets the wording: patients or clients, chairs or rooms',
  'settings.language': 'Language',
  'settings.language.system': 'Same as the computer',
  'settings.timeZone': 'Time zone',
  'settings.timeZone.hint': 'Appointments and reminders follow this clock',
  'settings.timeZone.none': 'No time zone matches',
  'settings.defaultRegion': 'Country for phone numbers',
  'settings.defaultRegion.hint': 'Two letters, e.g. IT: used for numbers typed without a country code',
  'settings.save': 'Save',
  'settings.saved': 'Settings saved',

  'officeType.dental': 'Dental practice',
  'officeType.legal': 'Law firm',
  'officeType.other': 'Other office',

  'about.title': 'About this installation',
  'about.version': 'Version',
  'about.dataDir': 'Data folder',
  'about.databasePath': 'Database',
  'about.schemaVersion': 'Database schema',
  'about.smsChannel': 'SMS channel',
  'about.sms.working': 'working',
  'about.sms.notWorking': 'not working',

  // Each module's screens keep their texts in i18n/areas/.
  ...clientsEn,
  ...calendarEn,
  ...smsChannelEn,
  ...remindersEn,
  ...messagesAreaEn,
  ...privacyConsentsEn,
  ...privacyExportEn,
  ...privacyErasureEn,
  ...privacyAuditEn,
  ...privacyDocumentsEn,
  ...backupsEn,
  ...welcomeEn,
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
