import { useEffect } from 'react';
import { openSection } from './hash-route';
import { sections } from './sections';

/**
 * Alt+1…6 open the sections. Matched on the physical key (event.code) because
 * Option+digit types a symbol on macOS and event.key would not be the digit.
 */
export function useSectionShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const section = sections.find((s) => event.code === `Digit${String(s.shortcut)}`);
      if (!section) return;
      event.preventDefault();
      openSection(section.id);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
