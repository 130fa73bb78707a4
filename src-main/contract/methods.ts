import type { z } from 'zod';
import { calendarMethods } from './calendar-methods';
import { clientsMethods } from './clients-methods';
import { messagesMethods } from './messages-methods';
import { consentsMethods } from './consents-methods';
import { privacyExportMethods } from './privacy-export-methods';
import { erasureMethods } from './erasure-methods';
import { auditMethods } from './audit-methods';
import { backupsMethods } from './backups-methods';
import { privacyDocumentsMethods } from './privacy-documents-methods';
import type { HandlersOf } from './method-spec';
import { officeMethods } from './office-methods';
import { remindersMethods } from './reminders-methods';
import { smsMethods } from './sms-methods';
import { setupMethods } from './setup-methods';

/**
 * Every API method, declared once: its name, what it accepts and what it returns.
 * Each domain declares its own map in its own file; this is the one place they
 * are merged. The Electron IPC bridge, the web bridge and the renderer's client
 * are all built from this map, so a method added here is reachable everywhere.
 */
export const methods = {
  ...officeMethods,
  ...clientsMethods,
  ...calendarMethods,
  ...smsMethods,
  ...remindersMethods,
  ...messagesMethods,
  ...consentsMethods,
  ...privacyExportMethods,
  ...erasureMethods,
  ...auditMethods,
  ...privacyDocumentsMethods,
  ...backupsMethods,
  ...setupMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller passes (defaults still optional). */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives, after validation filled the defaults. */
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

/** The core implements this: one handler per method. */
export type Handlers = HandlersOf<Methods>;

/** What the renderer calls: the same methods, with caller-side input types. */
export type ApiClient = {
  [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>>;
};
