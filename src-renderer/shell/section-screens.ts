import { lazy, type ComponentType } from 'react';
import { CalendarScreen } from '../screens/CalendarScreen';
import { ClientsScreen } from '../screens/ClientsScreen';
import { MessagesScreen } from '../screens/MessagesScreen';
import { PrivacyScreen } from '../screens/PrivacyScreen';
import { RemindersScreen } from '../screens/RemindersScreen';
import type { SectionId } from './sections';

/**
 * The screen for each section. They are bundled with the shell: a lazy screen is
 * held back by React's Suspense reveal throttle (~300 ms), which cost more on the
 * first paint than the few KB it saved. Settings is the exception: its searchable
 * Select is the one heavy part, and it is rarely the screen the app opens on.
 */
export const sectionScreens: Record<SectionId, ComponentType> = {
  calendar: CalendarScreen,
  clients: ClientsScreen,
  messages: MessagesScreen,
  reminders: RemindersScreen,
  privacy: PrivacyScreen,
  settings: lazy(() => import('../screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen }))),
};
