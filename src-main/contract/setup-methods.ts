import { z } from 'zod';
import { noInput, type MethodMap } from './method-spec';

export const setupStatusSchema = z.object({
  /** True for a new, empty office that has not finished or skipped the welcome wizard. */
  needed: z.boolean(),
});
export type SetupStatus = z.infer<typeof setupStatusSchema>;

/** The first-run wizard: whether to show it, and marking it done (or skipped) for good. */
export const setupMethods = {
  'setup.status': {
    input: noInput,
    output: setupStatusSchema,
  },
  'setup.complete': {
    input: noInput,
    output: setupStatusSchema,
  },
} as const satisfies MethodMap;
