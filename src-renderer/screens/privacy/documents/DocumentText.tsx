import { Fragment } from 'react';
import { documentBlocks } from '../../../../src-main/contract/privacy-documents-methods';

/** The documents' Markdown subset as HTML: headings, paragraphs (line breaks kept) and lists. */
export function DocumentText({ text, headingLevel = 2 }: { text: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      {documentBlocks(text).map((block, index) => {
        switch (block.kind) {
          case 'title':
          case 'heading':
            return <Heading key={index}>{block.text}</Heading>;
          case 'paragraph':
            return (
              <p key={index}>
                {block.lines.map((line, n) => (
                  <Fragment key={n}>
                    {n > 0 && <br />}
                    {line}
                  </Fragment>
                ))}
              </p>
            );
          case 'list':
            return (
              <ul key={index}>
                {block.items.map((item, n) => (
                  <li key={n}>{item}</li>
                ))}
              </ul>
            );
        }
      })}
    </>
  );
}
