import type { agendaMethods } from '../contract/agenda-methods';
import type { HandlersOf } from '../contract/method-spec';
import { AppointmentsRepository } from '../db/repositories/appointments-repository';
import { ClientsRepository } from '../db/repositories/clients-repository';
import type { HandlerDeps } from './handler-deps';

export function createAgendaHandlers({ db }: HandlerDeps): HandlersOf<typeof agendaMethods> {
  const clients = new ClientsRepository(db);
  const appointments = new AppointmentsRepository(db);
  return {
    'clients.list': ({ query, limit, offset }) => clients.list(query, limit, offset),
    'appointments.list': async ({ from, to }) => ({ items: await appointments.listRange(from, to) }),
  };
}
