/**
 * The discharge report's PDF alone, from rows made in memory (no database): the renderer's own CPU
 * time and memory, for profiling (`node --cpu-prof --import tsx bench/reports/pdf-alone.ts`).
 *
 *   npx tsx bench/reports/pdf-alone.ts [--positions 50000] [--out FILE]
 *
 * The rows look like bench/reports/run.ts's mandate (references R-0000001…, one taxpayer each, IMU and
 * TARI over four tax years, a tenth each paid, paid in part, in a plan, annulled).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { buildDischargeReport, type PositionInput } from '../../src/domain/discharge/report.ts';
import { inMemory } from '../../src/integrations/reports/discharge-header.ts';
import { renderDischargePdf } from '../../src/integrations/reports/discharge-pdf.ts';

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const N = Number(value('positions') ?? 50_000);
const out = value('out');

const position = (n: number): PositionInput => {
  const loaded = `${100 + (n % 500)}.37`;
  const cents = Math.round(Number(loaded) * 100);
  const paidCents = n % 10 === 0 ? cents : n % 10 === 1 ? Math.round(cents * 0.4) : 0;
  const paid = (paidCents / 100).toFixed(2);
  const tax = ((Math.round(cents * 0.8)) / 100).toFixed(2);
  const sanctions = ((cents - Math.round(cents * 0.8)) / 100).toFixed(2);
  return {
    claimId: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
    reference: `R-${String(n).padStart(7, '0')}`,
    taxpayer: `Cognome${n} Nome`,
    taxId: null,
    revenue: n % 2 === 0 ? 'imu' : 'tari',
    taxYear: 2019 + (n % 4),
    currency: 'EUR',
    loaded,
    storedPaid: paid,
    status: n % 10 === 0 ? 'paid' : n % 10 === 1 ? 'partially_paid' : n % 10 === 2 ? 'in_plan' : n % 10 === 3 ? 'written_off' : 'in_collection',
    writtenOffBy: null,
    components: [
      { kind: 'tax', amount: tax, collected: (Math.min(paidCents, Math.round(cents * 0.8)) / 100).toFixed(2), waived: '0' },
      { kind: 'sanctions', amount: sanctions, collected: (Math.max(0, paidCents - Math.round(cents * 0.8)) / 100).toFixed(2), waived: '0' },
    ],
    otherCollected: '0',
    debtor: { deceased: n % 10 === 5, ceased: false, hardship: false, debtorId: `d${n}` },
    activity: { attempts: n % 10 === 4 ? 2 : 0, rightParty: 0, letters: 0, plans: n % 10 === 2 ? 1 : 0 },
    planRunning: n % 10 === 2,
    noCallableContact: n % 10 === 4,
    lastOutcomeEffect: null,
  };
};

const report = buildDischargeReport('2026-12-31', Array.from({ length: N }, (_, i) => position(i + 1)), false);
const doc = inMemory(report);
const rows = report.rows;
const input = {
  ...doc,
  rows: async function* () {
    for (let i = 0; i < rows.length; i += 5000) yield rows.slice(i, i + 5000);
  },
  locale: 'it' as const,
  creditorName: 'Comune di Bench',
  load: null,
};
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const t = performance.now();
const c0 = process.cpuUsage();
const pdf = await renderDischargePdf(input);
const u = process.cpuUsage(c0);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(
  `pdf of ${N} positions: ${(pdf.length / 1024 / 1024).toFixed(1)} MB, ${((performance.now() - t) / 1000).toFixed(1)} s, ${((u.user + u.system) / 1e6).toFixed(1)} s cpu, peak rss ${(peak / 1024 / 1024).toFixed(0)} MB; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
);
console.log(`sha256 ${createHash('sha256').update(pdf).digest('hex')}`);
if (out) writeFileSync(out, pdf);
