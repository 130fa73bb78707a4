import type { calendarMethods } from '../contract/calendar-methods';
import type { HandlersOf } from '../contract/method-spec';
import type { HandlerDeps } from './handler-deps';

export function createCalendarHandlers(_deps: HandlerDeps): HandlersOf<typeof calendarMethods> {
  return {};
}
