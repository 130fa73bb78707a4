import type { privacyDocumentsMethods } from '../contract/privacy-documents-methods';
import type { HandlersOf } from '../contract/method-spec';
import type { HandlerDeps } from './handler-deps';

export function createPrivacyDocumentsHandlers(_deps: HandlerDeps): HandlersOf<typeof privacyDocumentsMethods> {
  return {};
}
