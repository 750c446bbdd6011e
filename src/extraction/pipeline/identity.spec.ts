import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalise } from './normalise.js';
import {
  NEAR_DUPLICATE_THRESHOLD,
  exactIdentity,
  findNearDuplicate,
  jaccardEstimate,
  jaccardExact,
  shingles,
  signatureOf,
  splitRevisions,
} from './identity.js';

const SEEDS = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
const seed = (prefix: string): string => {
  const file = [
    '000_d77b003d2e3f13e1.txt',
    '001_d2d2ee27944cb027.txt',
    '002_9eeac597d1877c74.txt',
    '003_b85e76c97da190c9.txt',
  ].find((f) => f.startsWith(prefix))!;
  return normalise(readFileSync(SEEDS + file, 'utf8'));
};

const STORY = [
  'Ministers from five coastal states met in Lisbon on Tuesday to discuss a shared fisheries agreement.',
  'Portugal proposed a joint patrol scheme, while Spain asked for more time to study the costs involved.',
  'Morocco said it would welcome the patrols if the quotas were revised before the next season began.',
  'Officials expect a draft text by the autumn, although several delegations remain sceptical about enforcement.',
  'The talks will continue in Rabat next month, according to a statement released after the meeting.',
].join('\n\n');

describe('identity', () => {
  it('hashes the normalised body exactly', () => {
    expect(exactIdentity('abc')).toBe(exactIdentity('abc'));
    expect(exactIdentity('abc')).not.toBe(exactIdentity('abd'));
    expect(exactIdentity('x')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('computes deterministic 128-value signatures', () => {
    const a = signatureOf(STORY);
    expect(a).toHaveLength(128);
    expect(signatureOf(STORY)).toEqual(a);
    expect(jaccardEstimate(a, a)).toBe(1);
  });

  it('estimates Jaccard close to the exact value', () => {
    const edited = STORY.replace('Tuesday', 'Wednesday').replace('sceptical', 'doubtful');
    const exact = jaccardExact(shingles(STORY), shingles(edited));
    const est = jaccardEstimate(signatureOf(STORY), signatureOf(edited));
    expect(Math.abs(exact - est)).toBeLessThan(0.15);
    expect(est).toBeGreaterThan(NEAR_DUPLICATE_THRESHOLD);
  });

  it('finds the best near duplicate above the threshold', () => {
    const candidates = [
      {
        id: 'other',
        signature: signatureOf('A completely different report about trade tariffs and steel exports in the region.'),
      },
      { id: 'reprint', signature: signatureOf(`${STORY}\n\nSubscribe to read more stories like this one.`) },
    ];
    expect(findNearDuplicate(signatureOf(STORY), candidates)?.candidate.id).toBe('reprint');
    expect(findNearDuplicate(signatureOf('Nothing in common here at all, really.'), candidates)).toBeNull();
  });

  it('splits a text that holds two revisions of one story', () => {
    const revised = STORY.replace('five coastal states', 'five Atlantic states').replace(
      'would welcome',
      'could accept',
    );
    const text = `${STORY}\n\n${revised}`;
    const segs = splitRevisions(text);
    expect(segs).toHaveLength(2);
    expect(text.slice(segs[1].start, segs[1].start + 20)).toBe(revised.slice(0, 20));
    expect(splitRevisions(STORY)).toEqual([{ start: 0, end: STORY.length }]);
  });

  (existsSync(SEEDS) ? describe : describe.skip)('on the seed articles', () => {
    it('sees the two outlets of one wire story as near duplicates, and nothing else', () => {
      const [s0, s1, s2, s3] = ['000', '001', '002', '003'].map((p) => signatureOf(seed(p)));
      const same = jaccardEstimate(s0, s1);
      expect(same).toBeGreaterThan(NEAR_DUPLICATE_THRESHOLD + 0.1);
      expect(jaccardEstimate(s0, s2)).toBeLessThan(0.1);
      expect(jaccardEstimate(s0, s3)).toBeLessThan(0.1);
      console.log(
        `MinHash similarity 000~001 = ${same.toFixed(2)}, 000~002 = ${jaccardEstimate(s0, s2).toFixed(2)}, 000~003 = ${jaccardEstimate(s0, s3).toFixed(2)}`,
      );
    });

    it('finds the two revisions inside 003', () => {
      const text = seed('003');
      const segs = splitRevisions(text);
      expect(segs).toHaveLength(2);
      expect(segs[0].start).toBe(0);
      expect(segs[1].end).toBe(text.length);
      expect(splitRevisions(seed('000'))).toHaveLength(1);
      expect(splitRevisions(seed('002'))).toHaveLength(1);
    });
  });
});
