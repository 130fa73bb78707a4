import { z } from 'zod';

export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'TRANSPORT_DOWN',
  /** The SMS channel refused the message for good (invalid number, barred…). */
  'SEND_REJECTED',
  'STORE_REFUSED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** What crosses a boundary when a call fails: never a stack trace or a file path of ours. */
export const wireErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** For VALIDATION: the input field at fault, as a dotted path ("range.from"). */
  field: z.string().optional(),
});
export type WireError = z.infer<typeof wireErrorSchema>;

/** Thrown by services and by clients; carries a code the UI can act on. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }

  toWire(): WireError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }

  static fromWire(wire: WireError): ApiError {
    return new ApiError(wire.code, wire.message, wire.field);
  }
}

/** The result envelope used where exceptions cannot cross (Electron IPC drops custom error fields). */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: WireError };
