import { useEffect, useRef } from 'react';

/**
 * The calendar's single-key shortcuts, by `KeyboardEvent.key`. The letters follow
 * both languages where they differ: T/O (today, oggi), D/G (day, giorno), W/S
 * (week, settimana); M, A, N and C read the same in both.
 */
export type CalendarShortcuts = Partial<
  Record<'t' | 'o' | 'ArrowLeft' | 'ArrowRight' | 'd' | 'g' | 'w' | 's' | 'm' | 'a' | 'n' | 'c', () => void>
>;

/** Typing a "t" in a search box must type a "t", not jump to today. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Keyboard shortcuts for the calendar screen, off while `enabled` is false (a dialog
 * is open), while the user types in a field, and with Ctrl, Alt or Cmd held (those
 * belong to the browser and to the section shortcuts).
 */
export function useCalendarShortcuts(enabled: boolean, shortcuts: CalendarShortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || isTyping(event.target)) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const action = latest.current[key as keyof CalendarShortcuts];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [enabled]);
}
