/**
 * Words that suggest health or case details. An SMS is read on a lock screen, by
 * family, by whoever holds the phone: a reminder says when and where, never why.
 * The list is deliberately short and plain; the editor warns, it does not refuse.
 */
const stems = [
  // Italian, dental and medical
  'estrazion', 'devitalizz', 'carie', 'impiant', 'protesi', 'ortodon', 'parodont', 'chirurg', 'anestesi',
  'terapia', 'diagnos', 'patolog', 'tumor', 'biopsi', 'gravidanz', 'hiv', 'analisi', 'esami del sangue',
  // Italian, legal
  'divorzi', 'separazion', 'udienza', 'querela', 'denuncia', 'sfratt', 'fallimento', 'pignorament', 'eredit',
  // English
  'extraction', 'root canal', 'implant', 'denture', 'diagnos', 'therapy', 'pregnan', 'cancer',
  'divorce', 'lawsuit', 'hearing', 'eviction', 'bankrupt', 'custody', 'criminal',
];

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of `text` that begin with a listed stem, as written, once each; phrases as listed. */
export function sensitiveWords(text: string): string[] {
  const found = new Set<string>();
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    const folded = fold(word);
    if (stems.some((stem) => !stem.includes(' ') && folded.startsWith(stem))) found.add(word);
  }
  const foldedText = fold(text).replace(/\s+/g, ' ');
  for (const phrase of stems.filter((stem) => stem.includes(' '))) {
    if (foldedText.includes(phrase)) found.add(phrase);
  }
  return [...found];
}
