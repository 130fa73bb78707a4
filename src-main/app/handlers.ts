import type { Handlers } from '../contract/methods';
import { createCalendarHandlers } from './calendar-handlers';
import { createClientsHandlers } from './clients-handlers';
import { createConsentsHandlers } from './consents-handlers';
import { createPrivacyExportHandlers } from './privacy-export-handlers';
import { createErasureHandlers } from './erasure-handlers';
import { createAuditHandlers } from './audit-handlers';
import { createBackupsHandlers } from './backups-handlers';
import { createPrivacyDocumentsHandlers } from './privacy-documents-handlers';
import type { HandlerDeps } from './handler-deps';
import { createMessagesHandlers } from './messages-handlers';
import { createOfficeHandlers } from './office-handlers';
import { createRemindersHandlers } from './reminders-handlers';
import { createSmsHandlers } from './sms-handlers';
import { createSetupHandlers } from './setup-handlers';

/** One handler per contract method, from each domain's own factory; the bridges reach the core only through these. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    ...createOfficeHandlers(deps),
    ...createClientsHandlers(deps),
    ...createCalendarHandlers(deps),
    ...createSmsHandlers(deps),
    ...createRemindersHandlers(deps),
    ...createMessagesHandlers(deps),
    ...createConsentsHandlers(deps),
    ...createPrivacyExportHandlers(deps),
    ...createErasureHandlers(deps),
    ...createAuditHandlers(deps),
    ...createPrivacyDocumentsHandlers(deps),
    ...createBackupsHandlers(deps),
    ...createSetupHandlers(deps),
  };
}
