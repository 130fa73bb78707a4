import type { Core } from '../../src-main/app/create-core';
import { invokeMethod } from '../../src-main/app/invoke';
import { silentLogger } from '../../src-main/app/logger';
import type { MethodInput, MethodName, MethodOutput } from '../../src-main/contract/methods';

/**
 * Calls the core the way the bridges do (input validated with its defaults, output
 * checked) and returns the output, or throws with the wire error.
 */
export async function apiCall<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await invokeMethod(core.api, method, input, silentLogger);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value as MethodOutput<M>;
}
