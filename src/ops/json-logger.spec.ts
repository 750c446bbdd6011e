import { JsonLogger } from './json-logger.js';
import { requestScope } from './request-id.js';

describe('JSON logs', () => {
  it('writes one JSON object per line, with the request id of the request being served', () => {
    const lines: string[] = [];
    const logger = new JsonLogger(['log', 'error'], (line) => lines.push(line));
    requestScope.run({ requestId: 'req-1' }, () => logger.log('hello', 'Ctx'));
    logger.error('boom', 'stack here', 'Ctx');
    logger.debug('not at this level');
    const [first, second] = lines.map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(first).toMatchObject({ level: 'info', context: 'Ctx', msg: 'hello', requestId: 'req-1' });
    expect(second).toMatchObject({ level: 'error', context: 'Ctx', msg: 'boom', stack: 'stack here' });
    expect(second.requestId).toBeUndefined();
  });
});
