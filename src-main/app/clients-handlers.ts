import type { clientsMethods } from '../contract/clients-methods';
import type { HandlersOf } from '../contract/method-spec';
import type { HandlerDeps } from './handler-deps';

export function createClientsHandlers(_deps: HandlerDeps): HandlersOf<typeof clientsMethods> {
  return {};
}
