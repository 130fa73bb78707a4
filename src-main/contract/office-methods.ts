import { z } from 'zod';
import { appInfoSchema, backupResultSchema, officeSummarySchema, settingsSchema, storeHealthSchema } from './schemas';
import { noInput, type MethodMap } from './method-spec';

/** The office itself: app info, settings, the store's health and backups. */
export const officeMethods = {
  'app.info': {
    input: noInput,
    output: appInfoSchema,
  },
  'settings.get': {
    input: noInput,
    output: settingsSchema,
  },
  'settings.update': {
    input: settingsSchema.partial().strict(),
    output: settingsSchema,
  },
  'office.summary': {
    input: noInput,
    output: officeSummarySchema,
  },
  'store.health': {
    input: noInput,
    output: storeHealthSchema,
  },
  'store.backup': {
    input: z
      .object({
        path: z.string().min(1).refine((p) => /^([a-zA-Z]:[\\/]|[\\/])/.test(p), 'must be an absolute path'),
        overwrite: z.boolean().default(false),
      })
      .strict(),
    output: backupResultSchema,
  },
} as const satisfies MethodMap;
