import { reminderSettingsSchema, type ReminderSettings } from '../../contract/reminders-schemas';
import type { SettingsRepository } from '../../db/repositories/settings-repository';
import { defaultReminderSettings } from './default-rules';

const KEY = 'reminders';

/** The office-wide sending hours, stored as one settings key; read on every planning pass, so cached. */
export class ReminderSettingsService {
  private cached: ReminderSettings | undefined;

  constructor(private readonly repository: SettingsRepository) {}

  async get(): Promise<ReminderSettings> {
    if (this.cached) return this.cached;
    const stored = reminderSettingsSchema.safeParse(await this.repository.read(KEY));
    // A value that no longer fits (older or hand-edited) falls back to the defaults.
    this.cached = stored.success ? stored.data : defaultReminderSettings;
    return this.cached;
  }

  async update(settings: ReminderSettings, actor: string, now: number): Promise<ReminderSettings> {
    this.cached = undefined;
    await this.repository.write({ [KEY]: settings }, actor, now);
    return this.get();
  }
}
