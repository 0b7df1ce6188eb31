import { z } from 'zod';
import { encodeMessage, msg } from './messages/index.ts';

/**
 * Coded messages for zod's generic failures (fields with their own message keep it), decoded into
 * field errors by `fieldErrors` and rendered in the reader's language. Loaded once by fields.ts, so
 * every schema of the application speaks the same way.
 */
z.config({
  customError: (issue) => {
    const m = (code: Parameters<typeof msg>[0], params?: Parameters<typeof msg>[1]) => encodeMessage(msg(code, params));
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? m('field.required') : m('field.invalid_type', { expected: issue.expected });
      case 'invalid_value':
        return m('field.invalid_value', { values: issue.values.map(String).join(', ') });
      case 'unrecognized_keys':
        return m('field.unknown');
      case 'too_small':
        if (issue.origin === 'string' && issue.minimum === 1) return m('field.required');
        if (issue.origin === 'string') return m('field.min_chars', { min: String(issue.minimum) });
        if (issue.origin === 'array') return m('field.min_items', { min: String(issue.minimum) });
        return m('field.min_value', { min: String(issue.minimum) });
      case 'too_big':
        if (issue.origin === 'string') return m('field.max_chars', { max: String(issue.maximum) });
        if (issue.origin === 'array') return m('field.max_items', { max: String(issue.maximum) });
        return m('field.max_value', { max: String(issue.maximum) });
      case 'invalid_format':
        return m('field.invalid_format', { format: issue.format });
      case 'invalid_union':
        return m('field.invalid');
      default:
        return undefined;
    }
  },
});
