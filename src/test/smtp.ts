import { connect, createServer, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/**
 * A real SMTP server in the test process (smtp-server), parsing what it receives (mailparser).
 * `failNext(n, code)` makes the next n deliveries fail with that reply (451: try later; 550: no
 * such mailbox), to exercise retries and permanent failures; `stallNext(n)` makes the next n
 * deliveries go silent after the message's final dot (no reply ever: the client cannot know
 * whether it was accepted; the server drops it).
 */
export async function startSmtpServer(): Promise<{
  url: string;
  received: ReceivedMail[];
  failNext(n: number, code?: number): void;
  stallNext(n: number): void;
  rejectRecipient(address: string): void;
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  let failures = 0;
  let failCode = 451;
  let stalls = 0;
  const rejected = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (rejected.has(address.address.toLowerCase())) {
        const err = new Error('5.1.1 No such mailbox') as Error & { responseCode: number };
        err.responseCode = 550;
        return cb(err);
      }
      cb();
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (stalls > 0) {
          stalls--;
          return;
        }
        if (failures > 0) {
          failures--;
          const err = new Error(failCode >= 500 ? '5.7.1 Refused' : '4.3.0 Try again later') as Error & { responseCode: number };
          err.responseCode = failCode;
          return cb(err);
        }
        simpleParser(Buffer.concat(chunks))
          .then((m) => {
            const to = Array.isArray(m.to) ? m.to[0]?.text : m.to?.text;
            received.push({ messageId: m.messageId ?? '', to: to ?? '', subject: m.subject ?? '', text: m.text ?? '', html: typeof m.html === 'string' ? m.html : null, attachments: m.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })) });
            cb();
          })
          .catch((err: Error) => cb(err));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext(n, code = 451) {
      failures = n;
      failCode = code;
    },
    stallNext(n) {
      stalls = n;
    },
    rejectRecipient(address) {
      rejected.add(address.toLowerCase());
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A TCP server in front of a real SMTP server: the first `silent` connections are accepted and never
 * answered (no greeting, as a hung server does); later ones are passed through to `targetUrl`.
 */
export async function startSilentFront(targetUrl: string, silent: number): Promise<{ url: string; connections(): number; close(): Promise<void> }> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let count = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    if (count++ < silent) return;
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => socket.destroy());
    socket.pipe(upstream).pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
