import type { consentsMethods } from '../contract/consents-methods';
import type { HandlersOf } from '../contract/method-spec';
import { SettingsRepository } from '../db/repositories/settings-repository';
import { ConsentService } from '../domain/privacy/consent-service';
import { API_ACTOR, type HandlerDeps } from './handler-deps';

export function createConsentsHandlers({ db, clock, random, events, info }: HandlerDeps): HandlersOf<typeof consentsMethods> {
  const consents = new ConsentService({ db, clock, random, settings: new SettingsRepository(db), dataDir: info.dataDir });
  return {
    'consents.forClient': ({ clientId }) => consents.forClient(clientId),
    'consents.record': async (input) => {
      const recorded = await consents.record(input, API_ACTOR);
      // After the commit: the planner re-plans the client (a withdrawal of reminders cancels
      // their queued ones, a grant plans them again), and lists showing the client reload.
      events.emit('clients.changed', { ids: [input.clientId] });
      return recorded;
    },
    'consents.overview': (input) => consents.overview(input),
    'consents.evidence': ({ consentId }) => consents.evidenceFile(consentId),
  };
}
