import type { auditMethods } from '../contract/audit-methods';
import type { HandlersOf } from '../contract/method-spec';
import { AuditService } from '../domain/privacy/audit-service';
import type { HandlerDeps } from './handler-deps';

/** The audit log viewer: reads only, so nothing here appends to the log. */
export function createAuditHandlers({ db, settings, clock }: HandlerDeps): HandlersOf<typeof auditMethods> {
  const audit = new AuditService({ db, settings, clock });
  return {
    'audit.list': ({ offset, limit, ...filters }) => audit.list(filters, offset, limit),
    'audit.actions': () => audit.actions(),
    'audit.exportCsv': ({ filters, language }) => audit.exportCsv(filters, language),
  };
}
