import { useSyncExternalStore } from 'react';
import { sectionIds, type SectionId } from './sections';

const DEFAULT_SECTION: SectionId = 'calendar';

/** `#/clients` → 'clients' (`#/clients/42` too: what follows the section is the screen's); anything unknown opens the calendar. */
export function sectionFromHash(hash: string): SectionId {
  const name = hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return (sectionIds as readonly string[]).includes(name) ? (name as SectionId) : DEFAULT_SECTION;
}

export function sectionHref(section: SectionId): string {
  return `#/${section}`;
}

/** `#/clients/42`: one client's page, e.g. a link from the privacy panel. */
export function clientHref(id: number): string {
  return `${sectionHref('clients')}/${id}`;
}

/** The client a `#/clients/<id>` hash opens, if any. */
export function clientIdFromHash(hash: string): number | undefined {
  const match = /^#\/?clients\/([1-9][0-9]*)$/.exec(hash);
  return match ? Number(match[1]) : undefined;
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
