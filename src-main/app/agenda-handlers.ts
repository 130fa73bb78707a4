import type { agendaMethods } from '../contract/agenda-methods';
import type { HandlersOf } from '../contract/method-spec';
import type { HandlerDeps } from './handler-deps';

export function createAgendaHandlers(_deps: HandlerDeps): HandlersOf<typeof agendaMethods> {
  return {};
}
