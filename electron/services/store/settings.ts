import type { Database } from 'better-sqlite3';

/** The keys this workbench stores preferences under; one list, so no key is spelt twice. */
export type SettingKey = 'profile.displayName' | 'assist.sources';

/** Small key/value preferences kept in the workbench file (not per machine). */
export class SettingsStore {
  constructor(private readonly db: Database) {}

  get(key: SettingKey): string | null {
    const value = this.db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(key) as string | undefined;
    return value ?? null;
  }

  set(key: SettingKey, value: string): void {
    this.db
      .prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`)
      .run(key, value);
  }
}
