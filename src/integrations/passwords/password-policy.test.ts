import { describe, expect, it } from 'vitest';
import { LOCALES, translate } from '../../domain/messages/index.ts';
import { PASSWORD_MESSAGES, passwordProblem } from '../../domain/password-policy.ts';
import { commonPasswords } from './common-passwords.ts';

// The domain rule with the list shipped in data/passwords.
const common = commonPasswords();
const owner = { email: 'Mario.Rossi@Comune-Esempio.it', name: 'Mario Rossi' };
const check = (p: string, o = owner) => passwordProblem(p, o, common);

describe('password policy', () => {
  it('ships a list of a few thousand common passwords, Italian ones included', () => {
    expect(common.size).toBeGreaterThan(5000);
    for (const p of ['123456', 'password', 'qwertyuiop', 'incasso', 'juventus', 'primavera', 'ciaociao']) expect(common.has(p), p).toBe(true);
  });

  it('refuses blank and whitespace-only passwords', () => {
    for (const p of ['', ' ', '            ', '\t\n              ']) expect(check(p), JSON.stringify(p)).toBe('blank');
  });

  it('wants at least 12 characters, counted as characters', () => {
    expect(check('Xk9#mQ2$vL7')).toBe('too_short');
    expect(check('Xk9#mQ2$vL7w')).toBeNull();
    expect(check('àèìòùàèìòùz')).toBe('too_short'); // 11 characters, 21 bytes
    expect(check('x'.repeat(150) + 'Kq9w'.repeat(13))).toBe('too_long');
  });

  it('refuses the e-mail or its local part, in any case, also inside the password', () => {
    for (const p of ['mario.rossi@comune-esempio.it', 'MARIO.ROSSI2024!', 'xx-Mario.Rossi-xx', 'mariorossi-segreta']) expect(check(p), p).toBe('email');
    expect(check('segreta-lunga-kq9', { email: 'kq9@x.it', name: '' })).toBe('email');
    // A short local part is no reason to refuse every password that contains its letters.
    expect(check('abbazia-sul-lago-7', { email: 'a.b@x.it', name: '' })).toBeNull();
  });

  it('refuses the user’s name, whole or a part of it', () => {
    const o = { email: 'm.r@x.it', name: 'Giovanna Bianchi-Ferri' };
    for (const p of ['GiovannaBianchi77', 'ferri-ferri-x9Q', 'x9Q bianchi x9Q']) expect(check(p, o), p).toBe('name');
  });

  it('refuses common passwords and the usual decorations of them', () => {
    for (const p of [
      'password1234',
      'Password1234!',
      'qwertyuiop12',
      'QwertyUiop!!',
      'incasso2024!!',
      'Incasso12345',
      'primavera2025',
      'Estate2024!!',
      'forzajuve1897',
      'P@ssw0rd2024',
      '123456789012',
      '987654321098',
      'aaaaaaaaaaaa',
      'ciaociaociao',
      'abcdefghijkl',
      '2024dicembre!',
    ]) {
      expect(check(p), p).toBe('common');
    }
  });

  it('accepts a long, unremarkable password', () => {
    for (const p of ['correct horse battery staple', 'Tr3no-per-Bergamo-alle-7', 'vK8#q2!mZ0pLw', 'la mia bici è verde e veloce']) expect(check(p), p).toBeNull();
  });

  it('has a coded message for each reason, worded in every language', () => {
    for (const m of Object.values(PASSWORD_MESSAGES)) {
      expect(m.code).toMatch(/^admin\.password_/);
      for (const locale of LOCALES) expect(translate(m, locale)).not.toMatch(/[{}()]/);
    }
    expect(translate(PASSWORD_MESSAGES.too_short, 'it')).toBe('Password di almeno 12 caratteri');
    expect(translate(PASSWORD_MESSAGES.too_short, 'de')).toBe('Das Passwort braucht mindestens 12 Zeichen');
  });
});
