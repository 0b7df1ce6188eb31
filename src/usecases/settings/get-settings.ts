import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../domain/policies.ts';
import { attributionDaysOf } from '../../domain/portal/agency-kpis.ts';
import { riskRulesOf } from '../../domain/risk/rules.ts';
import { authorize } from '../shared/authorize.ts';
import { complianceRulesOf } from '../shared/compliance-rules.ts';
import type { SettingsView } from './schema.ts';

/** The agency's settings: letterhead, the contact rules in force, its albo registration, the risk thresholds in force. */
export async function getSettings(db: Db, actor: Actor): Promise<SettingsView> {
  authorize(actor, 'read', 'settings');
  const t = await db.selectFrom('tenants').select(['name', 'kind', 'settings']).where('id', '=', actor.tenantId).executeTakeFirstOrThrow();
  return settingsView(t);
}

export function settingsView(t: { name: string; kind: 'agency' | 'company'; settings: Record<string, unknown> }): SettingsView {
  const s = t.settings;
  return {
    name: t.name,
    kind: t.kind,
    letterhead: (s.letterhead as SettingsView['letterhead'] | undefined) ?? null,
    compliance: complianceRulesOf(s),
    complianceIsDefault: s.compliance === undefined || s.compliance === null,
    albo: (s.albo as SettingsView['albo'] | undefined) ?? null,
    kpiAttributionDays: attributionDaysOf(s),
    riskRules: riskRulesOf(s.riskRules),
    riskRulesIsDefault: s.riskRules === undefined || s.riskRules === null,
  };
}
