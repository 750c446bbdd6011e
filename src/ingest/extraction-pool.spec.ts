import { readdirSync, readFileSync } from 'node:fs';
import { adversarialTexts, extractArticle, type KnownEntities } from '../extraction/index.js';
import { DomainError, ErrorCode } from '../common/errors/error-code.js';
import { ExtractionPool } from './extraction-pool.js';

const ARTICLE = {
  text: 'Kenya backed the ceasefire plan for Sudan on Monday, officials said.',
  publishedOn: '2024-05-10',
};
const KNOWN: KnownEntities = {
  actors: [
    {
      id: 'ana-lopez',
      name: 'Ana Lopez',
      kind: 'PERSON',
      aliases: [],
      representsId: 'kenya',
      role: 'Foreign Minister',
    },
  ],
  proposals: [{ id: 'ceasefire-plan-for-sudan', name: 'Ceasefire plan for Sudan', aliases: [] }],
};
/** An article at the length limit that takes a while to read (a second or so). */
const SLOW = { text: adversarialTexts(200_000).find((a) => a.name === 'one-sentence')!.text };
/** Five times the limit (the pool itself has none): far longer than a second to read on any machine. */
const HUGE = { text: adversarialTexts(1_000_000).find((a) => a.name === 'one-sentence')!.text };

const LONG = 120_000;

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'OK';
  } catch (error) {
    return error instanceof DomainError ? error.code : `${(error as Error).name}: ${(error as Error).message}`;
  }
};

/** Each thread of this process and its nice value (Linux: field 19 of /proc/<pid>/task/<tid>/stat). */
const threadNice = (): Map<number, number> =>
  new Map(
    readdirSync('/proc/self/task').map((tid) => {
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
      return [Number(tid), Number(fields[16])] as const;
    }),
  );

/** The workers run the TypeScript sources here (Jest), the build in production: the same pipeline. */
describe('ExtractionPool', () => {
  it(
    'runs its workers at the nice value it is given, the event loop at its own',
    async () => {
      const before = threadNice();
      const pool = new ExtractionPool({ workers: 1, budgetMs: 60_000, queue: 1, nice: 7 });
      await pool.start();
      try {
        const added = [...threadNice()].filter(([tid]) => !before.has(tid));
        expect(added.some(([, nice]) => nice === 7)).toBe(true);
        expect(threadNice().get(process.pid)).toBe(before.get(process.pid));
      } finally {
        await pool.close();
      }
    },
    LONG,
  );

  describe('reading articles', () => {
    const pool = new ExtractionPool({ workers: 1, budgetMs: 60_000, queue: 8 });
    beforeAll(() => pool.start(), LONG);
    afterAll(() => pool.close());

    it(
      'reads an article as the pipeline does in-process',
      async () => {
        expect(await pool.extract(ARTICLE, KNOWN)).toEqual(extractArticle(ARTICLE, KNOWN));
      },
      LONG,
    );

    it(
      'sends a worker the gazetteer once per content, not once per article',
      async () => {
        const before = pool.stats().gazetteersSent;
        const copy = JSON.parse(JSON.stringify(KNOWN)) as KnownEntities;
        await pool.extract(ARTICLE, copy);
        await pool.extract(ARTICLE, KNOWN);
        expect(pool.stats().gazetteersSent).toBe(before);
        const grown: KnownEntities = {
          ...KNOWN,
          proposals: [...KNOWN.proposals, { id: 'grain-deal', name: 'Grain deal', aliases: [] }],
        };
        expect((await pool.extract(ARTICLE, grown)).proposals.map((p) => p.id)).toContain('ceasefire-plan-for-sudan');
        expect(pool.stats().gazetteersSent).toBe(before + 1);
      },
      LONG,
    );

    it(
      'refuses at once when the queue is full',
      async () => {
        const small = new ExtractionPool({ workers: 1, budgetMs: 60_000, queue: 1 });
        await small.start();
        try {
          const running = small.extract(SLOW, KNOWN);
          const waiting = small.extract(ARTICLE, KNOWN);
          const refused = await codeOf(small.extract(ARTICLE, KNOWN));
          expect(refused).toBe(ErrorCode.SERVICE_UNAVAILABLE);
          expect(await codeOf(running)).toBe('OK');
          expect(await codeOf(waiting)).toBe('OK');
        } finally {
          await small.close();
        }
      },
      LONG,
    );
  });

  it(
    'stops an article past its budget with EXTRACTION_TIMEOUT, and the next article is read by a new worker',
    async () => {
      const pool = new ExtractionPool({ workers: 1, budgetMs: 1000, queue: 4 });
      await pool.start();
      try {
        const slow = pool.extract(HUGE, KNOWN);
        const next = pool.extract(ARTICLE, KNOWN);
        await expect(slow).rejects.toMatchObject({ code: ErrorCode.EXTRACTION_TIMEOUT, field: 'text' });
        // the budget runs from when a worker takes the article, once the new worker has loaded
        expect(await codeOf(next)).toBe('OK');
        expect(pool.stats()).toMatchObject({ workers: 1, running: 0, waiting: 0 });
      } finally {
        await pool.close();
      }
    },
    LONG,
  );

  it(
    'answers SERVICE_UNAVAILABLE to what is waiting when it closes, and then to anything new',
    async () => {
      const pool = new ExtractionPool({ workers: 1, budgetMs: 60_000, queue: 4 });
      await pool.start();
      const running = codeOf(pool.extract(SLOW, KNOWN));
      const waiting = codeOf(pool.extract(ARTICLE, KNOWN));
      await pool.close();
      expect(await running).toBe(ErrorCode.SERVICE_UNAVAILABLE);
      expect(await waiting).toBe(ErrorCode.SERVICE_UNAVAILABLE);
      expect(await codeOf(pool.extract(ARTICLE, KNOWN))).toBe(ErrorCode.SERVICE_UNAVAILABLE);
    },
    LONG,
  );

  it(
    'fails to start, saying so, when the worker has not been built',
    async () => {
      const pool = new ExtractionPool(
        { workers: 1, budgetMs: 1000, queue: 1 },
        new URL('file:///nonexistent/dist/ingest/extraction.worker.js'),
      );
      await expect(pool.start()).rejects.toThrow(
        /extraction worker .* is missing: build the service \(npm run build\)/,
      );
    },
    LONG,
  );
});
