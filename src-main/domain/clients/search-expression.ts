/**
 * Turns what the receptionist typed into an FTS5 query over `clients_search`
 * (migration 002). Every word must match: a word of digits (spaces, "+", "(", ")",
 * ".", "/", "-" allowed) matches anywhere in the mobile number, any other word the
 * beginning of a word of the first or last name. A single digit is left out: it
 * is in nearly every number, so it would filter nothing and cost a scan of them all.
 * Returns undefined when nothing searchable was typed.
 */
export function searchExpression(query: string): string | undefined {
  const terms: string[] = [];
  for (const word of query.trim().split(/\s+/)) {
    const digits = word.replace(/[+().\-/]/g, '');
    if (/^[0-9]+$/.test(digits)) {
      if (digits.length < 2) continue;
      // "0039 333…" is how some type the international prefix; the index holds "39333…".
      terms.push(`phone : ${prefixTerm(digits.length > 4 ? digits.replace(/^00/, '') : digits)}`);
      continue;
    }
    // Split as the index's tokenizer does, so "d'ange" looks for "d" and "ange".
    for (const token of word.split(/[^\p{L}\p{N}\p{M}]+/u)) {
      if (token !== '') terms.push(`name : ${prefixTerm(token)}`);
    }
  }
  return terms.length === 0 ? undefined : terms.join(' AND ');
}

/** A quoted FTS5 string is taken literally; the tokenizer folds case and accents as it did when indexing. */
function prefixTerm(token: string): string {
  return `"${token.replace(/"/g, '""')}"*`;
}
