import type { z } from 'zod';
import { ApiError, type CallResult } from '../contract/errors';
import { isMethodName, methods, type Handlers } from '../contract/methods';
import { errorCode } from '../db/sqlite-connection';
import type { Logger } from './logger';

/**
 * The single way a bridge calls the core: checks the method exists, validates the
 * input against the contract, runs the handler, and turns any failure into a
 * `{ code, message }` that is safe to show (no stack, no file path of ours).
 */
export async function invokeMethod(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
  log: Logger,
): Promise<CallResult> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown method "${method}"` } };
  }
  const spec = methods[method];
  const parsed = spec.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: validationError(parsed.error).toWire() };
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    const output = await handler(parsed.data);
    // Outputs are parsed too: what leaves the core is exactly what the contract says.
    return { ok: true, value: spec.output.parse(output) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, error: err.toWire() };
    log.error(`${method} failed`, err);
    const store = storeProblem(errorCode(err));
    if (store) return { ok: false, error: { code: 'STORE_REFUSED', message: store } };
    return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; the details are in the log.' } };
  }
}

/** SQLite's own failures that the person at the desk can act on; the transaction was rolled back. */
function storeProblem(code: string | undefined): string | undefined {
  if (code === 'SQLITE_FULL') return 'The disk is full: nothing was saved. Free some space on this computer, then try again.';
  if (code === 'SQLITE_READONLY') return 'The office data cannot be written (the file or its folder is read-only): nothing was saved.';
  if (code === 'SQLITE_BUSY') return 'The office data is busy (another Promemoria is writing): nothing was saved. Try again in a moment.';
  if (code?.startsWith('SQLITE_IOERR')) return 'The disk could not be written: nothing was saved. Check the disk, then try again.';
  return undefined;
}

export function validationError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'Invalid input';
  return new ApiError('VALIDATION', message, field);
}
