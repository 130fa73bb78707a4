import { lazy, type ComponentType } from 'react';
import { CalendarScreen } from '../screens/CalendarScreen';
import { ClientsScreen } from '../screens/ClientsScreen';
import { MessagesScreen } from '../screens/MessagesScreen';
import { RemindersScreen } from '../screens/RemindersScreen';
import type { SectionId } from './sections';

/**
 * The screen for each section. They are bundled with the shell: a lazy screen is
 * held back by React's Suspense reveal throttle (~300 ms), which cost more on the
 * first paint than the few KB it saved. Settings and Privacy are the exceptions:
 * rarely the screen the app opens on, and together a tenth of the first screen's
 * code (Settings' searchable Select, Privacy's five tabs).
 */
export const sectionScreens: Record<SectionId, ComponentType> = {
  calendar: CalendarScreen,
  clients: ClientsScreen,
  messages: MessagesScreen,
  reminders: RemindersScreen,
  privacy: lazy(() => import('../screens/PrivacyScreen').then((m) => ({ default: m.PrivacyScreen }))),
  settings: lazy(() => import('../screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen }))),
};
