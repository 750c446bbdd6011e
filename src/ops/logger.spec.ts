import { ConsoleLogger, Logger } from '@nestjs/common';
import { Writable } from 'node:stream';
import { signToken } from '../auth/tokens.js';
import { createLogger, logAccess, pinoLevel } from './logger.js';
import { requestScope } from './request-id.js';

/** A logger writing into an array, as createApp's would write to stdout. */
function capture(format: 'json' | 'text' = 'json', level: 'info' | 'debug' = 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((l) => l !== ''),
      );
      done();
    },
  });
  const logger = createLogger({ format, level, destination });
  return { logger, lines, json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const token = signToken('a-signing-secret-that-is-long-enough-0000', { sub: 'dev', role: 'editor', ttlSeconds: 60 });

describe('logs', () => {
  it('puts the request id on every line logged while serving a request, across awaits, and on no other', async () => {
    const { logger, json } = capture();
    const nest = new Logger('Ctx');
    Logger.overrideLogger(logger);
    try {
      await requestScope.run({ requestId: 'req-1' }, async () => {
        nest.log('first');
        await new Promise((r) => setTimeout(r, 5));
        logger.warn('after an await', 'Other');
        logger.pino.info({ rows: 3 }, 'straight to pino');
      });
      nest.log('outside');
    } finally {
      Logger.overrideLogger(new ConsoleLogger());
    }
    expect(json().map((l) => [l.msg, l.requestId])).toEqual([
      ['first', 'req-1'],
      ['after an await', 'req-1'],
      ['straight to pino', 'req-1'],
      ['outside', undefined],
    ]);
    expect(json()[0]).toMatchObject({
      level: 'info',
      context: 'Ctx',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('never writes an Authorization header, a cookie, a token field or a token inside a message', () => {
    const { logger, lines } = capture();
    const secrets = [
      token,
      'Basic dXNlcjpwYXNzd29yZA==',
      'sid=s3cr3t-cookie',
      'fixed-token-abcdefghijklmnopqrstuvwxyz',
    ];
    logger.pino.info(
      {
        req: {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, cookie: 'sid=s3cr3t-cookie', 'x-request-id': 'r' },
        },
      },
      'request in',
    );
    logger.pino.info({ connectionParams: { authorization: 'Basic dXNlcjpwYXNzd29yZA==' } }, 'socket');
    logger.pino.info(
      { token: 'fixed-token-abcdefghijklmnopqrstuvwxyz', nested: { deeper: { token } } },
      'token fields',
    );
    logger.log(`minted ${token} for you`, 'Auth');
    logger.warn(`refused Authorization: Bearer fixed-token-abcdefghijklmnopqrstuvwxyz`, 'Auth');
    logger.error(new Error(`bad header: Basic dXNlcjpwYXNzd29yZA==`), 'Auth');
    const text = lines.join('\n');
    expect(lines).toHaveLength(6);
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).not.toContain(token.split('.')[2]);
    expect(text).toContain('[redacted]');
    // What is not a credential stays readable.
    expect(text).toContain('"x-request-id":"r"');
    expect(text).toContain('refused Authorization: Bearer [redacted]');
  });

  it('keeps Nest’s levels and calling conventions', () => {
    const { logger, json } = capture();
    logger.debug('not at info');
    logger.verbose('nor this');
    logger.error('boom', 'Error: boom\n    at somewhere (file.js:1:1)', 'Ctx');
    logger.error('plain', 'Ctx');
    logger.log({ msg: 'structured', rows: 2 }, 'Ctx');
    logger.setLogLevels(['error', 'warn', 'log', 'debug']);
    logger.debug('now at debug');
    const out = json();
    expect(out.map((l) => [l.level, l.msg, l.context])).toEqual([
      ['error', 'boom', 'Ctx'],
      ['error', 'plain', 'Ctx'],
      ['info', 'structured', 'Ctx'],
      ['debug', 'now at debug', undefined],
    ]);
    expect(out[0].stack).toMatch(/at somewhere/);
    expect(out[2].rows).toBe(2);
    expect([
      pinoLevel(['error', 'warn']),
      pinoLevel(['fatal', 'error', 'warn', 'log']),
      pinoLevel(['log', 'verbose']),
    ]).toEqual(['warn', 'info', 'trace']);
  });

  it('writes one access line per request: method, route, status and ms, with health and metrics at debug', () => {
    const { logger, json } = capture();
    logAccess(logger, { requestId: 'r-1', method: 'POST', route: '/graphql', status: 200, ms: 12 });
    logAccess(logger, { requestId: 'r-2', method: 'GET', route: '/health/ready', status: 200, ms: 1 });
    logAccess(logger, { requestId: 'r-3', method: 'GET', route: '/metrics', status: 200, ms: 3 });
    expect(json()).toEqual([
      expect.objectContaining({
        level: 'info',
        context: 'HTTP',
        msg: 'request',
        requestId: 'r-1',
        method: 'POST',
        route: '/graphql',
        status: 200,
        ms: 12,
      }),
    ]);
    // The access lines follow the service's level as it changes.
    logger.setLogLevels(['error']);
    logAccess(logger, { requestId: 'r-4', method: 'POST', route: '/graphql', status: 200, ms: 5 });
    logger.setLogLevels(['error', 'warn', 'log', 'debug']);
    logAccess(logger, { requestId: 'r-5', method: 'GET', route: '/metrics', status: 200, ms: 2 });
    expect(json().map((l) => l.requestId)).toEqual(['r-1', 'r-5']);
    const verbose = capture('json', 'debug');
    logAccess(verbose.logger, { requestId: 'r-2', method: 'GET', route: '/health/ready', status: 200, ms: 1 });
    expect(verbose.json()).toEqual([expect.objectContaining({ level: 'debug', route: '/health/ready' })]);
  });

  it('writes short lines for people with STANCE_LOG_FORMAT=text, redacted alike', () => {
    const { logger, lines } = capture('text');
    requestScope.run({ requestId: 'req-7' }, () => logger.log(`hello with ${token}`, 'Ctx'));
    logAccess(logger, { requestId: 'req-8', method: 'GET', route: '/graphql', status: 404, ms: 2 });
    expect(lines).toHaveLength(2);
    expect(() => JSON.parse(lines[0])).toThrow();
    expect(lines[0]).toMatch(/INFO.*\[Ctx\] \(req-7\) hello with sg1\.\[redacted\]/);
    expect(lines[1]).toMatch(/\[HTTP\] \(req-8\) GET \/graphql 404 2 ms/);
    expect(lines.join('\n')).not.toContain(token);
  });
});
