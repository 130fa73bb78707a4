import type { Handlers } from '../contract/methods';
import { AppointmentsRepository } from '../db/repositories/appointments-repository';
import { ClientsRepository } from '../db/repositories/clients-repository';
import type { Database } from '../db/database';
import type { SettingsService } from '../domain/settings-service';
import type { Clock } from './clock';
import type { EventHub } from './event-hub';
import { officeSummary } from './office-summary';
import type { StoreService } from './store-service';

export interface HandlerDeps {
  db: Database;
  clock: Clock;
  events: EventHub;
  settings: SettingsService;
  store: StoreService;
  info: { version: string; dataDir: string; demo: boolean };
}

/** Who the audit log names for changes made through the API (one office PC, one shared user). */
const ACTOR = 'office';

/** One handler per contract method; the bridges reach the core only through these. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, clock, events, settings, store, info } = deps;
  const clients = new ClientsRepository(db);
  const appointments = new AppointmentsRepository(db);

  return {
    'app.info': async () => {
      const health = await store.health();
      return {
        version: info.version,
        dataDir: info.dataDir,
        databasePath: db.path,
        schemaVersion: health.schemaVersion,
        demo: info.demo,
        smsChannel: health.smsChannel,
      };
    },
    'settings.get': () => settings.get(),
    'settings.update': async (changes) => {
      const updated = await settings.update(changes, ACTOR, clock.now());
      events.emit('settings.changed', updated);
      return updated;
    },
    'office.summary': () => officeSummary(db, clock.now()),
    'store.health': () => store.health(),
    'store.backup': ({ path, overwrite }) => store.backup(path, overwrite),
    'clients.list': ({ query, limit, offset }) => clients.list(query, limit, offset),
    'appointments.list': async ({ from, to }) => ({ items: await appointments.listRange(from, to) }),
  };
}
