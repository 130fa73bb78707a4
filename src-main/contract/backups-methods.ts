import { z } from 'zod';
import { noInput, type MethodMap } from './method-spec';
import { instantSchema } from './schemas';

export const backupKinds = ['daily', 'weekly', 'manual', 'before-upgrade', 'before-restore'] as const;
export const backupLocations = ['data', 'folder'] as const;

/** One backup copy: its file name (never a path), where it is, what it is. */
export const backupEntrySchema = z.object({
  file: z.string(),
  /** "data": the data folder's backups/; "folder": the folder chosen in Settings. */
  location: z.enum(backupLocations),
  kind: z.enum(backupKinds),
  bytes: z.number().int().min(0),
  at: instantSchema,
  /** What quick_check said when the copy was written; null when unknown (a copy made before this version). */
  integrity: z.string().nullable(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupsSettingsSchema = z.object({
  /** An absolute folder for the backups, or null for the data folder's backups/. */
  folder: z.string().nullable(),
});
export type BackupsSettings = z.infer<typeof backupsSettingsSchema>;

/** Automatic backups, "Back up now" and restore, for the Settings card. */
export const backupsMethods = {
  'backups.list': {
    input: noInput,
    output: z.object({
      backups: z.array(backupEntrySchema),
      /** A restore is staged and waits for the next start. */
      restorePending: z.boolean(),
    }),
  },
  'backups.settings.get': {
    input: noInput,
    output: backupsSettingsSchema,
  },
  'backups.settings.update': {
    input: z.object({ folder: z.string().trim().max(1000).nullable() }).strict(),
    output: backupsSettingsSchema,
  },
  'backups.runNow': {
    input: noInput,
    output: backupEntrySchema,
  },
  'backups.restore': {
    input: z.object({ file: z.string().min(1).max(300), location: z.enum(backupLocations) }).strict(),
    output: z.object({ restartNeeded: z.literal(true), version: z.number().int() }),
  },
} as const satisfies MethodMap;
