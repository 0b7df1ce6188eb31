import { encodeMessage, msg, type MessageCode } from '../messages/index.ts';
import { COMPONENT_KINDS, type ComponentKind } from '../model.ts';

/**
 * What a payment on a comune's position can settle: the act's stored components (model.ts
 * COMPONENT_KINDS) and the interest accrued after the act (art. 1 c. 165 L. 296/2006), which the
 * engine computes rather than stores. One list, so allocation orders and F24 lines name the same parts.
 */
export const MONEY_PARTS = [...COMPONENT_KINDS, 'accrued_interest'] as const;
export type MoneyPart = ComponentKind | 'accrued_interest';

/** A part's name as a coded message param ("spese di notifica"). */
export const partParam = (part: MoneyPart) => encodeMessage(msg(`municipal.component_${part}` as MessageCode));
