import { complianceRulesSchema, ITALIAN_DEFAULTS, type ComplianceRules } from '../../domain/dunning/index.ts';
import { invalid } from '../../domain/errors.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';

/**
 * A tenant's contact rules (`tenants.settings.compliance`); the Italian defaults (UNIREC code, Garante
 * 2005) when none are set. Rules that are set but invalid are refused rather than replaced: contacting
 * debtors under rules nobody chose is worse than not contacting them. The dunning run and the phone
 * tasks read them here, so they can never disagree.
 */
export function complianceRulesOf(settings: Record<string, unknown>): ComplianceRules {
  const configured = settings.compliance;
  if (configured === undefined || configured === null) return ITALIAN_DEFAULTS;
  const parsed = complianceRulesSchema.safeParse(configured);
  if (!parsed.success) {
    throw invalid(
      [{ path: 'settings.compliance', message: parsed.error.issues[0]?.message ?? encodeMessage(msg('field.invalid')) }],
      msg('dunning.invalid_contact_rules'),
    );
  }
  return parsed.data as ComplianceRules;
}
