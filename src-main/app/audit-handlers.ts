import type { auditMethods } from '../contract/audit-methods';
import type { HandlersOf } from '../contract/method-spec';
import type { HandlerDeps } from './handler-deps';

export function createAuditHandlers(_deps: HandlerDeps): HandlersOf<typeof auditMethods> {
  return {};
}
