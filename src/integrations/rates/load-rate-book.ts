import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { validateRateTable, type RateRow, type RateTable } from '../../domain/interest/rate-table.ts';
import type { RateBook } from '../../domain/interest/regimes.ts';

export const RATES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/rates');

type Record = { [column: string]: string };

function read(dir: string, file: string): Record[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record[];
}

function table(name: string, records: Record[], rateColumn: string, file: string): RateTable {
  const rows: RateRow[] = records
    .filter((r) => (r[rateColumn] ?? '') !== '')
    .map((r) => ({ from: r.valid_from!, to: r.valid_to ? r.valid_to : null, rate: r[rateColumn]!, source: r.source ?? file }));
  const t = { name, rows };
  try {
    validateRateTable(t);
  } catch (err) {
    throw new Error(`${file}: ${(err as Error).message}`);
  }
  return t;
}

/**
 * The statutory rate tables shipped in data/rates (each row with its source). The Italian +8 table
 * uses, before 2013, the only rate that existed (+7): D.Lgs. 192/2012 applies to contracts from 2013.
 */
export function loadRateBook(dir: string = RATES_DIR): RateBook {
  const detail = read(dir, 'it_late_payment_rate_detail.csv');
  const fr = read(dir, 'fr_taux_interet_legal.csv');
  return {
    itLegal: table('it-legal', read(dir, 'it_legal_rate.csv'), 'rate_percent', 'it_legal_rate.csv'),
    itCommercialPlus7: table('it-commercial (+7)', detail, 'rate_plus7_percent', 'it_late_payment_rate_detail.csv'),
    itCommercialPlus8: table('it-commercial', detail, 'applicable_for_new_contracts_percent', 'it_late_payment_rate_detail.csv'),
    ecbMro: table('ecb-mro', read(dir, 'ecb_mro.csv'), 'rate_percent', 'ecb_mro.csv'),
    deBasiszins: table('de-basiszins', read(dir, 'de_basiszins.csv'), 'rate_percent', 'de_basiszins.csv'),
    frLegalPrivate: table('fr-legal-private', fr, 'rate_percent_creancier_particulier', 'fr_taux_interet_legal.csv'),
    frLegalOther: table('fr-legal-other', fr, 'rate_percent_autres_cas', 'fr_taux_interet_legal.csv'),
  };
}
