import { documentBlocks, type DocumentBlock } from '../../contract/privacy-documents-methods';
import type { Language } from '../../contract/schemas';
import { utcToZoned } from '../time-zone';

/**
 * The record and the notice as files: Markdown (the text as the office wrote it,
 * with a title) or one self-contained HTML page that prints on A4 as it looks,
 * with no script, no remote font and every piece of text escaped.
 */
export interface PrintableDocument {
  language: Language;
  title: string;
  subtitle?: string;
  /** Each section's text is in the documents' Markdown subset (see documentBlocks). */
  sections: { heading?: string; text: string }[];
}

export function documentMarkdown(doc: PrintableDocument): string {
  const parts = [`# ${doc.title}`];
  if (doc.subtitle) parts.push(`_${doc.subtitle}_`);
  for (const section of doc.sections) {
    if (section.heading) parts.push(`## ${section.heading}`);
    parts.push(section.text.trim());
  }
  return `${parts.join('\n\n')}\n`;
}

export function documentHtml(doc: PrintableDocument): string {
  const body: string[] = [`<h1>${escapeHtml(doc.title)}</h1>`];
  if (doc.subtitle) body.push(`<p class="subtitle">${escapeHtml(doc.subtitle)}</p>`);
  for (const section of doc.sections) {
    // Headings inside a section with its own heading sit one level lower.
    const inner = blocksHtml(documentBlocks(section.text), section.heading ? 3 : 2);
    body.push(section.heading ? `<section>\n<h2>${escapeHtml(section.heading)}</h2>\n${inner}\n</section>` : inner);
  }
  return `<!DOCTYPE html>
<html lang="${doc.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "Segoe UI", "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; max-width: 46em; margin: 2em auto; padding: 0 1em; }
  h1 { font-size: 17pt; margin: 0 0 0.2em; }
  h2 { font-size: 12.5pt; margin: 1.3em 0 0.3em; border-bottom: 1px solid #ccc; padding-bottom: 0.15em; break-after: avoid; }
  h3 { font-size: 11pt; margin: 1em 0 0.2em; break-after: avoid; }
  p, ul { margin: 0.35em 0; }
  ul { padding-left: 1.3em; }
  li { margin: 0.15em 0; }
  .subtitle { color: #555; margin-bottom: 1.2em; }
  section { break-inside: avoid-page; }
  @media print { body { margin: 0; max-width: none; } }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}

function blocksHtml(blocks: readonly DocumentBlock[], level: 2 | 3): string {
  return blocks
    .map((block) => {
      switch (block.kind) {
        case 'title':
        case 'heading':
          return `<h${String(level)}>${escapeHtml(block.text)}</h${String(level)}>`;
        case 'paragraph':
          return `<p>${block.lines.map(escapeHtml).join('<br>\n')}</p>`;
        case 'list':
          return `<ul>\n${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`;
      }
    })
    .join('\n');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A whole document from one text that starts with its own "# Title" (the notice). */
export function documentFromText(language: Language, text: string, fallbackTitle: string, subtitle?: string): PrintableDocument {
  const trimmed = text.trim();
  const first = /^# (.*)$/m.exec(trimmed.split('\n')[0] ?? '');
  const title = first?.[1]?.trim() ?? fallbackTitle;
  const rest = first ? trimmed.slice(trimmed.indexOf('\n') + 1 || trimmed.length) : trimmed;
  return { language, title, ...(subtitle ? { subtitle } : {}), sections: [{ text: rest }] };
}

/** "24 novembre 2026" / "24 November 2026", on the office's calendar. */
export function longDate(instant: number, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** "2026-11-24" on the office's calendar. */
export function isoDay(instant: number, timeZone: string): string {
  const day = utcToZoned(instant, timeZone);
  return [day.year, day.month, day.day].map((part) => String(part).padStart(2, '0')).join('-');
}
