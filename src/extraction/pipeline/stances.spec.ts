import { extractArticle } from './extract.js';
import { scanCues } from './stances/cues.js';
import { relativeClauseBetween } from './stances/target.js';
import { tokenize } from './tokens.js';

const stancesOf = (text: string, publishedOn: string | null = '2024-06-14') =>
  extractArticle({ text, publishedOn }).stances.map((s) => ({
    actor: s.actorId,
    proposal: s.proposalId,
    position: s.position,
    cue: s.cue,
    conditions: s.conditions,
    speaker: s.speakerId,
    statedOn: s.statedOn,
    rule: s.rule,
    evidence: s.evidence.length,
  }));

describe('stances', () => {
  it('scans cues by their first word, keeping the longest match', () => {
    const text = 'The envoy declined to comment, and later refused to comment again.';
    const hits = scanCues(text, tokenize(text)).map((h) => text.slice(h.start, h.end));
    expect(hits).toEqual(['declined to comment', 'refused to comment']);
  });

  it('dates no statement by a date that names a thing or starts a span ("the October 7 attack", "since October 7")', () => {
    const lede = 'The United States put forward a draft resolution calling for a ceasefire in Gaza.';
    const veto = (then: string) =>
      stancesOf(`${lede} Russia vetoed the resolution${then}.`, '2024-03-22').find((s) => s.actor === 'russia')
        ?.statedOn;
    expect(veto(', which condemned the October 7 attack by Hamas')).toBeNull();
    expect(veto(' on the war that has raged since October 7')).toBeNull();
    // (a date of its own still dates it)
    expect(veto(' on Tuesday')).toBe('2024-03-19');
  });

  it('dates no statement by the day a proposal expires', () => {
    const text =
      'The Black Sea grain deal was signed in Istanbul. US Secretary of State Antony Blinken pressed for Russia to extend the grain deal, which expires on Monday.';
    expect(stancesOf(text, '2023-07-14').map((s) => [s.actor, s.statedOn])).toEqual([['united-states', null]]);
  });

  it('reads brokering or tabling a proposal as support, and walking out of talks as opposition', () => {
    const read = (text: string) =>
      stancesOf(text)
        .map((s) => `${s.actor} ${s.position} ${s.cue}`)
        .sort();
    expect(read('Egypt and Qatar brokered the Gaza ceasefire proposal on Monday.')).toEqual([
      'egypt SUPPORT brokered',
      'qatar SUPPORT brokered',
    ]);
    expect(read('Algeria tabled the draft resolution on Gaza.')).toEqual(['algeria SUPPORT tabled']);
    expect(read('North Korea walked out of the nuclear talks in Stockholm.')).toEqual([
      'north-korea OPPOSE walked out of',
    ]);
  });

  it('lets a cue reach across a relative clause only after a decision, plan or document the clause gives', () => {
    // (between the cue and a proposal it might reach)
    expect(relativeClauseBetween(' delays which stalled ')).toBe(true);
    expect(relativeClauseBetween(' a decision that made ')).toBe(false);
    expect(relativeClauseBetween(' the plan which sets out ')).toBe(false);
    // in capitals a relative word is a name ("WHO"), and right after the cue "that" opens what it says
    expect(relativeClauseBetween(' the WHO ')).toBe(false);
    expect(relativeClauseBetween(' that ')).toBe(false);
  });

  it("reads a relative clause after the cue's object as about that object, and never as a name", () => {
    const text =
      'North Korea proposed to hold talks with Japan on Monday. Japan opposed delays which stalled the talks.';
    const read = extractArticle({ text, publishedOn: '2024-06-14' });
    // (it had named a proposal "Which stalled the talks", and read Japan against the talks)
    expect(read.proposals.map((p) => p.name)).toEqual(['Talks with Japan']);
    expect(read.stances.map((s) => `${s.actorId} ${s.position}`)).toEqual(['north-korea SUPPORT']);
    // "WHO" in capitals is an organisation, not a relative word
    const who = extractArticle({
      text: 'Kenya backed the WHO pandemic agreement on Tuesday.',
      publishedOn: '2024-06-14',
    });
    expect(who.proposals.map((p) => p.name)).toEqual(['WHO pandemic agreement']);
  });

  it('turns a negated support cue into opposition and a negated opposition cue into noncommittal', () => {
    const s = stancesOf(
      'Ghana proposed a regional customs union. Nigeria did not support the customs union, and Togo did not reject it outright.',
    );
    expect(s.find((x) => x.actor === 'nigeria')?.position).toBe('OPPOSE');
    expect(s.find((x) => x.actor === 'nigeria')?.cue).toBe('did not support');
  });

  it('reads "did not rule out" and "did not make its position clear" as noncommittal', () => {
    const s = stancesOf(
      'Chile proposed a lithium price mechanism. Argentina did not rule out the mechanism. Bolivia did not make its position clear.',
    );
    expect(
      s
        .filter((x) => x.position === 'NONCOMMITTAL')
        .map((x) => x.actor)
        .sort(),
    ).toEqual(['argentina', 'bolivia']);
  });

  it('keeps a rejection-unless as OPPOSE with the condition', () => {
    const [s] = stancesOf(
      'Iran will reject any plan to extend the inspections unless Western sanctions are lifted first, state media said.',
    );
    expect(s).toMatchObject({ actor: 'iran', position: 'OPPOSE', conditions: ['Western sanctions are lifted first'] });
  });

  it('keeps a support-only-if as SUPPORT with the condition', () => {
    const s = stancesOf(
      'Austria proposed a migration pact. Hungary said it would accept the pact only if border funding doubled.',
    );
    expect(s.find((x) => x.actor === 'hungary')).toMatchObject({
      position: 'SUPPORT',
      conditions: ['border funding doubled'],
    });
  });

  it('attributes a quote to its speaker and the speaker to the state', () => {
    const s = stancesOf(
      'Malaysia proposed a maritime code of conduct. "The code is premature," Philippine Foreign Secretary Enrique Manalo told reporters on Tuesday.',
    );
    expect(s.find((x) => x.actor === 'philippines')).toMatchObject({
      position: 'OPPOSE',
      speaker: 'enrique-manalo',
      statedOn: '2024-06-11',
    });
  });

  it('reads the agent of a passive as the holder', () => {
    const s = stancesOf('A plan to dredge the river was proposed by Laos. The plan was rejected by Cambodia.');
    expect(s.find((x) => x.actor === 'cambodia')?.position).toBe('OPPOSE');
    expect(s.find((x) => x.actor === 'laos')?.position).toBe('SUPPORT');
  });

  it('reads the agent after a cue it follows as holding its own stance', () => {
    const s = stancesOf('Hamas accepted the ceasefire proposal drafted by Egypt.');
    expect(s.map((x) => [x.actor, x.position])).toEqual([
      ['hamas', 'SUPPORT'],
      ['egypt', 'SUPPORT'],
    ]);
  });

  it('reads a list that starts after "including" as the holders', () => {
    const s = stancesOf(
      'The assembly voted on the WHO pandemic agreement on Tuesday. 11 countries, including Poland, Israel and Italy, abstained.',
    );
    expect(s.map((x) => x.actor).sort()).toEqual(['israel', 'italy', 'poland']);
  });

  it('reads a pledge of something as support, and candidate status as a proposal', () => {
    const s = stancesOf(
      'Germany pledged long-term security guarantees for Ukraine. France backed EU candidate status for Ukraine.',
    );
    expect(s.map((x) => [x.actor, x.position, x.proposal])).toEqual([
      ['germany', 'SUPPORT', 'long-term-security-guarantees-for-ukraine'],
      ['france', 'SUPPORT', 'eu-candidate-status-for-ukraine'],
    ]);
  });

  it('reads proceeding with a thing as support and seeing it as a threat as opposition', () => {
    const s = stancesOf(
      'Venezuela said nothing would prevent it from proceeding with the Essequibo referendum. Guyana, which sees the referendum as an existential threat, went to court.',
    );
    expect(s.map((x) => [x.actor, x.position])).toEqual([
      ['venezuela', 'SUPPORT'],
      ['guyana', 'OPPOSE'],
    ]);
    // a threat that is not a proposal is about none
    expect(stancesOf('Egypt sees the dam as an existential threat.')).toEqual([]);
  });

  it('never takes an actor named inside the proposal for one more holder', () => {
    const s = stancesOf(
      "Turkey on Tuesday backed Sweden's bid to join NATO, and Hungary said it would approve Sweden's membership in NATO next week.",
    );
    expect(s.map((x) => x.actor).sort()).toEqual(['hungary', 'sweden', 'turkey']);
  });

  it('ignores speculation about a position', () => {
    expect(
      stancesOf('Fiji proposed a climate fund. It is unclear whether Tonga would support the fund.').map(
        (x) => x.actor,
      ),
    ).toEqual(['fiji']);
  });

  it('dates a statement at a dated meeting and carries the date to what follows in the past tense', () => {
    const s = stancesOf(
      'Peru proposed a water-sharing treaty last year. At the summit on June 3, Bolivia welcomed the treaty. Chile opposed the treaty, the sources said.',
    );
    expect(s.find((x) => x.actor === 'bolivia')?.statedOn).toBe('2024-06-03');
    expect(s.find((x) => x.actor === 'chile')?.statedOn).toBe('2024-06-03');
  });

  it('merges the same stance told twice in one article into one stance with two evidence spans', () => {
    const s = stancesOf(
      'Kenya proposed a regional peace force. Uganda rejected the peace force on Monday. On Monday, Uganda again rejected the peace force, officials said.',
    );
    const uganda = s.filter((x) => x.actor === 'uganda');
    expect(uganda).toHaveLength(1);
    expect(uganda[0].evidence).toBe(2);
  });
});
