import { describe, expect, it } from 'vitest';
import { insertAtCursor } from '../../../src-renderer/screens/reminders/insert-at-cursor';

describe('inserting a placeholder where the caret is', () => {
  it('puts it at the caret and moves the caret past it', () => {
    expect(insertAtCursor('Gentile , a presto', 8, 8, '{first_name}')).toEqual({ text: 'Gentile {first_name}, a presto', caret: 20 });
    expect(insertAtCursor('', 0, 0, '{time}')).toEqual({ text: '{time}', caret: 6 });
  });

  it('replaces the selection', () => {
    expect(insertAtCursor('alle ORA precise', 5, 8, '{time}')).toEqual({ text: 'alle {time} precise', caret: 11 });
    // A selection made backwards reads the same.
    expect(insertAtCursor('alle ORA precise', 8, 5, '{time}').text).toBe('alle {time} precise');
  });

  it('keeps a space from the words either side, not before punctuation', () => {
    expect(insertAtCursor('Gentile', 7, 7, '{first_name}')).toEqual({ text: 'Gentile {first_name}', caret: 20 });
    expect(insertAtCursor('alle.', 4, 4, '{time}')).toEqual({ text: 'alle {time}.', caret: 11 });
    expect(insertAtCursor('presso', 0, 0, '{office_name}')).toEqual({ text: '{office_name} presso', caret: 13 });
    expect(insertAtCursor('(', 1, 1, '{office_phone}').text).toBe('({office_phone}');
  });

  it('clamps a caret beyond the text to its end', () => {
    expect(insertAtCursor('ciao', 99, 99, '{first_name}').text).toBe('ciao {first_name}');
  });
});
