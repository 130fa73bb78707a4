import type { clientsMethods } from '../contract/clients-methods';
import type { HandlersOf } from '../contract/method-spec';
import { appendAudit } from '../db/repositories/audit-log';
import { ClientHistoryRepository } from '../db/repositories/client-history-repository';
import { ClientsRepository } from '../db/repositories/clients-repository';
import { ClientPageService } from '../domain/clients/client-page-service';
import { ClientsService } from '../domain/clients/clients-service';
import { ClientImportService } from '../domain/clients/csv-import/client-import-service';
import { API_ACTOR, type HandlerDeps } from './handler-deps';

export function createClientsHandlers({ db, clock, settings, events, info }: HandlerDeps): HandlersOf<typeof clientsMethods> {
  const repository = new ClientsRepository(db);
  const clients = new ClientsService(db, repository, settings, clock);
  const pages = new ClientPageService(repository, new ClientHistoryRepository(db), settings, clock, info.version);
  const imports = new ClientImportService(db, repository, settings, clock, events);
  return {
    'clients.create': (input) => clients.create(input, API_ACTOR),
    'clients.list': (input) => clients.list(input),
    'clients.get': ({ id }) => pages.detail(id),
    'clients.update': async ({ id, changes, allowDuplicate }) => {
      const client = await clients.update(id, changes, allowDuplicate, API_ACTOR);
      // Reminders carry the name and go to the mobile: the planner re-plans on this.
      events.emit('clients.changed', { ids: [id] });
      return client;
    },
    'clients.archive': ({ id, archived }) => clients.setArchived(id, archived, API_ACTOR),
    'clients.checkMobile': ({ mobile, excludeId }) => clients.checkMobile(mobile, excludeId),
    // Personal data leaving the app: the audit log says what went out (ids and counts).
    'clients.exportIcs': async ({ id }) => {
      const file = await pages.ics(id);
      await appendAudit(db, clock.now(), { actor: API_ACTOR, action: 'clients.exportIcs', entity: 'client', entityId: id });
      return file;
    },
    'clients.exportCsv': async ({ archived }) => {
      const file = await clients.exportCsv(archived);
      await appendAudit(db, clock.now(), { actor: API_ACTOR, action: 'clients.exportCsv', entity: 'client', detail: JSON.stringify({ rows: file.rows, archived }) });
      return file;
    },
    'clients.import.preview': async ({ content }) => imports.preview(content),
    'clients.import.run': ({ content, ...options }) => imports.run(content, options, API_ACTOR),
  };
}
