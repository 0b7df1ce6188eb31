/**
 * A seeded generator of interest cases for the benchmark: mixed regimes, 0–20 years late within the
 * range of each regime's rate table, 0–3 part payments, some costs, all four day counts.
 *
 *   npx tsx bench/interest/generate.ts [--cases 1000000] [--seed 1] > cases.jsonl
 */
import { pathToFileURL } from 'node:url';
import type { InterestCase } from '../../src/domain/interest/compute.ts';
import type { RateTable } from '../../src/domain/interest/rate-table.ts';
import type { RateBook, Regime } from '../../src/domain/interest/regimes.ts';
import { loadRateBook } from '../../src/integrations/rates/load-rate-book.ts';

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const toIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Statements are drawn up to this day (the shipped tables reach the end of 2026). */
const AS_OF = '2026-12-31';
const MAX_LATE_DAYS = 20 * 365 + 5;

function window(table: RateTable): [number, number] {
  const first = table.rows[0]!.from;
  const last = table.rows[table.rows.length - 1]!.to;
  return [toDay(first), toDay(last === null || last > AS_OF ? AS_OF : last)];
}

interface Kind {
  regime: Regime;
  weight: number;
  table: (b: RateBook) => RateTable;
  extra?: (r: () => number, due: number) => Partial<InterestCase>;
}

const FIXED_RATES = ['5', '8.5', '10', '12.25', '3.1416', '0.5', '6', '9.75'];
const flatTable = { name: 'flat', rows: [{ from: '1990-01-01', to: null, rate: '0', source: '' }] };

const KINDS: Kind[] = [
  {
    regime: 'it-legal',
    weight: 20,
    table: (b) => b.itLegal,
    // One in ten with a judicial claim (art. 1284 c.4 switches to the commercial rate, table to 2026).
    extra: (r, due) => (r() < 0.1 ? { judicialClaimDate: toIso(Math.max(due + 1, toDay('2014-12-11')) + Math.floor(r() * 400)) } : {}),
  },
  {
    regime: 'it-commercial',
    weight: 25,
    table: (b) => b.itCommercialPlus8,
    extra: (r, due) => (r() < 0.1 ? { contractDate: toIso(due - Math.floor(r() * 700)) } : {}),
  },
  { regime: 'ch', weight: 8, table: () => flatTable, extra: (r) => ({ currency: r() < 0.9 ? 'CHF' : 'EUR' }) },
  { regime: 'de-consumer', weight: 8, table: (b) => b.deBasiszins, extra: () => ({ debtorKind: 'consumer' }) },
  { regime: 'de-business', weight: 10, table: (b) => b.deBasiszins },
  { regime: 'fr-legal-private', weight: 5, table: (b) => b.frLegalPrivate },
  { regime: 'fr-legal-other', weight: 4, table: (b) => b.frLegalOther },
  { regime: 'fr-commercial', weight: 8, table: (b) => b.ecbMro },
  { regime: 'fixed', weight: 6, table: () => flatTable, extra: (r) => ({ rate: FIXED_RATES[Math.floor(r() * FIXED_RATES.length)]! }) },
  {
    regime: 'spread',
    weight: 4,
    table: (b) => b.itLegal,
    extra: (r) => ({ base: 'it-legal', spread: r() < 0.7 ? '3' : '2.5' }), // Italian local taxes: legal rate + points
  },
  { regime: 'none', weight: 2, table: () => flatTable },
];

const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** Principal in cents: mostly €10 – €1M (log-uniform), some cents, some up to €10^12. */
function principalCents(r: () => number): number {
  const u = r();
  if (u < 0.01) return 1 + Math.floor(r() * 1000);
  if (u < 0.015) return Math.floor(10 ** (11 + 3 * r()));
  return Math.floor(10 ** (3 + 5 * r()));
}

export function* generateCases(book: RateBook, n: number, seed = 1): Generator<InterestCase> {
  const r = prng(seed);
  const total = KINDS.reduce((s, k) => s + k.weight, 0);
  const windows = KINDS.map((k) => window(k.table(book)));
  for (let i = 0; i < n; i++) {
    let pick = r() * total;
    let ki = 0;
    while (pick >= KINDS[ki]!.weight) pick -= KINDS[ki++]!.weight;
    const kind = KINDS[ki]!;
    const [lo, hi] = windows[ki]!;
    const late = Math.min(Math.floor(r() * MAX_LATE_DAYS), hi - lo);
    const paid = lo + late + Math.floor(r() * (hi - lo - late + 1));
    const due = paid - late;
    const p = principalCents(r);
    const c: InterestCase = { principal: money(p), due: toIso(due), paid: toIso(paid), regime: kind.regime };
    Object.assign(c, kind.extra?.(r, due));
    if (c.judicialClaimDate && c.judicialClaimDate > c.paid) delete c.judicialClaimDate;
    const d = r();
    if (d < 0.07) c.dayCount = 'act366';
    else if (d < 0.14) c.dayCount = 'act360';
    else if (d < 0.2) c.dayCount = '30e360';
    const np = Math.floor(r() * 4);
    if (np > 0) {
      c.payments = [];
      for (let k = 0; k < np; k++) {
        const v = r();
        const day = v < 0.1 ? due : v < 0.15 ? paid : v < 0.2 ? due - Math.floor(r() * 30) : due + Math.floor(r() * (paid - due + 1));
        const amount = r() < 0.05 ? p + Math.floor(r() * p) + 100 : Math.max(1, Math.floor(p * (0.05 + 0.5 * r())));
        c.payments.push({ date: toIso(day), amount: money(amount) });
      }
    }
    if (r() < 0.3) {
      c.costs = [];
      for (let k = 1 + Math.floor(r() * 2); k > 0; k--) {
        // Costs fall due between the due date and the end date (a later one is refused).
        c.costs.push({ date: toIso(due + Math.floor(r() * (paid - due + 1))), amount: money(500 + Math.floor(r() * 20000)), label: 'spese' });
      }
    }
    yield c;
  }
}

export function generate(book: RateBook, n: number, seed = 1): InterestCase[] {
  return [...generateCases(book, n, seed)];
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

if (process.argv[1]?.endsWith('generate.ts') && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const book = loadRateBook();
  const out: string[] = [];
  for (const c of generateCases(book, arg('cases', 1_000_000), arg('seed', 1))) {
    out.push(JSON.stringify(c));
    if (out.length === 10_000) process.stdout.write(out.splice(0).join('\n') + '\n');
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}
