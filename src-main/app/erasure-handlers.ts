import type { erasureMethods } from '../contract/erasure-methods';
import type { HandlersOf } from '../contract/method-spec';
import { ErasureService } from '../domain/privacy/erasure-service';
import { RetentionService } from '../domain/privacy/retention-service';
import { API_ACTOR, type HandlerDeps } from './handler-deps';

export function createErasureHandlers({ db, clock, settings, log, events, info }: HandlerDeps): HandlersOf<typeof erasureMethods> {
  const erasure = new ErasureService({ db, clock, settings, log, dataDir: info.dataDir });
  const retention = new RetentionService({ db, clock, settings, log, actor: API_ACTOR });
  return {
    'privacy.erase.preview': ({ clientId }) => erasure.preview(clientId),
    'privacy.erase': async ({ clientId, reason }) => {
      const { result, rows } = await erasure.erase(clientId, reason, API_ACTOR);
      // Lists showing the client, their appointments, messages or replies reload; the planner finds nothing left to plan.
      events.emit('clients.changed', { ids: [clientId] });
      const appointments = [...rows.deletedAppointmentIds, ...rows.keptAppointmentIds];
      if (appointments.length > 0) events.emit('appointments.changed', { ids: appointments });
      if (rows.messageIds.length > 0) events.emit('messages.changed', { ids: rows.messageIds });
      for (const id of rows.replyIds) events.emit('inbox.changed', { id });
      return result;
    },
    // A client page showing the hold reloads.
    'privacy.hold.set': async ({ clientId, until, reason }) => {
      const hold = await erasure.setHold(clientId, until, reason, API_ACTOR);
      events.emit('clients.changed', { ids: [clientId] });
      return hold;
    },
    'privacy.hold.clear': async ({ clientId }) => {
      const cleared = await erasure.clearHold(clientId, API_ACTOR);
      events.emit('clients.changed', { ids: [clientId] });
      return cleared;
    },
    'privacy.hold.get': ({ clientId }) => erasure.hold(clientId),
    'privacy.hold.list': () => erasure.holds(),
    'privacy.retention.get': () => retention.state(),
    'privacy.retention.update': (input) => retention.update(input, API_ACTOR),
    'privacy.retention.run': () => retention.run('manual'),
  };
}
