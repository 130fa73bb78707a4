import type { Handlers } from '../contract/methods';
import { createAgendaHandlers } from './agenda-handlers';
import { createCalendarHandlers } from './calendar-handlers';
import { createClientsHandlers } from './clients-handlers';
import type { HandlerDeps } from './handler-deps';
import { createOfficeHandlers } from './office-handlers';
import { createSmsHandlers } from './sms-handlers';

/** One handler per contract method, from each domain's own factory; the bridges reach the core only through these. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...createOfficeHandlers(deps),
    ...createAgendaHandlers(deps),
    ...createClientsHandlers(deps),
    ...createCalendarHandlers(deps),
    ...createSmsHandlers(deps),
  };
}
