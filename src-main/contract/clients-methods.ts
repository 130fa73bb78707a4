import { z } from 'zod';
import {
  importPreviewInputSchema,
  importPreviewSchema,
  importReportSchema,
  importRunInputSchema,
} from './clients-import-schemas';
import {
  clientCreateSchema,
  clientDetailSchema,
  clientIdSchema,
  clientListSchema,
  clientSummarySchema,
  clientUpdateSchema,
  mobileCheckSchema,
  textFileSchema,
} from './clients-schemas';
import type { MethodMap } from './method-spec';

const byId = z.object({ id: clientIdSchema }).strict();

/**
 * The client list. Writes answer VALIDATION with the field at fault (a mobile that
 * is not a valid mobile number names "mobile"), and CONFLICT on "mobile" when
 * another client already has that number, unless `allowDuplicate` is true.
 */
export const clientsMethods = {
  'clients.create': { input: clientCreateSchema, output: clientSummarySchema },
  'clients.list': {
    input: clientListSchema,
    output: z.object({ total: z.number().int(), items: z.array(clientSummarySchema) }),
  },
  'clients.get': { input: byId, output: clientDetailSchema },
  'clients.update': { input: clientUpdateSchema, output: clientSummarySchema },
  /** Archived clients leave the list and the search but keep their history; `archived: false` brings one back. */
  'clients.archive': {
    input: z.object({ id: clientIdSchema, archived: z.boolean() }).strict(),
    output: clientSummarySchema,
  },
  /** For live feedback while typing: the number as it will be stored, or why it cannot be, and who already has it. */
  'clients.checkMobile': {
    input: z.object({ mobile: z.string().max(40), excludeId: clientIdSchema.optional() }).strict(),
    output: mobileCheckSchema,
  },
  /** The client's appointments as an iCalendar (.ics) file. */
  'clients.exportIcs': { input: byId, output: textFileSchema },
  /** Every active (or archived) client as CSV for Excel: UTF-8 with BOM, ";" between fields. */
  'clients.exportCsv': {
    input: z.object({ archived: z.boolean().default(false) }).strict(),
    output: textFileSchema.extend({ rows: z.number().int() }),
  },
  /** Reads a CSV file without importing: encoding, delimiter, recognised columns, the first rows. */
  'clients.import.preview': { input: importPreviewInputSchema, output: importPreviewSchema },
  /** Imports (or with dryRun only checks) a CSV file; progress goes out as `clients.import.progress` events. */
  'clients.import.run': { input: importRunInputSchema, output: importReportSchema },
} as const satisfies MethodMap;
