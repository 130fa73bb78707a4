import { z } from 'zod';

/** One API method: what it accepts and what it returns. */
export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
}

export type MethodMap = Record<string, MethodSpec>;

/** For methods that take nothing: `{}` and no other key. */
export const noInput = z.object({}).strict();

/** One handler per method of `M`: validated input in, the declared output out. */
export type HandlersOf<M extends MethodMap> = {
  [K in keyof M]: (input: z.output<M[K]['input']>) => Promise<z.output<M[K]['output']>>;
};
