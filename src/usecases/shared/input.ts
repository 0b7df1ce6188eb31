import type { z } from 'zod';
import { invalid, type FieldError } from '../../domain/errors.ts';

/** Zod issues → our field errors (path "addresses.0.city"). */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    message: i.message,
  }));
}

/** Validates a use case's input; every caller (HTTP, CLI, jobs, importers) gets the same rules. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(fieldErrors(result.error.issues));
  return result.data;
}
