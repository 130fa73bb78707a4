import type { Database } from '../database';
import { appendAudit } from './audit-log';

/** Settings are stored one key per row, each value as JSON. */
export class SettingsRepository {
  constructor(private readonly db: Database) {}

  async readAll(): Promise<Record<string, unknown>> {
    const rows = await this.db.all<{ key: string; value: string }>('SELECT key, value FROM settings');
    return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  }

  async read(key: string): Promise<unknown> {
    const row = await this.db.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]);
    return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
  }

  /**
   * Writes the given keys and an audit entry, in one transaction: by default
   * "settings.update" naming the keys; a caller that knows better (the SMS channel,
   * the privacy notice) names its own action and detail, never a secret.
   */
  async write(entries: Record<string, unknown>, actor: string, now: number, audit?: { action: string; detail: string; entity?: string }): Promise<void> {
    const keys = Object.keys(entries);
    if (keys.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const key of keys) {
        await tx.run(
          `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
          [key, JSON.stringify(entries[key]), now],
        );
      }
      await appendAudit(tx, now, { actor, action: audit?.action ?? 'settings.update', entity: audit?.entity ?? 'settings', detail: audit?.detail ?? keys.sort().join(',') });
    });
  }
}
