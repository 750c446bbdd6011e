import { jest } from '@jest/globals';
import type { AppConfig } from '../common/config/config.js';
import { AuthService } from './auth.service.js';
import { signToken } from './tokens.js';

const SECRET = 'a-test-secret-of-enough-length-000000';
const service = () =>
  new AuthService({ auth: { secret: SECRET, tokens: [], openReads: false } } as unknown as AppConfig);

describe('AuthService, remembered tokens', () => {
  afterEach(() => jest.restoreAllMocks());

  it('answers a token it verified before as before, until the token expires', () => {
    const auth = service();
    const start = Date.now();
    const token = signToken(SECRET, { sub: 'analyst', role: 'reader', ttlSeconds: 60, now: start });
    // With its expiry, so that a WebSocket connection can be closed when its token runs out.
    const expiresAt = (Math.floor(start / 1000) + 60) * 1000;
    expect(auth.authenticate(`Bearer ${token}`)).toEqual({
      kind: 'principal',
      role: 'reader',
      subject: 'analyst',
      expiresAt,
    });
    expect(auth.authenticate(`Bearer ${token}`)).toEqual({
      kind: 'principal',
      role: 'reader',
      subject: 'analyst',
      expiresAt,
    });
    jest.spyOn(Date, 'now').mockReturnValue(start + 61_000);
    expect(auth.authenticate(`Bearer ${token}`)).toEqual({ kind: 'invalid', reason: 'the token has expired' });
  });

  it('never remembers a token that does not verify', () => {
    const auth = service();
    const token = signToken('another-secret-of-enough-length-00000', { sub: 'mallory', role: 'admin', ttlSeconds: 60 });
    expect(auth.authenticate(`Bearer ${token}`).kind).toBe('invalid');
    expect(auth.authenticate(`Bearer ${token}`).kind).toBe('invalid');
  });
});
