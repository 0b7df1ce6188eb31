import { DEFAULT_STRATEGY, STRATEGY_TEMPLATES, TEMPLATE_INFO, TEMPLATE_KEYS, templateDescription } from '../../domain/dunning/index.ts';
import { DEFAULT_LOCALE, translate, type Locale } from '../../domain/messages/index.ts';
import type { Actor } from '../../domain/policies.ts';
import { authorize } from '../shared/authorize.ts';
import { STRATEGY_TEMPLATE_KEYS, type StrategyTemplatesView } from './schema.ts';

/**
 * The shipped strategies (Italian B2B — the default —, Italian B2C, Swiss, comune) with their steps,
 * and the message templates a step may use (described in `locale`), for the screen where a strategy is
 * made and edited.
 */
export function listStrategyTemplates(actor: Actor, locale: Locale = DEFAULT_LOCALE): StrategyTemplatesView {
  authorize(actor, 'read', 'strategy');
  return {
    defaultKey: DEFAULT_STRATEGY,
    strategies: STRATEGY_TEMPLATE_KEYS.map((key) => ({ key, name: STRATEGY_TEMPLATES[key].name, steps: structuredClone(STRATEGY_TEMPLATES[key].steps) })),
    messageTemplates: TEMPLATE_KEYS.map((key) => ({
      key,
      tier: TEMPLATE_INFO[key].tier,
      audience: TEMPLATE_INFO[key].audience,
      description: translate(templateDescription(key), locale),
    })),
  };
}
