import type { consentsMethods } from '../contract/consents-methods';
import type { HandlersOf } from '../contract/method-spec';
import type { HandlerDeps } from './handler-deps';

export function createConsentsHandlers(_deps: HandlerDeps): HandlersOf<typeof consentsMethods> {
  return {};
}
