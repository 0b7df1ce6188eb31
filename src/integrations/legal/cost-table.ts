import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { costTableProblems, type LegalCostTable } from '../../domain/legal/cost-benefit.ts';

/** The shipped table of expected legal costs; `INCASSO_LEGAL_COSTS` names another file of the same shape. */
export const LEGAL_COSTS_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/legal/legal-costs.json');

let cached: { file: string; table: LegalCostTable } | undefined;

/** The legal cost table, read once per file and checked (bands, status, source on every row). */
export function legalCostTable(file = process.env.INCASSO_LEGAL_COSTS || LEGAL_COSTS_FILE): LegalCostTable {
  if (cached?.file === file) return cached.table;
  const table = (JSON.parse(fs.readFileSync(file, 'utf8')) as { jurisdictions: LegalCostTable }).jurisdictions;
  const problems = costTableProblems(table);
  if (problems.length) throw new Error(`legal cost table ${file}: ${problems.join('; ')}`);
  cached = { file, table };
  return table;
}
