import type { calendarMethods } from '../contract/calendar-methods';
import type { HandlersOf } from '../contract/method-spec';
import { AppointmentsRepository } from '../db/repositories/appointments-repository';
import { AppointmentService } from '../domain/calendar/appointment-service';
import { StaffAndRoomsService } from '../domain/calendar/staff-and-rooms-service';
import { API_ACTOR, type HandlerDeps } from './handler-deps';
import type { RandomSource } from './random';

/** "s" and 16 base-36 digits: unique enough for one office's series, readable in the database. */
function seriesIdFrom(random: RandomSource): string {
  let id = 's';
  for (let i = 0; i < 16; i++) id += Math.floor(random.next() * 36).toString(36);
  return id;
}

export function createCalendarHandlers(deps: HandlerDeps): HandlersOf<typeof calendarMethods> {
  const { db, clock, events, settings, random } = deps;
  const now = () => clock.now();
  const resources = new StaffAndRoomsService(db, now, API_ACTOR);
  const appointments = new AppointmentService({
    db,
    timeZone: async () => (await settings.get()).timeZone,
    now,
    newSeriesId: () => seriesIdFrom(random),
    actor: API_ACTOR,
  });
  const changed = (ids: number[]) => {
    events.emit('appointments.changed', { ids });
  };

  return {
    'staff.list': async ({ includeInactive }) => ({ items: await resources.listStaff(includeInactive) }),
    'staff.create': (fields) => resources.createStaff(fields),
    'staff.update': ({ id, changes }) => resources.updateStaff(id, changes),
    'staff.reorder': async ({ ids }) => ({ items: await resources.reorderStaff(ids) }),

    'rooms.list': async ({ includeInactive }) => ({ items: await resources.listRooms(includeInactive) }),
    'rooms.create': (fields) => resources.createRoom(fields),
    'rooms.update': ({ id, changes }) => resources.updateRoom(id, changes),
    'rooms.reorder': async ({ ids }) => ({ items: await resources.reorderRooms(ids) }),

    'appointments.list': async ({ from, to }) => ({ items: await new AppointmentsRepository(db).listRange(from, to) }),
    'appointments.get': ({ id }) => appointments.get(id),
    'appointments.create': async ({ confirmConflicts, ...input }) => {
      const result = await appointments.create(input, confirmConflicts);
      changed(result.ids);
      return { appointment: result.appointment, count: result.ids.length, conflicts: result.conflicts };
    },
    'appointments.update': async ({ confirmConflicts, ...input }) => {
      const result = await appointments.update(input, confirmConflicts);
      changed(result.ids);
      return { appointment: result.appointment, count: result.ids.length, conflicts: result.conflicts };
    },
    'appointments.delete': async ({ id, scope }) => {
      const ids = await appointments.delete(id, scope);
      changed(ids);
      return { count: ids.length };
    },
    'appointments.conflicts': async (request) => ({ conflicts: await appointments.conflicts(request) }),
    'appointments.clientStats': ({ clientId }) => new AppointmentsRepository(db).clientStats(clientId, clock.now()),
  };
}
