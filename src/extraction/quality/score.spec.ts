import {
  GoldIndex,
  formatTable,
  phraseNorm,
  scoreArticles,
  scoreLinks,
  type GoldFile,
  type ScoredStance,
} from './score.js';

const gold: GoldFile = {
  proposals: [
    { name: 'Grain corridor', aliases: ['Black Sea grain deal', 'grain export corridor'] },
    { name: 'Border fence', aliases: ['joint border fence'] },
  ],
  actors: [
    { name: 'Russia', aliases: ['Moscow', 'the Kremlin'] },
    { name: 'Turkey', aliases: ['Ankara'] },
    { name: 'Ana Lopez', aliases: ['Ana López'] },
  ],
  articles: [
    {
      file: 'a.txt',
      stances: [
        {
          actor: 'Russia',
          speaker: null,
          proposal: 'Grain corridor',
          position: 'OPPOSE',
          cue: ['reject'],
          conditions: ['sanctions are lifted'],
          statedOn: '2023-07-17',
        },
        {
          actor: 'Turkey',
          speaker: 'Ana Lopez',
          proposal: 'Grain corridor',
          position: 'SUPPORT',
          cue: ['welcomed'],
          conditions: [],
          statedOn: null,
        },
      ],
    },
    { file: 'b.txt', stances: 'same as a.txt' },
  ],
};

const st = (o: Partial<ScoredStance>): ScoredStance => ({
  actor: 'Moscow',
  proposal: { name: 'Rejoin the Black Sea grain deal', aliases: [] },
  position: 'OPPOSE',
  speaker: null,
  cue: 'will reject',
  conditions: ['Western sanctions are lifted'],
  statedOn: '2023-07-17',
  ...o,
});

describe('score', () => {
  it('normalises phrases for tolerant matching', () => {
    expect(phraseNorm('The Black-Sea  grain deal')).toBe(' black sea grain deal ');
    // a leading possessive pronoun is no part of a name; one inside stays
    expect(phraseNorm('its December 3, 2023 referendum')).toBe(' december 3 2023 referendum ');
    expect(phraseNorm('a referendum on its claim')).toBe(' referendum on its claim ');
  });

  it('maps actors by alias and proposals by contained gold aliases', () => {
    const idx = new GoldIndex(gold);
    expect(idx.actor('the Kremlin')).toBe('Russia');
    expect(idx.actor('Ana López')).toBe('Ana Lopez');
    expect(idx.proposal({ name: 'Rejoin the Black Sea grain deal', aliases: [] })).toBe('Grain corridor');
    expect(idx.proposal({ name: 'Fence', aliases: ['build a joint border fence'] })).toBe('Border fence');
    expect(idx.proposal({ name: 'Something else', aliases: [] })).toBe('Something else');
  });

  it('scores triples and attributes per article and overall', () => {
    const report = scoreArticles(gold, [
      {
        file: 'a.txt',
        stances: [
          st({}),
          st({
            actor: 'Ankara',
            position: 'SUPPORT',
            speaker: 'Ana López',
            cue: 'welcomed',
            conditions: [],
            statedOn: null,
          }),
        ],
      },
      { file: 'b.txt', stances: [st({ statedOn: '2023-07' }), st({ actor: 'Turkey', position: 'OPPOSE' })] },
    ]);
    expect(report.articles[0]).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
    expect(report.articles[0].attributes).toEqual({
      speaker: 2,
      cue: 2,
      conditions: 2,
      statedOn: 2,
      effectiveOn: 2,
      matched: 2,
    });
    expect(report.articles[1]).toMatchObject({ tp: 1, fp: 1, fn: 1 });
    expect(report.articles[1].attributes.statedOn).toBe(0);
    expect(report.overall).toMatchObject({ tp: 3, fp: 1, fn: 1 });
    expect(report.overall.f1).toBeCloseTo(0.75);
    const table = formatTable(report);
    expect(table).toContain('OVERALL');
    expect(table).toContain('spurious b.txt: Turkey | Grain corridor | OPPOSE');
  });

  it("counts a proposal right only by its gold name, a gold wording, or the article's own wording (the real corpus rule)", () => {
    const real: GoldFile = {
      ...gold,
      articles: [
        {
          file: 'r.txt',
          stances: [],
          mentions: [
            { text: 'the grain export deal', proposal: 'Grain corridor' },
            { text: 'a border fence proposal from Turkey', proposal: 'Border fence' },
            { text: 'the deal', proposal: 'Grain corridor', backReference: true },
          ],
        },
      ],
    };
    const idx = new GoldIndex(real);
    expect(idx.proposalIn({ name: 'Grain export deal', aliases: [] }, 'r.txt')).toBe('Grain corridor');
    expect(idx.proposalIn({ name: 'Black Sea grain deal', aliases: [] }, 'r.txt')).toBe('Grain corridor');
    expect(idx.proposalIn({ name: 'Made up', aliases: ['the grain export deal'] }, 'r.txt')).toBe('Grain corridor');
    expect(idx.proposalIn({ name: 'Border fence proposal', aliases: [] }, 'r.txt')).toBe('Border fence');
    // a clause that contains a wording, a back-reference, a one-word name: not names of it
    expect(idx.proposalIn({ name: 'rejoin the Black Sea grain deal', aliases: [] }, 'r.txt')).toBe(
      'rejoin the Black Sea grain deal',
    );
    expect(idx.proposalIn({ name: 'the deal', aliases: [] }, 'r.txt')).toBe('the deal');
    expect(idx.proposalIn({ name: 'Deal', aliases: ['the deal'] }, 'r.txt')).toBe('Deal');
    // an article without mentions keeps the tolerant rule
    expect(idx.proposalIn({ name: 'rejoin the Black Sea grain deal', aliases: [] }, 'a.txt')).toBe('Grain corridor');
  });

  it('accepts a date one day off, and reports figures per position and for conditional stances', () => {
    const report = scoreArticles(gold, [
      {
        file: 'a.txt',
        stances: [st({ statedOn: '2023-07-18' }), st({ actor: 'Turkey', position: 'NONCOMMITTAL', conditions: [] })],
      },
    ]);
    expect(report.articles[0].attributes.statedOn).toBe(1);
    expect(report.byPosition.OPPOSE).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(report.byPosition.SUPPORT).toMatchObject({ tp: 0, fp: 0, fn: 1 });
    expect(report.byPosition.NONCOMMITTAL).toMatchObject({ tp: 0, fp: 1, fn: 0 });
    expect(report.byPosition.conditional).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    const two = scoreArticles(gold, [{ file: 'a.txt', stances: [st({ statedOn: '2023-07-19' })] }]);
    expect(two.articles[0].attributes.statedOn).toBe(0);
  });

  it('scores proposal linking on every gold mention: right, linked elsewhere, or not found', () => {
    const real: GoldFile = {
      ...gold,
      articles: [
        {
          file: 'r.txt',
          stances: [],
          mentions: [
            { text: 'the Black Sea grain deal', proposal: 'Grain corridor' },
            { text: 'the deal', proposal: 'Grain corridor', backReference: true },
            { text: 'a joint border fence', proposal: 'Border fence' },
          ],
        },
      ],
    };
    const text = 'Russia left the Black Sea grain deal. Turkey wants the deal back and a joint border fence.';
    const span = (w: string, from = 0) => ({
      charStart: text.indexOf(w, from),
      charEnd: text.indexOf(w, from) + w.length,
    });
    const links = scoreLinks(real, [
      {
        file: 'r.txt',
        text,
        proposals: [
          { name: 'Black Sea grain deal', aliases: [], mentions: [span('Black Sea grain deal')] },
          { name: 'Deal back', aliases: [], mentions: [span('the deal back')] },
        ],
      },
    ]);
    expect(links).toMatchObject({ mentions: 3, located: 3, right: 1, wrong: 1, missed: 1 });
    expect(links.misses).toEqual([
      { file: 'r.txt', wording: 'the deal', proposal: 'Grain corridor', got: 'Deal back' },
      expect.objectContaining({ file: 'r.txt', got: null }),
    ]);
  });
});
