import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePasswordList } from '../../domain/password-policy.ts';

/** The shipped list of common passwords (its sources are noted at the top of the file). */
export const COMMON_PASSWORDS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/passwords/common-passwords.txt');

let cached: ReadonlySet<string> | undefined;

/** Read once per process (about 5,000 lines). */
export function commonPasswords(): ReadonlySet<string> {
  cached ??= parsePasswordList(readFileSync(COMMON_PASSWORDS_FILE, 'utf8'));
  return cached;
}
