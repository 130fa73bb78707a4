/** English texts of the privacy panel (documents); merged into messages-en.ts. */
export const privacyDocumentsEn = {
  'privacy-documents.tab': 'Documents',
  'privacy-documents.kind': 'Document',
  'privacy-documents.kind.record': 'Record of processing',
  'privacy-documents.kind.notice': 'Privacy notice',
  'privacy-documents.language': 'Language of the document',
  'privacy-documents.language.it': 'Italiano',
  'privacy-documents.language.en': 'English',
  'privacy-documents.edit': 'Edit',
  'privacy-documents.save': 'Save',
  'privacy-documents.cancel': 'Cancel',
  'privacy-documents.print': 'Print…',
  'privacy-documents.download.markdown': 'Markdown',
  'privacy-documents.download.html': 'HTML',
  'privacy-documents.download': 'Download',
  'privacy-documents.preview.title': 'Print preview',
  'privacy-documents.preview.print': 'Print',
  'privacy-documents.preview.close': 'Close',
  'privacy-documents.preview.hint': 'As it will look on paper (A4).',

  'privacy-documents.record.intro':
    'The record of processing activities (GDPR Art. 30) that a supervisory authority may ask to see. It is pre-filled from the settings: the office, the kind of office, the SMS channel and the retention periods. Rewrite any part to fit your office: your text is kept, the rest follows the settings.',
  'privacy-documents.record.edited': 'edited',
  'privacy-documents.record.usePrefilled': 'Back to the pre-filled text',
  'privacy-documents.record.prefilled': 'Pre-filled from the settings, not edited yet.',
  'privacy-documents.record.updatedAt': 'Last edited {when}.',
  'privacy-documents.record.saved': 'Record saved.',
  'privacy-documents.record.unchanged': 'Nothing to save: no part changed.',

  'privacy-documents.notice.intro':
    'The privacy notice (GDPR Art. 13) to print and hand to {clients}, in Italian and English, with your details filled in. Every time you save a different text it gets a new version; consents recorded from then on refer to it.',
  'privacy-documents.notice.version': 'Version {version}',
  'privacy-documents.notice.template': 'Built-in template',
  'privacy-documents.notice.templateHint':
    'This is the built-in template, filled in with your details. Read it, change what does not fit, and save it to give it a version of its own: consents recorded before that refer to no notice version.',
  'privacy-documents.notice.savedAt': 'Saved {when}.',
  'privacy-documents.notice.formatHint': 'Formatting: "# " starts the title, "## " a heading, "- " a list item; a blank line starts a new paragraph.',
  'privacy-documents.notice.restoreTemplate': 'Start again from the template',
  'privacy-documents.notice.text.it': 'Text in Italian',
  'privacy-documents.notice.text.en': 'Text in English',
  'privacy-documents.notice.saved': 'Saved as version {version}.',
  'privacy-documents.notice.unchanged': 'Nothing changed: still version {version}.',
  'privacy-documents.notice.staleName':
    'This notice does not mention the office by its current name, “{name}”. Check it and edit it, or start again from the template.',
  'privacy-documents.notice.previous': 'Earlier versions',
  'privacy-documents.notice.previous.item': 'Version {version}, saved {when}',
};
