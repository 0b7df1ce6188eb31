import type { DB } from '../../db/schema.ts';
import { validateRevenueRules } from '../../domain/municipal/revenue-rules.ts';
import { present } from '../shared/present.ts';
import type { CreditorView } from './schema.ts';
import type { Selectable } from 'kysely';

/**
 * A creditor as the API shows it. A comune's regulation is shown whole: the fields it stored over
 * the law's defaults (a regulation may set only its points).
 */
export function creditorView(row: Selectable<DB['creditors']>): CreditorView {
  const view = present(row) as unknown as CreditorView;
  if (row.revenue_rules) {
    const rules = validateRevenueRules(row.revenue_rules);
    view.revenueRules = rules.ok ? (rules.rules as CreditorView['revenueRules']) : null;
  }
  return view;
}
