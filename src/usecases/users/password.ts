import { randomInt } from 'node:crypto';
import { fieldError, invalid } from '../../domain/errors.ts';
import { PASSWORD_MESSAGES, passwordProblem, type PasswordOwner } from '../../domain/password-policy.ts';
import { commonPasswords } from '../../integrations/passwords/common-passwords.ts';

/** Refuses a password the policy does not accept, with the reason on the `password` field. */
export function assertAcceptablePassword(password: string, owner: PasswordOwner, path = 'password'): void {
  const problem = passwordProblem(password, owner, commonPasswords());
  if (problem) throw invalid([fieldError(path, PASSWORD_MESSAGES[problem].code, PASSWORD_MESSAGES[problem].params)]);
}

// No 0/O, 1/l/I: the password is read off a screen and typed in once.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Four groups of five random characters (about 116 bits), e.g. "k7Hq2-…". */
export function generateOneTimePassword(owner: PasswordOwner): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
    const candidate = groups.join('-');
    if (!passwordProblem(candidate, owner, commonPasswords())) return candidate;
  }
}
