import type { MethodMap } from './method-spec';

/** The sms module's methods. */
export const smsMethods = {} as const satisfies MethodMap;
