import type { HandlersOf } from '../contract/method-spec';
import type { officeMethods } from '../contract/office-methods';
import { API_ACTOR, type HandlerDeps } from './handler-deps';
import { officeSummary } from './office-summary';

export function createOfficeHandlers(deps: HandlerDeps): HandlersOf<typeof officeMethods> {
  const { db, clock, events, settings, store, sms, info } = deps;
  return {
    // Read at every UI start: no integrity check here (that reads the whole file), see store.health.
    'app.info': async () => ({
      version: info.version,
      dataDir: info.dataDir,
      databasePath: db.path,
      schemaVersion: await store.schemaVersion(),
      demo: info.demo,
      smsChannel: sms.status(),
    }),
    'settings.get': () => settings.get(),
    'settings.update': async (changes) => {
      const updated = await settings.update(changes, API_ACTOR, clock.now());
      events.emit('settings.changed', updated);
      return updated;
    },
    'office.summary': () => officeSummary(db, clock.now()),
    'store.health': () => store.health(),
    'store.backup': ({ path, overwrite }) => store.backup(path, overwrite, API_ACTOR, clock),
  };
}
