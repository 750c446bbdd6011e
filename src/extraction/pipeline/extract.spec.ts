import { extractArticle } from './extract.js';
import type { ExtractionResult } from './types.js';

const triples = (r: ExtractionResult): string[] => r.stances.map((s) => `${s.actorId} ${s.position} ${s.proposalId}`);

describe('extractArticle: invented articles from other regions', () => {
  it('Europe: a minister speaks for her state through the capital', () => {
    const r = extractArticle({
      text: "Germany's Foreign Minister Annalena Baerbock said on Tuesday that Berlin opposes the proposal to create a European army.",
      publishedOn: '2023-05-10',
    });
    expect(r.stances).toHaveLength(1);
    expect(r.stances[0]).toMatchObject({
      actorId: 'germany',
      position: 'OPPOSE',
      speakerId: 'annalena-baerbock',
      statedOn: '2023-05-09',
      cue: 'opposes',
    });
    expect(r.proposals[0].name).toBe('European army');
  });

  it('South America: a rejection-unless of a proposal by an organisation, then its minister on "the offer"', () => {
    const r = extractArticle({
      text:
        'BRASILIA - Brazil on Tuesday rejected a proposal by the European Union to set up a joint fund for Amazon reforestation, ' +
        'saying it would not accept the plan unless the bloc drops its tariffs. Brazilian Foreign Minister Mauro Vieira said the offer was premature.',
      publishedOn: '2024-05-09',
    });
    const fund = r.proposals.find((p) => /joint fund for Amazon reforestation/i.test(p.name))!;
    expect(fund).toMatchObject({ proposedById: 'european-union', isNew: true });
    const brazil = r.stances.filter((s) => s.actorId === 'brazil' && s.proposalId === fund.id);
    expect(brazil.map((s) => s.position)).toEqual(['OPPOSE']);
    expect(brazil[0]).toMatchObject({
      cue: 'rejected',
      conditions: ['the bloc drops its tariffs'],
      speakerId: 'mauro-vieira',
      statedOn: '2024-05-07',
    });
    expect(r.actors.find((a) => a.id === 'mauro-vieira')?.representsId).toBe('brazil');
  });

  it('Africa: an organisation welcomes a plan', () => {
    const r = extractArticle({
      text: 'The African Union welcomed the ceasefire plan for Sudan on Monday.',
      publishedOn: '2023-05-10',
    });
    expect(triples(r)).toEqual(['african-union SUPPORT ceasefire-plan-for-sudan']);
    expect(r.stances[0].statedOn).toBe('2023-05-08');
  });

  it('Latin America: a rejection with a condition, voiced through a ministry', () => {
    const r = extractArticle({
      text: 'Brazil rejected the initiative to expand the Security Council unless African states receive permanent seats, the Foreign Ministry said.',
      publishedOn: '2023-05-10',
    });
    expect(r.stances[0]).toMatchObject({
      actorId: 'brazil',
      position: 'OPPOSE',
      conditions: ['African states receive permanent seats'],
    });
  });

  it('several actors on one proposal, with anaphora', () => {
    const r = extractArticle({
      text: 'French President Emmanuel Macron proposed on Friday that European leaders hold a summit on energy prices. Italy backed the idea, while Hungary said it was premature to discuss the summit.',
      publishedOn: '2023-05-10',
    });
    expect(triples(r).sort()).toEqual([
      'france SUPPORT summit-on-energy-prices',
      'hungary OPPOSE summit-on-energy-prices',
      'italy SUPPORT summit-on-energy-prices',
    ]);
    expect(r.proposals[0]).toMatchObject({
      proposedById: 'france',
      proposerId: 'emmanuel-macron',
      proposedOn: '2023-05-05',
    });
  });

  it('organisations, organs and spokespersons', () => {
    const r = extractArticle({
      text: 'UN Secretary-General Antonio Guterres urged Russia to rejoin the Black Sea grain deal. The Kremlin said it would not return to the deal unless Western sanctions on its agricultural exports were lifted. Chinese Foreign Ministry spokesperson Wang Wenbin said Beijing supports the grain deal.',
      publishedOn: '2023-07-20',
    });
    expect(triples(r).sort()).toEqual([
      'china SUPPORT black-sea-grain-deal',
      'russia OPPOSE black-sea-grain-deal',
      'united-nations SUPPORT black-sea-grain-deal',
    ]);
    const china = r.stances.find((s) => s.actorId === 'china')!;
    expect(china.speakerId).toBe('wang-wenbin');
    expect(r.actors.find((a) => a.id === 'wang-wenbin')?.representsId).toBe('china');
  });

  it("gives a state's act the one person who speaks for it anywhere in the article, not a reporter's reading", () => {
    const text = [
      'Britain abstained on the UN Security Council resolution demanding a ceasefire in Gaza on Friday.',
      'The vote came after weeks of talks in New York.',
      'Aid agencies said the situation in Gaza was worsening by the day.',
      'Thousands of people have fled their homes since October.',
      'British Foreign Secretary David Cameron said Britain wanted a sustainable ceasefire.',
    ].join(' ');
    const r = extractArticle({ text, publishedOn: '2023-12-09' });
    const uk = r.stances.find((s) => s.actorId === 'united-kingdom' && s.cue.startsWith('abstain'));
    expect(uk).toMatchObject({ position: 'NONCOMMITTAL', speakerId: 'david-cameron' });
    const reading = extractArticle({
      text: text.replace('Britain abstained on', 'Britain appears reluctant to back'),
      publishedOn: '2023-12-09',
    });
    const appears = reading.stances.find((s) => s.actorId === 'united-kingdom' && s.cue.includes('reluctant'));
    expect(appears).toBeDefined();
    expect(appears!.speakerId).toBeNull();
  });

  it('one stance per fact across two revisions of the same story in one text', () => {
    const v1 = [
      'Kenya offered on Monday to lead a multinational security mission to Haiti, officials in Nairobi said.',
      'Haitian Prime Minister Ariel Henry welcomed the offer in a televised address on Tuesday.',
      'The U.S. State Department said Washington supports the mission but wants a clear mandate first.',
      'Several Caribbean governments have yet to respond to the request for troops and police officers.',
    ];
    const v2 = [
      'Kenya offered on Monday to lead a multinational security mission to Haiti, officials in Nairobi said on Wednesday.',
      'Haitian Prime Minister Ariel Henry welcomed the offer during a televised address on Tuesday.',
      'The U.S. State Department said Washington supports the mission but wants a clearer mandate first.',
      'Several Caribbean governments have not yet responded to the request for troops and police officers.',
    ];
    const r = extractArticle({ text: `${v1.join('\n\n')}\n\n\n\n${v2.join('\n\n')}`, publishedOn: '2023-08-02' });
    expect(r.revisions).toHaveLength(2);
    const haiti = r.stances.filter((s) => s.actorId === 'haiti');
    expect(haiti).toHaveLength(1);
    expect(haiti[0]).toMatchObject({ position: 'SUPPORT', speakerId: 'ariel-henry', statedOn: '2023-08-01' });
    expect(haiti[0].evidence.map((e) => e.revision)).toEqual([0, 1]);
    for (const s of r.stances) for (const e of s.evidence) expect(r.text.slice(e.charStart, e.charEnd)).toBe(e.quote);
  });

  it("uses the graph's known actors and proposals and marks them as not new", () => {
    const known = {
      actors: [{ id: 'kenya', name: 'Kenya', kind: 'STATE' as const, aliases: ['Nairobi'] }],
      proposals: [
        {
          id: 'haiti-security-mission',
          name: 'Haiti security mission',
          aliases: ['multinational security mission to Haiti'],
        },
      ],
    };
    const r = extractArticle(
      {
        text: 'Nairobi said it still supports the multinational security mission to Haiti.',
        publishedOn: '2024-01-10',
      },
      known,
    );
    expect(r.stances[0]).toMatchObject({ actorId: 'kenya', proposalId: 'haiti-security-mission', position: 'SUPPORT' });
    expect(r.proposals[0].isNew).toBe(false);
    expect(r.actors.find((a) => a.id === 'kenya')?.isNew).toBe(false);
  });

  it('returns metadata, hash and signature, and is deterministic', () => {
    const input = {
      text: ' date 2020-02-03 Oman welcomed the truce.',
      url: 'https://example.org/x',
      outlet: 'Example',
    };
    const a = extractArticle(input);
    expect(a.metadata).toEqual({
      url: 'https://example.org/x',
      outlet: 'Example',
      title: null,
      publishedOn: '2020-02-03',
    });
    expect(a.text).toBe('Oman welcomed the truce.');
    expect(a.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.signature).toHaveLength(128);
    expect(extractArticle(input)).toEqual(a);
  });

  it('a longer report: proposer by demonym, conditions, organisations, reverse appositives, silence', () => {
    const ART = `VIENNA -- Iran on Sunday rejected a European proposal to restore inspections at its enrichment sites, calling the offer "unbalanced," state media reported.

    Iranian Foreign Ministry spokesman Nasser Kanaani said Tehran would only consider the plan if Washington first lifted sanctions on oil exports.

    The International Atomic Energy Agency welcomed the European initiative last week. IAEA chief Rafael Grossi told reporters in Vienna that the inspections were "essential" for rebuilding trust.

    Russia said it was studying the proposal, while China's envoy to the agency, Li Song, urged all sides to show restraint and did not say whether Beijing backs the plan.

    "We cannot accept any arrangement that ignores our security concerns," Israeli Prime Minister Benjamin Netanyahu said on Saturday, adding that Israel opposes any deal that leaves enrichment in place.

    U.S. Secretary of State Antony Blinken has called for a return to the 2015 nuclear deal. Blinken said the European offer was "a step in the right direction."

    Saudi Arabia has not commented on the plan.`;
    const r = extractArticle({ text: ART, publishedOn: '2023-03-06' });
    const got = new Map(r.stances.map((s) => [`${s.actorId} ${s.proposalId}`, s]));
    const plan = r.proposals.find((p) => p.name === 'Inspections at its enrichment sites')!;
    expect(plan.proposedById).toBe('european-union');
    expect(
      r.stances
        .filter((s) => s.actorId === 'iran' && s.proposalId === plan.id)
        .map((s) => s.position)
        .sort(),
    ).toEqual(['NONCOMMITTAL', 'OPPOSE']);
    expect(r.stances.find((s) => s.actorId === 'iran' && s.position === 'NONCOMMITTAL')?.conditions).toEqual([
      'Washington first lifted sanctions on oil exports',
    ]);
    expect(got.get(`international-atomic-energy-agency ${plan.id}`)).toMatchObject({
      position: 'SUPPORT',
      speakerId: 'rafael-grossi',
    });
    expect(got.get(`russia ${plan.id}`)?.position).toBe('NONCOMMITTAL');
    expect(got.get(`china ${plan.id}`)?.position).toBe('NONCOMMITTAL');
    expect(r.actors.find((a) => a.id === 'li-song')?.representsId).toBe('china');
    expect(got.get(`united-states ${plan.id}`)).toMatchObject({ position: 'SUPPORT', speakerId: 'antony-blinken' });
    expect(r.stances.find((s) => s.actorId === 'israel')).toMatchObject({
      position: 'OPPOSE',
      speakerId: 'benjamin-netanyahu',
      statedOn: '2023-03-04',
    });
    expect(r.stances.find((s) => s.actorId === 'saudi-arabia')?.position).toBe('NONCOMMITTAL');
  });

  it('re-reads known entities when their content changes, even in new arrays', () => {
    const text = 'Ankara welcomed the Caspian energy corridor.';
    const base = {
      actors: [],
      proposals: [{ id: 'trans-caspian-pipeline', name: 'Trans-Caspian pipeline', aliases: [] as string[] }],
    };
    expect(extractArticle({ text }, base).stances[0].proposalId).not.toBe('trans-caspian-pipeline');
    const more = { actors: [], proposals: [{ ...base.proposals[0], aliases: ['Caspian energy corridor'] }] };
    expect(extractArticle({ text }, more).stances[0].proposalId).toBe('trans-caspian-pipeline');
    expect(
      extractArticle({ text }, { actors: [], proposals: more.proposals.map((p) => ({ ...p })) }).stances[0].proposalId,
    ).toBe('trans-caspian-pipeline');
  });

  it('never throws and keeps its invariants on garbled input', () => {
    const junk = [
      '"',
      '(',
      ')',
      '\n\n',
      ' -- ',
      '\u2014',
      "'s",
      'U.S.',
      ' said ',
      ' proposed ',
      ' unless ',
      ' Mr. ',
      ' on Monday ',
      'President ',
      ' reject ',
      ' not ',
      'Ghana',
      ' a plan to ',
      ' the North ',
      '\u65e5\u672c',
      ',',
    ];
    let seed = 99;
    for (let n = 0; n < 200; n++) {
      let text = '';
      for (let i = 0; i < 40; i++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += junk[seed % junk.length];
      }
      const r = extractArticle({ text, publishedOn: n % 2 ? '2022-02-02' : '2022-02' });
      const ids = new Set(r.actors.map((a) => a.id));
      for (const s of r.stances) {
        expect(ids.has(s.actorId)).toBe(true);
        for (const e of s.evidence) expect(r.text.slice(e.charStart, e.charEnd)).toBe(e.quote);
      }
    }
  });

  it('takes no proposal for a cue whose own object is something else', () => {
    const r = extractArticle(
      {
        text:
          'France voted for the draft resolution on Gaza on Friday. ' +
          'France condemned the lack of progress toward a ceasefire. ' +
          'China raised concerns over the value of Palestinian lives. ' +
          'Malaysia was more cautious about the timetable.',
        publishedOn: '2024-11-21',
      },
      { actors: [], proposals: [] },
    );
    const [draft] = r.proposals.map((p) => p.id);
    expect(triples(r).sort()).toEqual([`france SUPPORT ${draft}`, `malaysia NONCOMMITTAL ${draft}`]);
  });

  it('gives the body that votes on a resolution no stance on it: its members hold them', () => {
    const r = extractArticle(
      {
        text:
          'The UN Security Council voted 14-0 in favour of a UN Security Council resolution demanding a ceasefire in Sudan. ' +
          'Russia abstained.',
        publishedOn: '2024-03-08',
      },
      { actors: [], proposals: [] },
    );
    expect(r.stances.map((st) => st.actorId)).toEqual(['russia']);
    expect(r.proposals.map((p) => p.proposedById)).toEqual([null]);
  });

  it('reads a position on an act against a proposal as the opposite on the proposal ("defended the veto")', () => {
    const r = extractArticle(
      {
        text:
          'Russia vetoed a draft resolution on Gaza on Friday. ' +
          'Israel defended the Russian veto, calling the draft one-sided. France expressed regret over the veto of the draft.',
        publishedOn: '2024-03-23',
      },
      { actors: [], proposals: [] },
    );
    const [draft] = r.proposals.map((p) => p.id);
    expect(triples(r).sort()).toEqual([`france SUPPORT ${draft}`, `israel OPPOSE ${draft}`, `russia OPPOSE ${draft}`]);
  });

  it('copes with empty and stance-free text', () => {
    expect(extractArticle({ text: '' }).stances).toEqual([]);
    expect(extractArticle({ text: 'Rain is expected in the capital later this week.' }).stances).toEqual([]);
  });
});

describe('extractArticle: who spoke and when, from the rest of the article', () => {
  const text =
    'The Netherlands has voted in favour of a draft treaty on plastic pollution. ' +
    'Delegates met for two weeks. ' +
    'Ambassador Pieter de Vries, the Dutch envoy, said the treaty would end decades of drift.';

  it("a state's vote gets the one person who spoke for it near it, and the lede's undated statement the report's date", () => {
    const r = extractArticle({ text, publishedOn: '2024-11-20' });
    const dutch = r.stances.find((s) => s.actorId === 'netherlands');
    expect(dutch).toMatchObject({ position: 'SUPPORT', speakerId: 'pieter-de-vries', statedOn: '2024-11-20' });
  });

  it('an anonymous source gives no speaker, and background ("had long") no date', () => {
    const r = extractArticle({
      text:
        'Officials said Belgium had long opposed a draft treaty on plastic pollution. ' +
        'Foreign Minister Hadja Lahbib of Belgium said the talks would go on.',
      publishedOn: '2024-11-20',
    });
    const belgium = r.stances.find((s) => s.actorId === 'belgium');
    expect(belgium).toMatchObject({ position: 'OPPOSE', speakerId: null, statedOn: null });
  });

  it('reported speech in the lede ("said it had accepted") is the news of the report\'s day', () => {
    const r = extractArticle({
      text: 'Hamas said it had accepted a ceasefire proposal put forward by Qatar.',
      publishedOn: '2024-05-06',
    });
    expect(r.stances.find((s) => s.actorId === 'hamas')).toMatchObject({ position: 'SUPPORT', statedOn: '2024-05-06' });
  });
});
