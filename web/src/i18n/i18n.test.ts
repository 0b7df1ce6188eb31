import { describe, expect, it as test } from 'vitest';
import { de } from './de';
import { en } from './en';
import { fr } from './fr';
import { interpolate } from './index';
import { it } from './it';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  for (const [name, dict] of Object.entries({ en, de, fr })) {
    test(`${name} has every Italian key, no other, none empty, same placeholders`, () => {
      expect(Object.keys(dict).sort()).toEqual(Object.keys(it).sort());
      for (const [key, text] of Object.entries(dict)) {
        expect(text.trim(), `${name}:${key}`).not.toBe('');
        expect(placeholders(text), `${name}:${key}`).toEqual(placeholders(it[key as keyof typeof it]));
      }
    });
  }

  test('the Italian login form uses the labels the browser tests look for', () => {
    expect(it['login.email']).toBe('Email');
    expect(it['login.password']).toBe('Password');
    expect(it['login.submit']).toBe('Accedi');
  });
});

describe('interpolate', () => {
  test('fills placeholders and leaves unknown ones', () => {
    expect(interpolate('{from}–{to} di {total}', { from: 1, to: 25, total: 80 })).toBe('1–25 di 80');
    expect(interpolate('da {actor}', {})).toBe('da {actor}');
  });
});
