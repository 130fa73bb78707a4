import type { erasureMethods } from '../contract/erasure-methods';
import type { HandlersOf } from '../contract/method-spec';
import type { HandlerDeps } from './handler-deps';

export function createErasureHandlers(_deps: HandlerDeps): HandlersOf<typeof erasureMethods> {
  return {};
}
