import { msg, translate, type Message } from '../messages/index.ts';

/** What a municipal rule answers: the value, or the coded problem (worded per language by the caller). */
export type Result<T> = { ok: true; value: T } | { ok: false; problem: Message };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(problem: Message): Result<T> => ({ ok: false, problem });

/** Input a municipal rule refuses: the coded reason (`message` is its Italian text) and the field. */
export class MunicipalInputError extends Error {
  readonly msg: Message;
  constructor(
    message: Message,
    readonly field: string,
  ) {
    super(translate(message, 'it'));
    this.name = 'MunicipalInputError';
    this.msg = message;
  }
}

/** The value of a result, or a MunicipalInputError naming `field`. */
export function unwrap<T>(r: Result<T>, field: string): T {
  if (!r.ok) throw new MunicipalInputError(r.problem, field);
  return r.value;
}

export { msg };
