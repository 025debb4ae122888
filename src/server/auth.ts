import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * An onRequest hook: with a token configured, every write (POST, PUT, PATCH, DELETE) needs
 * `Authorization: Bearer <token>`, else 401. Reads stay open. Compared in constant time.
 */
export function requireBearerForWrites(token: string) {
  const expected = digest(token);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!WRITE_METHODS.has(request.method)) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (match?.[1] !== undefined && timingSafeEqual(digest(match[1].trim()), expected)) return;
    await reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
  };
}

/** Loopback hosts the server may bind without a token. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
