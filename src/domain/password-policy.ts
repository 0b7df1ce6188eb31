import { msg, type Message } from './messages/index.ts';

/**
 * What a password must not be, wherever one is set (a new user, a reset, the CLI). Pure: the list of
 * common passwords is passed in (data/passwords/common-passwords.txt, read by
 * integrations/passwords). Length is counted in characters, not bytes; there is no composition rule
 * ("one digit, one capital"): such rules make passwords like "Password1!" and guidance (NIST SP 800-63B
 * §5.1.1.2, NCSC) prefers length plus a check against known and guessable choices.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'blank' | 'too_short' | 'too_long' | 'email' | 'name' | 'common';

/** Why a password is refused, as a coded message (rendered in the reader's language). */
export const PASSWORD_MESSAGES: Record<PasswordProblem, Message> = {
  blank: msg('admin.password_blank'),
  too_short: msg('admin.password_too_short', { min: PASSWORD_MIN_LENGTH }),
  too_long: msg('admin.password_too_long', { max: PASSWORD_MAX_LENGTH }),
  email: msg('admin.password_email'),
  name: msg('admin.password_name'),
  common: msg('admin.password_common'),
};

export interface PasswordOwner {
  email?: string | null | undefined;
  name?: string | null | undefined;
}

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', '$': 's', '5': 's', '7': 't' };

const letters = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Digits and symbols around a word ("Password1234!", "2024estate") do not make it another password. */
function cores(lower: string): string[] {
  const trimmed = lower.replace(/^[^\p{L}]+/u, '').replace(/[^\p{L}]+$/u, '');
  const deleeted = [...lower].map((c) => LEET[c] ?? c).join('');
  const trimmedDeleeted = [...trimmed].map((c) => LEET[c] ?? c).join('');
  return [lower, trimmed, deleeted, trimmedDeleeted, letters(trimmed)].filter((c) => c.length > 0);
}

/** "aaaaaaaaaaaa", "ciaociaociao", "123456789012", "987654321098", "abcdefghijkl". */
function isGuessablePattern(lower: string): boolean {
  const chars = [...lower];
  for (let unit = 1; unit <= 4; unit++) {
    if (chars.length % unit === 0 && lower === chars.slice(0, unit).join('').repeat(chars.length / unit)) return true;
  }
  const steps = chars.slice(1).map((c, i) => {
    const a = chars[i]!.codePointAt(0)!;
    const b = c.codePointAt(0)!;
    return /\d/.test(c) && /\d/.test(chars[i]!) ? (b - a + 10) % 10 : b - a;
  });
  return steps.every((s) => s === 1) || steps.every((s) => s === 9 || s === -1);
}

/** The first reason a password is refused, or null. `common` holds lower-case passwords. */
export function passwordProblem(password: string, owner: PasswordOwner, common: ReadonlySet<string>): PasswordProblem | null {
  if (password.trim() === '') return 'blank';
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';

  const lower = password.toLowerCase();
  const compact = letters(password);
  const email = owner.email?.trim().toLowerCase() ?? '';
  if (email) {
    const local = email.split('@')[0] ?? '';
    // Compared as typed and with separators dropped ("mario.rossi" ~ "MarioRossi"); a piece shorter than
    // three letters would refuse half the passwords in the world.
    if ([email, local].some((p) => p.length >= 3 && lower.includes(p))) return 'email';
    if ([letters(email), letters(local)].some((p) => p.length >= 3 && compact.includes(p))) return 'email';
  }
  const name = owner.name?.trim().toLowerCase() ?? '';
  if (name) {
    // The whole name, and each part of it long enough to be the name rather than a syllable.
    const parts = [letters(name), ...name.split(/[\s'’.-]+/).map(letters)].filter((p) => p.length >= 4);
    if (parts.some((p) => compact.includes(p))) return 'name';
  }

  if (isGuessablePattern(lower)) return 'common';
  if (cores(lower).some((c) => common.has(c) || (c.length >= 3 && isGuessablePattern(c)))) return 'common';
  return null;
}

/** Parses the shipped list: one password a line, `#` starts a comment line. */
export function parsePasswordList(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const p = line.trim().toLowerCase();
    if (p && !p.startsWith('#')) out.add(p);
  }
  return out;
}
