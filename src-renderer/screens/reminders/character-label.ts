/**
 * How to show one character that forces UCS-2: itself when it can be seen, its code
 * when it cannot (a non-breaking space, a zero-width joiner) — "U+00A0".
 */
export function characterLabel(char: string): string {
  if (/^[\p{L}\p{N}\p{P}\p{S}]+$/u.test(char) && !/\p{Cf}/u.test(char)) return char;
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
