/** English texts of the privacy panel (export); merged into messages-en.ts. */
export const privacyExportEn = {
  'privacy-export.tab': 'Export',
  'privacy-export.intro':
    'Everyone may ask for a copy of the data the office keeps about them, in a form another program can read (GDPR articles 15 and 20). Each export is written to the activity log.',

  'privacy-export.client.title': 'One {client}’s data',
  'privacy-export.client.intro': 'When a {client} asks for their data, choose them and give them the ZIP.',
  'privacy-export.client.pick': '{Client}',
  'privacy-export.client.search': 'Search by name or mobile',
  'privacy-export.client.searching': 'Searching…',
  'privacy-export.client.none': 'No {client} found',
  'privacy-export.client.button': 'Export this person’s data (ZIP)',
  'privacy-export.client.contents':
    'Inside: data.json with everything kept about them (for another program), tables for Excel (appointments, SMS sent, replies, consents), the appointments as a calendar file (.ics), the contact card (.vcf), the signed consent forms, and a LEGGIMI/README that explains each file in Italian and English.',
  'privacy-export.client.counts': 'Appointments: {appointments} · SMS sent: {messages} · Replies: {replies} · Consent records: {consents}',

  'privacy-export.office.title': 'The whole office',
  'privacy-export.office.intro':
    'Every {client}, appointment, SMS, reply and consent, with the {staff}, the {rooms}, the reminder rules and the settings: to move to another program.',
  'privacy-export.office.button': 'Export the whole office (ZIP)',
  'privacy-export.office.contents':
    'Inside: data.json with every table, one CSV file per table, the signed consent forms, and a LEGGIMI/README. Passwords and PINs are never included.',
  'privacy-export.office.counts': '{Clients}: {clients} · Appointments: {appointments} · SMS: {messages} · Consent records: {consents}',

  'privacy-export.progress': 'Preparing the ZIP… {percent}%',
  'privacy-export.ready': 'ZIP ready: {file} ({size})',
  'privacy-export.evidenceMissing.one': '{count} consent document was not found in the data folder; the README in the ZIP says which.',
  'privacy-export.evidenceMissing.other': '{count} consent documents were not found in the data folder; the README in the ZIP says which.',
  'privacy-export.care':
    'An export holds personal data, sometimes health or case details: hand it only to the person it is about (or keep it as safely as this computer), never by ordinary e-mail without protection.',
};
