import { describe, expect, it } from 'vitest';
import { properCaseName } from './names.ts';

describe('properCaseName', () => {
  it.each([
    ['MARIO ROSSI', 'Mario Rossi'],
    ['DE LUCA', 'De Luca'],
    ['GIUSEPPE DI MAIO', 'Giuseppe Di Maio'],
    ['ANNA DELLA VALLE', 'Anna Della Valle'],
    ["D'ANGELO", "D'Angelo"],
    ['ROSA DELL’ORTO', 'Rosa Dell’Orto'],
    ['NICCOLÒ MÜLLER-SÀNTORO', 'Niccolò Müller-Sàntoro'],
    ['ÉLODIE BÖSCH-ÉGLOFF', 'Élodie Bösch-Égloff'],
    ['OTTO VON BISMARCK', 'Otto von Bismarck'],
    ['CARLO ALBERTO II', 'Carlo Alberto II'],
    ['  MARIO   ROSSI ', 'Mario Rossi'],
  ])('%s → %s', (input, out) => expect(properCaseName(input)).toBe(out));

  it.each([
    'Mario Rossi',
    'McDonald',
    'de Gasperi Alcide',
    'ROSSI MARIO S.R.L.',
    'FERRAMENTA DELL’ORTO SRL',
    'EDILIZIA BIANCHI S.P.A.',
    'BAR SPORT SNC',
    'ROSSI & C. SAS',
    'ZÜRCHER HANDEL GMBH',
    'BÜHLER AG',
    'NESTLÉ SA',
    'ACME S. R. L.',
    'BMW ITALIA',
    'RTL 102.5',
    'A.B.C. IMPIANTI',
    '3M ITALIA',
    '',
  ])('leaves %j as it is', (input) => expect(properCaseName(input)).toBe(input));
});
