import {
  IconBell,
  IconCalendar,
  IconMessage,
  IconSettings,
  IconShieldLock,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { MessageKey } from '../i18n/messages-en';

export const sectionIds = ['calendar', 'clients', 'messages', 'reminders', 'privacy', 'settings'] as const;
export type SectionId = (typeof sectionIds)[number];

export interface Section {
  id: SectionId;
  label: MessageKey;
  icon: Icon;
  /** Alt+<shortcut> opens the section. */
  shortcut: number;
}

/** The navbar, in order; the shortcut is the position so Alt+1…6 match what the user sees. */
export const sections: readonly Section[] = (
  [
    ['calendar', 'nav.calendar', IconCalendar],
    ['clients', 'nav.clients', IconUsers],
    ['messages', 'nav.messages', IconMessage],
    ['reminders', 'nav.reminders', IconBell],
    ['privacy', 'nav.privacy', IconShieldLock],
    ['settings', 'nav.settings', IconSettings],
  ] as const
).map(([id, label, icon], index) => ({ id, label, icon, shortcut: index + 1 }));
