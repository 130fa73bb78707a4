import { useSyncExternalStore } from 'react';
import { sectionIds, type SectionId } from './sections';

const DEFAULT_SECTION: SectionId = 'calendar';

/** `#/clients` → 'clients'; anything unknown opens the calendar. */
export function sectionFromHash(hash: string): SectionId {
  const name = hash.replace(/^#\/?/, '');
  return (sectionIds as readonly string[]).includes(name) ? (name as SectionId) : DEFAULT_SECTION;
}

export function sectionHref(section: SectionId): string {
  return `#/${section}`;
}

export function openSection(section: SectionId): void {
  window.location.hash = sectionHref(section);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
}

/** The section named in the address bar's hash, so a reload stays where the user was. */
export function useHashSection(): SectionId {
  return useSyncExternalStore(subscribe, () => sectionFromHash(window.location.hash));
}
