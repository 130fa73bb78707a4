/** `text` with `insert` put in place of the selection [start, end), and where the caret goes next. */
export function insertAtCursor(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end));
  // A placeholder glued to a word would read "Gentile{first_name}": keep the space the user would type.
  const before = text.slice(0, from);
  const spaceBefore = before !== '' && !/[\s([«“'’]$/.test(before) ? ' ' : '';
  const after = text.slice(to);
  const spaceAfter = after !== '' && !/^[\s,.;:!?)\]»”]/.test(after) ? ' ' : '';
  const inserted = `${spaceBefore}${insert}${spaceAfter}`;
  return { text: `${before}${inserted}${after}`, caret: before.length + spaceBefore.length + insert.length };
}
