/**
 * Splitting a bank entry into parts (Riconciliazione, issue 15): the amount still to allocate and the
 * server's errors of each part. Money stays exact: decimal strings → integer cents (BigInt), never a
 * float.
 */

/** "1234.5" → 123450n; null when it is not an exact decimal with at most two decimals. */
export function toCents(amount: string): bigint | null {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!m) return null;
  const [, sign, whole = '0', frac = ''] = m;
  const c = BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
  return sign ? -c : c;
}

/** 123450n → "1234.50" (the API's form). */
export function fromCents(c: bigint): string {
  const abs = c < 0n ? -c : c;
  return `${c < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/**
 * What is left to allocate: the entry's amount less the parts' amounts (API strings, null for a part
 * not yet readable, counted as nothing). Negative when the parts say more than the entry.
 */
export function splitRemainder(total: string, parts: readonly (string | null)[]): string {
  const t = toCents(total) ?? 0n;
  return fromCents(parts.reduce((left, p) => left - (p === null ? 0n : (toCents(p) ?? 0n)), t));
}

/** True when the parts make exactly the entry's amount and each is a positive amount. */
export function splitIsExact(total: string, parts: readonly (string | null)[]): boolean {
  return parts.length >= 2 && parts.every((p) => p !== null && (toCents(p) ?? 0n) > 0n) && splitRemainder(total, parts) === '0.00';
}

/**
 * The server's field errors by part: "parts.1.claimIds" goes to part 1 (as "claimIds"), a path with
 * no part ("parts", "", "claimIds" of a one-part assignment) goes to `general` — or to part 0 when
 * `single` (an assignment without parts names the one part's fields directly).
 */
export function errorsByPart(fields: readonly { path: string; message: string }[], single = false): { parts: Map<number, string[]>; general: string[] } {
  const parts = new Map<number, string[]>();
  const general: string[] = [];
  const add = (i: number, text: string) => parts.set(i, [...(parts.get(i) ?? []), text]);
  for (const f of fields) {
    const m = /^parts\.(\d+)(?:\.(.+))?$/.exec(f.path);
    if (m) add(Number(m[1]), f.message);
    else if (single && f.path && f.path !== '(body)') add(0, f.message);
    else general.push(f.message);
  }
  return { parts, general };
}
