import { settingsSchema, type Settings } from '../contract/schemas';
import type { SettingsRepository } from '../db/repositories/settings-repository';

/** What a new office starts with; the time zone follows the computer. */
export function defaultSettings(systemTimeZone: string): Settings {
  return {
    officeName: '',
    officePhone: '',
    officeType: 'dental',
    language: null,
    timeZone: systemTimeZone,
    defaultRegion: 'IT',
  };
}

export class SettingsService {
  /** Read on every client and appointment write: kept until the next update. */
  private cached: Promise<Settings> | undefined;

  constructor(
    private readonly repository: SettingsRepository,
    private readonly systemTimeZone: string,
  ) {}

  get(): Promise<Settings> {
    this.cached ??= this.load().catch((err: unknown) => {
      this.cached = undefined;
      throw err;
    });
    return this.cached;
  }

  private async load(): Promise<Settings> {
    const stored = await this.repository.readAll();
    const merged: Record<string, unknown> = { ...defaultSettings(this.systemTimeZone) };
    for (const [key, value] of Object.entries(stored)) {
      // A value that no longer fits the schema (older or hand-edited) falls back to the default.
      const field = settingsSchema.shape[key as keyof Settings];
      if (field?.safeParse(value).success) merged[key] = value;
    }
    return settingsSchema.parse(merged);
  }

  async update(changes: Partial<Settings>, actor: string, now: number): Promise<Settings> {
    this.cached = undefined;
    await this.repository.write(changes, actor, now);
    this.cached = undefined;
    return this.get();
  }
}
