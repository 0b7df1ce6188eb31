import { noticeCodeAux3 } from '../domain/municipal/pagopa.ts';
import { uniqueCodiceFiscale } from './factories.ts';

/**
 * A comune's "lista di carico" as its tax office exports it: no document-number column (references are
 * built), amounts split into components with their F24 codes, the act, the pagoPA notice code, the
 * cadastral code and an IBAN. Good rows and one of each mistake the import must refuse with its reason.
 */
export function comuneListCsv(opts: { cadastralCode: string; iban: string; iuvBase: number; takenNotice?: string }) {
  const notice = (n: number) => noticeCodeAux3('12', String(opts.iuvBase + n).padStart(13, '0'));
  const spaced = (code: string) => code.replace(/(\d{4})/g, '$1 ').trim();
  const good = notice(1);
  const bad = `${notice(5).slice(0, 16)}${notice(5).endsWith('00') ? '01' : '00'}`;
  const cf = Array.from({ length: 12 }, () => uniqueCodiceFiscale());
  const headers = [
    'Codice fiscale', 'Contribuente', 'Tributo', "Anno d'imposta", 'Tipo atto', 'Numero atto', 'Data atto', 'Data notifica', 'Data esecutività',
    'Codice tributo', 'Imposta', 'TEFA', 'Codice tributo sanzioni', 'Sanzioni', 'Codice tributo interessi', 'Interessi', 'Spese di notifica',
    'Totale dovuto', 'Scadenza', 'Codice avviso', 'Codice catastale', 'IBAN',
  ];
  const row = (v: Partial<Record<(typeof headers)[number], string>>) => headers.map((h) => v[h] ?? '').join(';');
  const base = (i: number, name: string) => ({ 'Codice fiscale': cf[i]!, Contribuente: name, 'Codice catastale': opts.cadastralCode });
  const imuAct = { 'Tipo atto': 'Avviso di accertamento esecutivo', 'Data atto': '20/12/2024', 'Data notifica': '08/01/2025', 'Data esecutività': '09/03/2025', Scadenza: '09/03/2025' };
  const lines = [
    // 2: IMU accertamento: tax, sanctions, interest, notification costs; the comune's own account
    row({ ...base(0, 'ROSSI MARIO'), ...imuAct, Tributo: 'IMU', "Anno d'imposta": '2022', 'Numero atto': 'ACC 118', 'Codice tributo': '3918', Imposta: '1.000,00', 'Codice tributo sanzioni': '3924', Sanzioni: '300,00', 'Codice tributo interessi': '3923', Interessi: '85,50', 'Spese di notifica': '10,00', 'Totale dovuto': '1.395,50', 'Codice avviso': spaced(good), IBAN: opts.iban }),
    // 3: TARI with TEFA: two tax components, 3944 and TEFA; no total column value
    row({ ...base(1, 'BIANCHI LUCIA'), Tributo: 'TARI', "Anno d'imposta": '2023', 'Tipo atto': 'Avviso bonario', 'Numero atto': 'B2023/77', 'Data atto': '15/03/2024', 'Codice tributo': '3944', Imposta: '200,00', TEFA: '10,00', Scadenza: '30/04/2024', 'Codice avviso': notice(2) }),
    // 4: a CdS verbale: one amount, no components
    row({ ...base(2, 'VERDI GIULIO'), Tributo: 'Multa', "Anno d'imposta": '2024', 'Tipo atto': 'Verbale', 'Numero atto': 'V-5521', 'Data atto': '01/02/2025', 'Data notifica': '05/02/2025', 'Totale dovuto': '173,00', Scadenza: '07/04/2025', 'Codice avviso': notice(3), 'Codice catastale': '' }),
    // 5: IMU sollecito with only its amount: one principal; another IBAN (kept, noted)
    row({ ...base(3, 'NERI ANNA'), Tributo: 'IMU', "Anno d'imposta": '2021', 'Tipo atto': 'Sollecito', 'Numero atto': 'S12', 'Totale dovuto': '450,00', Scadenza: '31/05/2024', IBAN: 'IT60X0542811101000000123456' }),
    // 6: a wrong mod-93 check
    row({ ...base(4, 'GIALLI PAOLO'), ...imuAct, Tributo: 'IMU', "Anno d'imposta": '2022', 'Numero atto': 'ACC 119', Imposta: '500,00', 'Totale dovuto': '500,00', 'Codice avviso': bad }),
    // 7: components that do not make the stated total
    row({ ...base(5, 'BRUNI CARLA'), ...imuAct, Tributo: 'IMU', "Anno d'imposta": '2022', 'Numero atto': 'ACC 120', Imposta: '500,00', Sanzioni: '150,00', 'Totale dovuto': '700,00', 'Codice avviso': notice(6) }),
    // 8: the notice code of line 2 again
    row({ ...base(6, 'NERI LUCA'), ...imuAct, Tributo: 'IMU', "Anno d'imposta": '2022', 'Numero atto': 'ACC 121', Imposta: '80,00', 'Codice avviso': good }),
    // 9: another comune's cadastral code
    row({ ...base(7, 'FERRI ELSA'), ...imuAct, Tributo: 'IMU', "Anno d'imposta": '2022', 'Numero atto': 'ACC 122', Imposta: '90,00', 'Codice catastale': 'Z999' }),
    // 10: notified before the act was issued
    row({ ...base(8, 'CONTI ALDO'), ...imuAct, Tributo: 'IMU', "Anno d'imposta": '2022', 'Numero atto': 'ACC 123', 'Data atto': '10/01/2025', Imposta: '95,00' }),
  ];
  if (opts.takenNotice) {
    // 11: a notice code another position of the comune already has
    lines.push(row({ ...base(9, 'MORI IRENE'), ...imuAct, Tributo: 'IMU', "Anno d'imposta": '2022', 'Numero atto': 'ACC 124', Imposta: '60,00', 'Codice avviso': opts.takenNotice }));
  }
  return { csv: [headers.join(';'), ...lines].join('\n') + '\n', cf, notices: { good, tari: notice(2), cds: notice(3), bad, expected: notice(5).slice(16) } };
}
