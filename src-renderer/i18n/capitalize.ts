/** "lunedì 2 giugno" → "Lunedì 2 giugno": only the first letter, as Italian headings want. */
export function capitalizeFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
