import type { Language } from '../../../../src-main/contract/schemas';
import { DocumentText } from './DocumentText';
import classes from './PrintableDocument.module.css';

/** A document ready for paper: a title, a subtitle, and sections in the documents' Markdown subset. */
export interface PrintableView {
  language: Language;
  title: string;
  subtitle?: string;
  sections: { heading?: string; text: string }[];
}

export function PrintableDocument({ doc }: { doc: PrintableView }) {
  return (
    <article className={classes.document} lang={doc.language}>
      <h1>{doc.title}</h1>
      {doc.subtitle && <p className={classes.subtitle}>{doc.subtitle}</p>}
      {doc.sections.map((section, index) => (
        <section key={index}>
          {section.heading && <h2>{section.heading}</h2>}
          <DocumentText text={section.text} headingLevel={section.heading ? 3 : 2} />
        </section>
      ))}
    </article>
  );
}

/** The same document inside a white sheet, for reading on screen. */
export function DocumentSheet({ doc }: { doc: PrintableView }) {
  return (
    <div className={classes.sheet}>
      <PrintableDocument doc={doc} />
    </div>
  );
}

/**
 * A text that starts with its own "# Title" (the notice) as a document: the first
 * line becomes the title, the rest its one section.
 */
export function documentFromText(language: Language, text: string, fallbackTitle: string, subtitle?: string): PrintableView {
  const lines = text.trim().split('\n');
  const first = /^#\s+(.*)$/.exec(lines[0] ?? '');
  return {
    language,
    title: first?.[1]?.trim() ?? fallbackTitle,
    ...(subtitle ? { subtitle } : {}),
    sections: [{ text: first ? lines.slice(1).join('\n') : text }],
  };
}
