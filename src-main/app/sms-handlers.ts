import type { smsMethods } from '../contract/sms-methods';
import type { HandlersOf } from '../contract/method-spec';
import type { HandlerDeps } from './handler-deps';

export function createSmsHandlers(_deps: HandlerDeps): HandlersOf<typeof smsMethods> {
  return {};
}
