import type { HandlersOf } from '../contract/method-spec';
import type { setupMethods } from '../contract/setup-methods';
import { SettingsRepository } from '../db/repositories/settings-repository';
import type { HandlerDeps } from './handler-deps';

/** Stored once the welcome wizard is done or skipped; everything it sets stays editable in Settings. */
export const SETUP_COMPLETED_KEY = 'setup.completed';

export function createSetupHandlers(deps: HandlerDeps): HandlersOf<typeof setupMethods> {
  const { db, clock, settings } = deps;
  const repository = new SettingsRepository(db);
  return {
    // An office that already has a name or any data (the demo, a database from before the
    // wizard existed) is not new: only an untouched office is welcomed.
    'setup.status': async () => {
      if ((await repository.read(SETUP_COMPLETED_KEY)) === true) return { needed: false };
      if ((await settings.get()).officeName !== '') return { needed: false };
      const data = await db.get<{ found: number }>(
        'SELECT EXISTS (SELECT 1 FROM clients) OR EXISTS (SELECT 1 FROM appointments) AS found',
      );
      return { needed: data?.found !== 1 };
    },
    // A flag for the UI, no office data: not worth an audit entry (what the wizard sets is audited
    // by settings.update and reminders.rules.create themselves).
    'setup.complete': async () => {
      await db.run(
        `INSERT INTO settings (key, value, updated_at) VALUES (?, 'true', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [SETUP_COMPLETED_KEY, clock.now()],
      );
      return { needed: false };
    },
  };
}
