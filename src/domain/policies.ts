/**
 * Who may do what. Checked inside every use case (never only in the UI or the route).
 * Row scoping (tenant, and a viewer's single creditor) is done by the queries; this decides actions.
 */
/**
 * `law_firm` (issue 17 item 7): an external law firm's user. It sees the legal dossiers handed over to
 * it and nothing else — no claim, debtor, creditor or list of the agency — and records their outcome and
 * costs. The HTTP layer lets it reach only its own routes (http/auth.ts `LAW_FIRM_ROUTES`), and the
 * dossier use cases select by `legal_handoffs.firm_user_id = actor.userId`.
 */
export const ROLES = ['admin', 'supervisor', 'operator', 'viewer', 'law_firm'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  tenantId: string;
  /** null for the system itself (CLI, scheduler, demo loader). */
  userId: string | null;
  role: Role;
  /** A viewer sees one creditor's data only. */
  creditorId: string | null;
  /** How the audit log names this actor, e.g. "user:m.rossi@example.it" or "system:cli". */
  label: string;
  requestId?: string | undefined;
  ip?: string | undefined;
}

export type Resource =
  | 'creditor'
  | 'debtor'
  | 'contact'
  | 'address'
  | 'claim'
  | 'payment'
  | 'note'
  | 'user'
  | 'audit'
  /**
   * Statutory rate periods: every tenant reads them; none writes them. They belong to the
   * installation, so only its operator adds or corrects a period (`InstallationOperator`, the CLI).
   */
  | 'rate'
  /** Giving up a creditor's money (a fee, costs): a supervisor's decision, recorded with who and why. */
  | 'waiver'
  /** Loading a creditor's portfolio file: creates and changes claims in bulk. */
  | 'import'
  /** Collection strategies of a creditor: what is sent, when, at what cost — a supervisor's decision. */
  | 'strategy'
  /** Dunning runs, print batches, phone tasks: acting on the debtors' communications. */
  | 'communication'
  /** The agency's own settings: letterhead, contact rules, albo registration — an administrator's. */
  | 'settings'
  /** The phone desk's work queues and who works them: a supervisor's decision; agency-internal. */
  | 'queue'
  /**
   * The desk's supervision: the board of every operator's figures, moving work between operators,
   * correcting an outcome, closing the reviews of debtors the desk sent out of its queues. A
   * supervisor's; an operator sees neither colleagues' figures nor corrects outcomes.
   */
  | 'supervision'
  /**
   * Instalment plans beyond the creditor's rules (issue 15): approving or rejecting a proposed plan
   * and granting the one extension of c.798 — a supervisor's (or the comune's) decision. Proposing and
   * cancelling a plan is work on the claims (`update claim`).
   */
  | 'plan_approval'
  /**
   * Reversing a payment (a returned direct debit, a bounced cheque, money booked to the wrong debtor):
   * it reopens claims and re-splits later payments — a supervisor's decision, with a reason.
   */
  | 'reversal'
  /** Offering a settlement (saldo e stralcio) within the creditor's mandate; beyond it a supervisor approves ('waiver'). */
  | 'settlement'
  /**
   * How the agency is paid (issue 16): a creditor's mandate terms (aggio, fees, VAT, remittance) and
   * the remittance statements. Set and issued by an administrator or supervisor; the creditor's own
   * users read theirs; operators neither (the agency's business with its clients).
   */
  | 'commission'
  /**
   * Issuing a discharge report (relazione di scarico, issue 16 item 6): sealing the agency's account of a
   * mandate to the creditor — an administrator's or a supervisor's. Everyone, a creditor's viewer
   * included (its own creditor only), reads and previews them.
   */
  | 'discharge_report'
  /**
   * The reports sent to a creditor by e-mail on a schedule (issue 16 item 3): which, how often, to whom —
   * set by an administrator or supervisor as the creditor asks; the creditor's users read theirs.
   */
  | 'report_schedule'
  /**
   * Queries between the agency and the creditor about a position (issue 16 item 4): everyone reads the
   * queries they see (a creditor's viewer its own creditor's only, by the queries' scoping); the agency
   * (operator and up) opens them ('create'); either side replies with text ('update') — the ONE write a
   * creditor's viewer has, and only a viewer bound to a creditor.
   */
  | 'query'
  /**
   * The creditor's answer to a query (confirmed, corrected amount, annulled in autotutela, already
   * paid, plan approved or rejected, position taken back): the creditor's own viewer gives it; an
   * agency administrator or supervisor may record an answer the creditor gave by PEC or phone (the
   * audit event says so). Never an operator: the agency does not answer for its client.
   */
  | 'query_answer'
  /**
   * The legal hand-off (issue 17 item 7): the cost/benefit sheet is read by every agency role; handing a
   * claim over to a law firm is a supervisor's or administrator's decision; the law firm's user reads the
   * dossiers handed to it (scoped by the queries to its own) and records their outcome and costs.
   */
  | 'legal_dossier';
export type Action = 'read' | 'create' | 'update';

const WRITE: Record<Exclude<Role, 'viewer' | 'law_firm'>, ReadonlySet<Resource>> = {
  admin: new Set(['creditor', 'debtor', 'contact', 'address', 'claim', 'payment', 'note', 'user', 'waiver', 'import', 'strategy', 'communication', 'settings', 'queue', 'supervision', 'plan_approval', 'reversal', 'settlement', 'commission', 'discharge_report', 'report_schedule', 'legal_dossier']),
  supervisor: new Set(['creditor', 'debtor', 'contact', 'address', 'claim', 'payment', 'note', 'waiver', 'import', 'strategy', 'communication', 'queue', 'supervision', 'plan_approval', 'reversal', 'settlement', 'commission', 'discharge_report', 'report_schedule', 'legal_dossier']),
  operator: new Set(['debtor', 'contact', 'address', 'claim', 'payment', 'note', 'communication', 'settlement']),
};

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  // A law firm reads its dossiers and records their outcome: nothing else, whatever the resource.
  if (actor.role === 'law_firm') return resource === 'legal_dossier' && (action === 'read' || action === 'update');
  // A creditor's viewer sees its own data, not the agency's users or settings.
  if (action === 'read') {
    if (resource === 'supervision' || resource === 'plan_approval') return actor.role === 'admin' || actor.role === 'supervisor';
    if (resource === 'commission') return actor.role !== 'operator';
    return (resource !== 'user' || actor.role === 'admin') && ((resource !== 'settings' && resource !== 'queue') || actor.role !== 'viewer');
  }
  // A creditor's viewer is read-only everywhere except its side of the queries on its creditor's positions.
  if (actor.role === 'viewer') return actor.creditorId !== null && ((resource === 'query' && action === 'update') || (resource === 'query_answer' && action === 'create'));
  if (resource === 'query_answer') return action === 'create' && (actor.role === 'admin' || actor.role === 'supervisor');
  if (resource === 'query') return true;
  return WRITE[actor.role].has(resource);
}

/**
 * Whoever runs the installation (not a tenant's user): the only one who adds or corrects statutory
 * rate periods, which change every tenant's interest. Reached through the CLI on the server.
 */
export interface InstallationOperator {
  kind: 'installation-operator';
  /** Who entered it, kept with the change (e.g. "ops:anna@host"). */
  label: string;
}

export function installationOperator(label: string): InstallationOperator {
  const l = label.trim();
  if (l.length < 2 || l.length > 200) throw new RangeError('operator label: 2–200 characters');
  return { kind: 'installation-operator', label: l };
}

/**
 * The actor a creditor's answer runs the position's own use cases as (approving a plan, recording the
 * payment the creditor reports), once the answer itself was authorized (`create query_answer`): it
 * keeps the answering user's label and creditor scoping, with the rights a supervisor has to carry out
 * the creditor's decision. Never handed to anything but the answer's own steps.
 */
export function answeringActor(actor: Actor): Actor {
  if (!can(actor, 'create', 'query_answer')) throw new RangeError('answeringActor: the actor may not answer queries');
  return { ...actor, role: 'supervisor' };
}

export function systemActor(tenantId: string, label = 'system'): Actor {
  return { tenantId, userId: null, role: 'admin', creditorId: null, label: `system:${label}` };
}
