import { CoreNlpClient, MAX_CHARS, ParserError } from './corenlp.js';

describe('CoreNlpClient', () => {
  it('refuses a text the server would refuse without sending it', async () => {
    // (nothing listens on port 1: a request would fail as PARSER_UNAVAILABLE instead)
    const client = new CoreNlpClient({ url: 'http://127.0.0.1:1', timeoutMs: 2000 });
    const refused = await client.parse('x'.repeat(MAX_CHARS + 1)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ParserError);
    expect((refused as ParserError).code).toBe('PARSER_REJECTED');
    const sent = await client.parse('Kenya backed the plan.').catch((error: unknown) => error);
    expect((sent as ParserError).code).toBe('PARSER_UNAVAILABLE');
  });
});
