import type { privacyExportMethods } from '../contract/privacy-export-methods';
import type { HandlersOf } from '../contract/method-spec';
import type { HandlerDeps } from './handler-deps';

export function createPrivacyExportHandlers(_deps: HandlerDeps): HandlersOf<typeof privacyExportMethods> {
  return {};
}
