import { describe, expect, it } from 'vitest';
import { characterLabel } from '../../../src-renderer/screens/reminders/character-label';

describe('showing a character that forces UCS-2', () => {
  it('shows visible characters as themselves', () => {
    expect(characterLabel('’')).toBe('’');
    expect(characterLabel('“')).toBe('“');
    expect(characterLabel('😀')).toBe('😀');
    expect(characterLabel('ç')).toBe('ç');
  });

  it('shows invisible ones by their code point', () => {
    expect(characterLabel('\u00a0')).toBe('U+00A0');
    expect(characterLabel('\u200d')).toBe('U+200D');
    expect(characterLabel('\t')).toBe('U+0009');
  });
});
