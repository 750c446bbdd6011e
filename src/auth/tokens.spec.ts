import { createHmac } from 'node:crypto';
import { parseTtl, sameToken, signToken, verifyToken } from './tokens.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

describe('signed bearer tokens', () => {
  it('round-trips role, subject and expiry', () => {
    const token = signToken(SECRET, { sub: 'alice', role: 'editor', ttlSeconds: 60, now: 1_700_000_000_000 });
    expect(token).toMatch(/^sg1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const result = verifyToken(SECRET, token, 1_700_000_030_000);
    expect(result).toEqual({
      ok: true,
      claims: { sub: 'alice', role: 'editor', iat: 1_700_000_000, exp: 1_700_000_060 },
    });
  });

  it('refuses expired tokens, other secrets, tampered payloads and garbage', () => {
    const token = signToken(SECRET, { sub: 'a', role: 'reader', ttlSeconds: 60, now: 0 });
    expect(verifyToken(SECRET, token, 61_000)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyToken(`${SECRET}x`, token, 1000)).toEqual({ ok: false, reason: 'signature' });
    const [prefix, , sig] = token.split('.');
    const admin = Buffer.from(JSON.stringify({ sub: 'a', role: 'admin', iat: 0, exp: 9e9 })).toString('base64url');
    expect(verifyToken(SECRET, `${prefix}.${admin}.${sig}`, 1000)).toEqual({ ok: false, reason: 'signature' });
    for (const junk of ['', 'sg1', 'sg1..', 'sg1.a.b.c', 'x'.repeat(5000), 'sg2.a.b'])
      expect(verifyToken(SECRET, junk).ok).toBe(false);
  });

  it('refuses a correctly signed payload with an unknown role', () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'a', role: 'root', iat: 0, exp: 9e9 })).toString('base64url');
    const sig = createHmac('sha256', SECRET).update(`sg1.${payload}`).digest('base64url');
    expect(verifyToken(SECRET, `sg1.${payload}.${sig}`, 1000)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('compares fixed tokens whatever their lengths', () => {
    expect(sameToken('abc', 'abc')).toBe(true);
    expect(sameToken('abc', 'abcd')).toBe(false);
  });

  it('reads ttls', () => {
    expect(parseTtl('30d')).toBe(2_592_000);
    expect(parseTtl('90m')).toBe(5400);
    expect(parseTtl('3600')).toBe(3600);
    expect(parseTtl('0')).toBeNull();
    expect(parseTtl('400d')).toBeNull();
    expect(parseTtl('1y')).toBeNull();
  });
});
