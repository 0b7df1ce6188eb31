import { z } from 'zod';
import { computeStatement, InterestInputError, type InterestCase, type Statement } from '../../domain/interest/compute.ts';
import { DAY_COUNTS } from '../../domain/interest/day-count.ts';
import type { RateBook } from '../../domain/interest/regimes.ts';
import { fieldError, invalid } from '../../domain/errors.ts';
import { encodeMessage, msg } from '../../domain/messages/index.ts';
import { isoDate, positiveMoneyAmount } from '../../domain/fields.ts';
import { CURRENCIES, DEBTOR_KINDS, INTEREST_REGIMES } from '../../domain/model.ts';

/**
 * One interest case as the CLI, the batch mode and the API take it. Field checks with specific
 * messages happen in the engine, so every caller gets the same ones.
 */
/** An optional text field: "" means "not given" (forms send empty inputs), never a value. */
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));

export const InterestCaseInput = z
  .object({
    principal: z.string().max(40),
    due: z.string().max(20),
    paid: z.string().max(20),
    regime: z.enum(INTEREST_REGIMES, {
      error: encodeMessage(msg('interest.unknown_regime_any', { allowed: INTEREST_REGIMES.join(', ') })),
    }),
    currency: z.enum(CURRENCIES).optional(),
    contractDate: optionalText(20),
    judicialClaimDate: optionalText(20),
    dayCount: z.enum(DAY_COUNTS).optional(),
    rate: optionalText(20),
    base: z.enum(INTEREST_REGIMES).nullish(),
    spread: optionalText(20),
    debtorKind: z.enum(DEBTOR_KINDS).nullish(),
    // Checked here with the shared field rules, so every bad row is reported at once.
    payments: z.array(z.object({ date: isoDate, amount: positiveMoneyAmount }).strict()).max(1000).optional(),
    costs: z
      .array(z.object({ date: isoDate, amount: positiveMoneyAmount, label: z.string().max(200) }).strict())
      .max(1000)
      .optional(),
    flatCompensation: z.boolean().optional(),
  })
  .strict();

export type InterestCaseInput = z.input<typeof InterestCaseInput>;

/** Computes a statement, turning the engine's input errors into field errors. Pure: no database. */
export function computeInterest(book: RateBook, input: unknown): Statement {
  const parsed = InterestCaseInput.safeParse(input);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message })));
  }
  try {
    return computeStatement(book, parsed.data as InterestCase);
  } catch (err) {
    if (err instanceof InterestInputError) throw invalid([fieldError(err.field, err.msg.code, err.msg.params)], err.msg);
    throw err;
  }
}
