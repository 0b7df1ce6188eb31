import type { FastifyInstance, FastifyRequest } from 'fastify';
import { msg, translate, type Message } from '../domain/messages/index.ts';

/** An error the error handler maps to its status with this message (see errors.ts). */
export class BodyEncodingError extends Error {
  readonly code = 'INCASSO_BODY_ENCODING';
  constructor(
    readonly statusCode: 400 | 415,
    readonly msg: Message,
  ) {
    super(translate(msg, 'it'));
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies are UTF-8 (RFC 8259 §8.1). The default parser decodes leniently, so a body in another
 * encoding was stored with U+FFFD in place of its letters; here a body declared in another charset is
 * refused with 415 and a body that is not valid UTF-8 with 400, before anything reads it.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req: FastifyRequest, body: Buffer, done) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      done(new BodyEncodingError(415, msg('http.unsupported_charset', { charset })), undefined);
      return;
    }
    let text: string;
    try {
      text = utf8.decode(body);
    } catch {
      done(new BodyEncodingError(400, msg('http.invalid_utf8')), undefined);
      return;
    }
    void parseJson(req, text, done);
  });
}
