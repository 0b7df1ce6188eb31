import type { z } from 'zod';
import { invalid, normaliseField, type FieldError } from '../../domain/errors.ts';

/**
 * Zod issues → our field errors (path "addresses.0.city"). An unknown field is reported under its own
 * name, so a client sees which key it should not have sent. Coded messages are decoded (Italian
 * `message`, plus `messageCode` and `params` for the reader's language).
 */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  return issues.flatMap((i) => {
    const path = i.path.map(String).join('.');
    if (i.code === 'unrecognized_keys') {
      return i.keys.map((k) => normaliseField({ path: prefix + (path ? `${path}.${k}` : k), message: i.message }));
    }
    return [normaliseField({ path: prefix + (path || '(body)'), message: i.message })];
  });
}

/** Validates a use case's input; every caller (HTTP, CLI, jobs, importers) gets the same rules. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw invalid(fieldErrors(result.error.issues));
  return result.data;
}
