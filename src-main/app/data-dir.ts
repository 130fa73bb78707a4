import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_FOLDER_NAME = 'Promemoria';
export const DATABASE_FILE_NAME = 'promemoria.sqlite';

/**
 * The per-user data folder. It is the folder Electron calls `userData` for this
 * app, so the desktop app, the web bridge and the CLI all find the same database.
 * PROMEMORIA_DATA_DIR overrides it.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env.PROMEMORIA_DATA_DIR;
  if (override) return override;
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
}

export function databasePathIn(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

export function backupsDirIn(dataDir: string): string {
  return join(dataDir, 'backups');
}
