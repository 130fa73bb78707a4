import { reminderSettingsSchema, type ReminderSettings } from '../../contract/reminders-schemas';
import type { SettingsRepository } from '../../db/repositories/settings-repository';
import { defaultReminderSettings } from './default-rules';

const KEY = 'reminders';

/** The office-wide sending hours, stored as one settings key; read on every planning pass, so cached. */
export class ReminderSettingsService {
  private cached: ReminderSettings | undefined;

  constructor(private readonly repository: SettingsRepository) {}

  /** Bumped by every update: a read that started before it must not cache what it read. */
  private generation = 0;

  async get(): Promise<ReminderSettings> {
    if (this.cached) return this.cached;
    const generation = this.generation;
    const stored = reminderSettingsSchema.safeParse(await this.repository.read(KEY));
    // A value that no longer fits (older or hand-edited) falls back to the defaults.
    const settings = stored.success ? stored.data : defaultReminderSettings;
    if (generation === this.generation) this.cached = settings;
    return settings;
  }

  async update(settings: ReminderSettings, actor: string, now: number): Promise<ReminderSettings> {
    this.generation++;
    this.cached = undefined;
    await this.repository.write({ [KEY]: settings }, actor, now);
    this.generation++;
    this.cached = settings;
    return settings;
  }
}
