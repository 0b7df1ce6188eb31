/**
 * How long a node holds an outbox message it is sending before another node may take it over.
 * Everything a send may wait for (DNS, connecting, the greeting, each reply, the whole message)
 * ends well before it, so no node can still be sending a message another node has taken over —
 * which would send the same notice to a debtor twice.
 */
export const OUTBOX_LEASE_SECONDS = 120;

export interface SmtpTimeouts {
  dnsTimeout: number;
  connectionTimeout: number;
  greetingTimeout: number;
  /** Inactivity on an open connection (one command's reply). */
  socketTimeout: number;
  /** The whole send of one message, from queueing to the server's 250: aborted past this. */
  sendDeadline: number;
}

/** SMTP time limits (milliseconds) for a lease: each phase and the whole send within a quarter of it. */
export function smtpTimeouts(leaseSeconds: number = OUTBOX_LEASE_SECONDS): SmtpTimeouts {
  const lease = leaseSeconds * 1000;
  return {
    dnsTimeout: Math.floor(lease / 12),
    connectionTimeout: Math.floor(lease / 12),
    greetingTimeout: Math.floor(lease / 12),
    socketTimeout: Math.floor(lease / 6),
    sendDeadline: Math.floor(lease / 4),
  };
}
