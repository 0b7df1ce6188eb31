import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumMoney, toMoneyString } from '../domain/money.ts';
import { scratchPostgres } from '../test/db.ts';
import { startServer, type ServerProcess } from '../test/server-process.ts';

/**
 * Real kills: a payment is posted and the server process is SIGKILLed a moment later — before,
 * during or after its transaction commits, and in any case before the client hears back. After a
 * restart the client retries with the same idempotency key. Whatever the timing, the money is
 * recorded exactly once and the claim's balance moves exactly once.
 */
let env: Record<string, string>;
let cleanup: () => Promise<void>;
let server: ServerProcess | undefined;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const scratch = await scratchPostgres();
    env = { DATABASE_URL: scratch.url, INCASSO_DEMO: '1' }; // a PostgreSQL start loads the demo only when asked
    cleanup = scratch.drop;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'incasso-crash-'));
    env = { INCASSO_DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '' };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
afterAll(async () => {
  await server?.stop();
  await cleanup();
}, 60_000);

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'operatore@demo.incasso.test', password: 'incasso-demo' }),
  });
  expect(res.status).toBe(200);
  return /incasso_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
}

const api = (url: string, cookie: string, method: string, p: string, body?: unknown) =>
  fetch(`${url}${p}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });

describe('crash safety', () => {
  it('never records a payment twice nor loses it across kills and retries', { timeout: 240_000 }, async () => {
    server = await startServer(env); // first start: migrations and demo data
    let cookie = await login(server.url);
    const list = (await (await api(server.url, cookie, 'GET', '/api/claims?status=open&currency=EUR&sort=principal&order=desc&pageSize=1')).json()) as {
      items: unknown[];
    };
    const claim = list.items[0] as { id: string; debtorId: string; creditorId: string; principalPaid: string; issueDate: string | null; dueDate: string };
    expect(claim).toBeDefined();

    const amounts = ['1.01', '1.02', '1.03'];
    const delays = [0, 10, 40];
    let answeredBeforeKill = 0;
    for (const [i, amount] of amounts.entries()) {
      const body = {
        debtorId: claim.debtorId,
        creditorId: claim.creditorId,
        amount,
        currency: 'EUR',
        // Paid on the day it was issued: never before the claim, never in the future (the demo is of today).
        valueDate: claim.issueDate ?? claim.dueDate,
        method: 'bank_transfer',
        claimIds: [claim.id],
        idempotencyKey: `crash-test-${i}-${claim.id}`,
      };
      const inFlight = api(server.url, cookie, 'POST', '/api/payments', body).then(
        (r) => r.status,
        () => 'no answer' as const,
      );
      await new Promise((r) => setTimeout(r, delays[i]));
      await server.kill();
      if ((await inFlight) === 201) answeredBeforeKill++;

      server = await startServer(env);
      cookie = await login(server.url);
      const retry = await api(server.url, cookie, 'POST', '/api/payments', body);
      expect(retry.status, await retry.clone().text()).toBe(201);
    }

    const payments = (await (await api(server.url, cookie, 'GET', `/api/payments?claimId=${claim.id}&pageSize=200`)).json()) as { items: { amount: string }[] };
    const ours = (payments.items as { amount: string }[]).map((p) => p.amount).filter((a) => amounts.includes(a));
    expect(ours.sort()).toEqual(amounts);
    const after = (await (await api(server.url, cookie, 'GET', `/api/claims/${claim.id}`)).json()) as { principalPaid: string };
    expect(after.principalPaid).toBe(toMoneyString(sumMoney([claim.principalPaid, ...amounts])));
    // Informational: how many of the killed requests had already been answered.
    console.log(`crash-safety: ${answeredBeforeKill}/${amounts.length} requests answered before the kill`);
  });
});
