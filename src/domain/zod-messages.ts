import { z } from 'zod';

/**
 * Italian-first messages for zod's generic failures (fields with their own message keep it).
 * Loaded once by fields.ts, so every schema of the application speaks the same language.
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined
          ? 'Campo obbligatorio (required)'
          : `Tipo non valido: atteso ${issue.expected} (expected ${issue.expected})`;
      case 'invalid_value':
        return `Valore non ammesso; valori possibili: ${issue.values.map(String).join(', ')} (allowed values)`;
      case 'unrecognized_keys':
        return 'Campo sconosciuto (unknown field)';
      case 'too_small':
        if (issue.origin === 'string' && issue.minimum === 1) return 'Campo obbligatorio (required)';
        if (issue.origin === 'string') return `Minimo ${String(issue.minimum)} caratteri (at least ${String(issue.minimum)} characters)`;
        if (issue.origin === 'array') return `Almeno ${String(issue.minimum)} elementi (at least ${String(issue.minimum)} items)`;
        return `Valore troppo piccolo: minimo ${String(issue.minimum)} (at least ${String(issue.minimum)})`;
      case 'too_big':
        if (issue.origin === 'string') return `Massimo ${String(issue.maximum)} caratteri (at most ${String(issue.maximum)} characters)`;
        if (issue.origin === 'array') return `Al massimo ${String(issue.maximum)} elementi (at most ${String(issue.maximum)} items)`;
        return `Valore troppo grande: massimo ${String(issue.maximum)} (at most ${String(issue.maximum)})`;
      case 'invalid_format':
        return `Formato non valido (invalid ${issue.format})`;
      case 'invalid_union':
        return 'Valore non valido (invalid value)';
      default:
        return undefined;
    }
  },
});
