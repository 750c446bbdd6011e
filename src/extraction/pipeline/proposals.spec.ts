import { extractArticle } from './extract.js';
import { findActors } from './actors.js';
import { buildProposals, cleanName, kindred, proposalCandidates } from './proposals.js';
import { tokenize } from './tokens.js';
import type { KnownProposal } from './types.js';

const proposalsOf = (text: string, known: KnownProposal[] = []) =>
  extractArticle({ text, publishedOn: '2024-03-15' }, { actors: [], proposals: known }).proposals;

describe('proposals', () => {
  it('introduces a proposal with its proposer and date from "X\'s proposal <date> to ..."', () => {
    const [p] = proposalsOf(
      "Poland criticised Lithuania's proposal Tuesday to build a joint border fence, officials said.",
    );
    expect(p.name).toBe('Joint border fence');
    expect(p.proposedById).toBe('lithuania');
    expect(p.proposedOn).toBe('2024-03-12');
    expect(p.isNew).toBe(true);
  });

  it('names a proposal put forward with a verb and takes the person as proposer', () => {
    const [p] = proposalsOf(
      'Egyptian President Abdel Fattah al-Sisi proposed on Monday that both sides hold talks in Cairo.',
    );
    expect(p.name).toBe('Talks in Cairo');
    expect(p.proposedById).toBe('egypt');
    expect(p.proposerId).toBe('abdel-fattah-al-sisi');
    expect(p.proposedOn).toBe('2024-03-11');
  });

  it('finds proposals behind "will seek to", "called for" and "desire to"', () => {
    expect(
      proposalsOf('The prime minister said Canada will seek to establish a trade corridor with Mexico.')[0].name,
    ).toBe('Trade corridor with Mexico');
    expect(proposalsOf('Qatar called for an immediate ceasefire in the region.')[0].proposedById).toBe('qatar');
    expect(proposalsOf('Vietnam expressed its desire to hold a summit with Laos.')[0].name).toBe('Summit with Laos');
  });

  it('reads a number with a decimal point or thousands separator as part of a name', () => {
    expect(proposalsOf('Kenya called for a 2.5 billion dollar aid package for Haiti.')[0].name).toBe(
      '2.5 billion dollar aid package for Haiti',
    );
    expect(proposalsOf('Kenya called for a 1,000-strong police force in Haiti.')[0].name).toBe(
      '1,000-strong police force in Haiti',
    );
  });

  it('matches known proposals by alias, tolerant of case, articles and actor names', () => {
    const known: KnownProposal[] = [
      {
        id: 'kosovo-serbia-normalization',
        name: 'Kosovo-Serbia normalization',
        aliases: ['normalization of relations with Belgrade'],
      },
    ];
    const ps = proposalsOf('Pristina again rejected the normalization of relations with Serbia.', known);
    expect(ps.map((p) => [p.id, p.isNew])).toEqual([['kosovo-serbia-normalization', false]]);
  });

  it('merges a short later form into the proposal it abbreviates', () => {
    const ps = proposalsOf(
      'Peru proposed a regional fisheries agreement with Ecuador. Ecuador said it would consider a fisheries agreement next year.',
    );
    expect(ps).toHaveLength(1);
  });

  it('resolves "the proposal" and typed anaphors to the latest compatible proposal', () => {
    const r = extractArticle({
      text: 'Norway proposed a carbon border tax. Iceland proposed joint fisheries talks. Denmark rejected the tax, and Finland welcomed the talks. Sweden opposed the proposal.',
      publishedOn: '2024-03-15',
    });
    const pos = Object.fromEntries(r.stances.map((s) => [`${s.actorId}:${s.position}`, s.proposalId]));
    expect(pos['denmark:OPPOSE']).toBe('carbon-border-tax');
    expect(pos['finland:SUPPORT']).toBe('joint-fisheries-talks');
    expect(pos['sweden:OPPOSE']).toBe('joint-fisheries-talks');
  });
  it('keeps a known proposal apart when its modifier belongs to another noun in the new wording', () => {
    const known: KnownProposal[] = [{ id: 'naval-talks', name: 'Naval talks', aliases: ['naval talks'] }];
    const [p] = proposalsOf(
      "Chile's proposal to hold direct talks with Peru's naval command drew objections on Tuesday.",
      known,
    );
    expect(p.id).not.toBe('naval-talks');
    expect(p.name).toMatch(/talks with Peru's naval command/i);
    const [q] = proposalsOf('Chile repeated its proposal to hold naval talks with Peru on Tuesday.', known);
    expect(q.id).toBe('naval-talks');
  });

  it('takes two wordings of one kind with a word of their own in common for one proposal', () => {
    const ps = proposalsOf(
      'The assembly adopted a landmark pandemic agreement on tackling future health crises. ' +
        'Delegates said the WHO Pandemic Agreement would improve surveillance.',
    );
    expect(ps).toHaveLength(1);
    expect(ps[0].mentions.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps apart wordings whose kind-words before the head differ, or whose parties differ', () => {
    const talks = proposalsOf(
      'Seoul proposed inter-Korean military talks on Monday. Pyongyang has long rejected inter-Korean dialogue.',
    );
    expect(talks.map((p) => p.name).sort()).toEqual(['Inter-Korean dialogue', 'Inter-Korean military talks']);
    // the rule itself, on content keys ('@' marks a party)
    expect(kindred(['@sweden', '@nato', 'accession', 'bid'], ['@finland', '@nato', 'accession', 'bid'], false)).toBe(
      false,
    );
    expect(kindred(['resolution', '2728'], ['resolution', '2730', 'gaza'], false)).toBe(false);
    expect(kindred(['pandemic', 'agreement'], ['@who', 'pandemic', 'agreement'], false)).toBe(true);
    // from another article, one word in common is not enough
    expect(kindred(['pandemic', 'agreement'], ['pandemic', 'treaty'], true)).toBe(false);
  });

  it('reads "a deal" a cue acts on as the agreement of that kind the article is about', () => {
    const r = extractArticle(
      {
        text:
          'Russia said the Black Sea Grain Initiative would not be extended. ' +
          'Turkey and Ukraine signed a deal last July.',
        publishedOn: '2023-04-25',
      },
      { actors: [], proposals: [] },
    );
    expect(r.proposals.map((p) => p.name)).toEqual(['Black Sea Grain Initiative']);
    expect(
      r.stances
        .filter((s) => s.position === 'SUPPORT')
        .map((s) => s.actorId)
        .sort(),
    ).toEqual(['turkey', 'ukraine']);
  });

  it('offers an analyst the proposals a wording may name, best first, with score and rule', () => {
    const known: KnownProposal[] = [
      { id: 'black-sea-grain-initiative', name: 'Black Sea Grain Initiative', aliases: ['grain deal'] },
      { id: 'who-pandemic-agreement', name: 'WHO Pandemic Agreement', aliases: [] },
      { id: 'iran-nuclear-deal', name: 'Iran nuclear deal', aliases: [] },
    ];
    const [first] = proposalCandidates('the Black Sea grain deal', known, []);
    expect(first).toMatchObject({ id: 'black-sea-grain-initiative' });
    expect(proposalCandidates('the grain deal', known, [])[0]).toMatchObject({
      id: 'black-sea-grain-initiative',
      rule: 'name',
      score: 1,
    });
    // a back-reference: the article's own agreement comes first
    const deal = proposalCandidates('the deal', known, [], { inArticle: ['who-pandemic-agreement'] });
    expect(deal[0]).toMatchObject({ id: 'who-pandemic-agreement', rule: 'in-article' });
    expect(proposalCandidates('the deal', known, [], { limit: 2 })).toHaveLength(2);
  });

  it('takes a name spelled with or without its hyphen for the one the graph holds', () => {
    const known: KnownProposal[] = [{ id: 'ceasefire-resolution', name: 'Ceasefire resolution', aliases: [] }];
    const ps = proposalsOf('Malta proposed a cease-fire resolution on Monday.', known);
    expect(ps.map((p) => p.id)).toEqual(['ceasefire-resolution']);
  });

  it("does not take a proposal's content for a proposal of another kind held from elsewhere", () => {
    const known: KnownProposal[] = [
      {
        id: 'un-resolution-demanding-an-immediate-ceasefire-in-gaza',
        name: 'UN resolution demanding an immediate ceasefire in Gaza',
        aliases: [],
      },
    ];
    const ps = proposalsOf('Egypt again called for an immediate ceasefire in Gaza on Monday.', known);
    expect(ps.map((p) => p.id)).not.toContain('un-resolution-demanding-an-immediate-ceasefire-in-gaza');
    const same = proposalsOf('Egypt backed the UN resolution demanding an immediate ceasefire in Gaza.', known);
    expect(same.map((p) => p.id)).toContain('un-resolution-demanding-an-immediate-ceasefire-in-gaza');
  });

  it("takes every wording of a state's bid to join an organisation for that state's accession", () => {
    const first = extractArticle(
      {
        text: "Turkey blocked Sweden's bid to join NATO for months. Hungary said it would approve Sweden's membership in NATO.",
        publishedOn: '2024-03-15',
      },
      { actors: [], proposals: [] },
    );
    expect(first.proposals.map((p) => p.name)).toEqual(["Sweden's NATO accession"]);
    const later = extractArticle(
      { text: "Hungary finally ratified Sweden's accession on Monday.", publishedOn: '2024-03-16' },
      {
        actors: first.actors.map((a) => ({ id: a.id, name: a.name, kind: a.kind, aliases: a.aliases })),
        proposals: first.proposals.map((p) => ({ id: p.id, name: p.name, aliases: p.aliases })),
      },
    );
    expect(later.stances.map((st) => [st.actorId, st.position, st.proposalId])).toEqual([
      ['hungary', 'SUPPORT', 'swedens-nato-accession'],
    ]);
  });

  it('takes a membership a state asks for as its accession: "applied for a fast-tracked membership in NATO"', () => {
    const x = extractArticle(
      {
        text: "Ukraine applied for a fast-tracked membership in NATO in September 2022. Germany opposes Ukraine's membership in NATO.",
        publishedOn: '2023-07-09',
      },
      { actors: [], proposals: [] },
    );
    expect(x.proposals.map((p) => p.name)).toEqual(["Ukraine's NATO accession"]);
    expect(x.stances.map((st) => [st.actorId, st.position])).toEqual([
      ['ukraine', 'SUPPORT'],
      ['germany', 'OPPOSE'],
    ]);
  });

  it('never links a summit between other parties to a known one that shares a party', () => {
    const abeKim = extractArticle(
      {
        text: 'Japan proposed summit talks between Prime Minister Shinzo Abe and North Korean leader Kim Jong Un on Monday.',
        publishedOn: '2018-05-07',
      },
      { actors: [], proposals: [] },
    );
    expect(abeKim.proposals).toHaveLength(1);
    const trumpKim = extractArticle(
      {
        text: 'North Korea proposed a summit between US President Donald Trump and North Korean leader Kim Jong Un on Monday. South Korea welcomed the summit.',
        publishedOn: '2018-03-09',
      },
      {
        actors: abeKim.actors.map((a) => ({
          id: a.id,
          name: a.name,
          kind: a.kind,
          aliases: a.id === 'kim-jong-un' ? [...a.aliases, 'Kim'] : a.aliases,
          representsId: a.representsId,
        })),
        // (as the seeds know it: also by a shorter wording that names Kim alone)
        proposals: abeKim.proposals.map((p) => ({
          id: p.id,
          name: p.name,
          aliases: [...p.aliases, 'summit with Kim'],
        })),
      },
    );
    const summit = trumpKim.proposals.find((p) => /Trump/.test(p.name));
    expect(summit?.isNew).toBe(true);
    expect(trumpKim.stances.map((st) => [st.actorId, st.proposalId])).toEqual([
      ['north-korea', summit!.id],
      ['south-korea', summit!.id],
    ]);
  });

  it("takes a bid to become a member of an organisation for the bidder's accession", () => {
    const x = extractArticle(
      { text: "Hungary also supports Sweden's bid to become a member of NATO.", publishedOn: '2023-07-10' },
      { actors: [], proposals: [] },
    );
    expect(x.proposals.map((p) => p.name)).toEqual(["Sweden's NATO accession"]);
  });

  it("takes a state's efforts towards something for a proposal it puts forward", () => {
    const x = extractArticle(
      { text: "Turkey would back Sweden's efforts to become a NATO member.", publishedOn: '2023-07-10' },
      { actors: [], proposals: [] },
    );
    expect(x.proposals.map((p) => p.name)).toEqual(["Sweden's NATO accession"]);
    expect(x.stances.map((st) => [st.actorId, st.position]).sort()).toEqual([
      ['sweden', 'SUPPORT'],
      ['turkey', 'SUPPORT'],
    ]);
  });

  it("reports the article's own wording of a proposal the graph holds among its aliases", () => {
    const known: KnownProposal[] = [{ id: 'grain-deal', name: 'Black Sea Grain Initiative', aliases: ['grain deal'] }];
    const x = extractArticle(
      { text: 'Turkey backed the grain deal on Monday.', publishedOn: '2023-07-10' },
      { actors: [], proposals: known },
    );
    expect(x.proposals.find((p) => p.id === 'grain-deal')?.aliases).toContain('grain deal');
  });

  it('takes "the resolution" an article names nothing else for the one the graph saw put forward days before', () => {
    const uae: KnownProposal = {
      id: 'uae-draft',
      name: 'UAE draft resolution',
      aliases: [],
      introducedOn: '2023-12-08',
    };
    const on = (text: string, publishedOn: string, proposals: KnownProposal[]): string[][] =>
      extractArticle({ text, publishedOn }, { actors: [], proposals }).stances.map((st) => [st.actorId, st.proposalId]);
    const text = 'The United States vetoed the resolution on Friday.';
    expect(on(text, '2023-12-09', [uae])).toEqual([['united-states', 'uae-draft']]);
    // weeks later it is no longer the one meant; two such texts leave it open
    expect(on(text, '2024-01-20', [uae])).toEqual([]);
    const other: KnownProposal = {
      id: 'us-draft',
      name: 'US draft resolution',
      aliases: [],
      introducedOn: '2023-12-07',
    };
    expect(on(text, '2023-12-09', [uae, other])).toEqual([]);
    // an article that put forward a resolution of its own means that one
    const own = on('Britain tabled a resolution on Iran. The United States vetoed the resolution.', '2023-12-09', [
      uae,
    ]);
    expect(own.map(([, id]) => id)).not.toContain('uae-draft');
  });

  it('takes "the alliance" after NATO is named for the organisation, and no single common word for a proposal', () => {
    const known: KnownProposal[] = [
      {
        id: 'swedens-bid',
        name: "Sweden's bid",
        aliases: ["Sweden's bid to become the alliance's 32nd member", 'members'],
      },
    ];
    const read = (text: string) =>
      extractArticle({ text, publishedOn: '2024-02-27' }, { actors: [], proposals: known });
    const x = read(
      "Hungary ratified Sweden's bid on Monday. NATO leaders welcomed it. Hungary had frustrated the alliance.",
    );
    const words = x.proposals.flatMap((p) => p.mentions.map((m) => x.text.slice(m.charStart, m.charEnd)));
    expect(words).toContain("Sweden's bid");
    expect(words).not.toContain('the alliance');
    expect(read('The members met in Brussels on Monday.').proposals).toEqual([]);
  });

  it("takes a state's accession named outright in a noun phrase the parse found for that proposal, without a cue", () => {
    const text = "Leaders discussed Ukraine's membership in NATO at length.";
    const tokens = tokenize(text);
    const actors = findActors(text, tokens, []);
    const phrase = { start: text.indexOf('Ukraine'), end: text.indexOf(' at length') };
    const read = (nounPhrases: Array<{ start: number; end: number }>) =>
      buildProposals(text, tokens, [[0, tokens.length]], actors, [], [], [], () => null, [], null, nounPhrases);
    const table = read([phrase]);
    expect([...table.records.values()].map((r) => r.name)).toEqual(["Ukraine's NATO accession"]);
    expect(table.mentions.map((m) => text.slice(m.start, m.end))).toEqual(["Ukraine's membership in NATO"]);
    // without the organisation it is no one accession: nothing is made
    const bare = "Leaders discussed Ukraine's membership at length.";
    const bareTokens = tokenize(bare);
    const none = buildProposals(
      bare,
      bareTokens,
      [[0, bareTokens.length]],
      findActors(bare, bareTokens, []),
      [],
      [],
      [],
      () => null,
      [],
      null,
      [{ start: bare.indexOf('Ukraine'), end: bare.indexOf(' at length') }],
    );
    expect(none.records.size).toBe(0);
  });

  it("reads a state's entry into an organisation as its accession", () => {
    const x = extractArticle(
      { text: "The United States welcomed Sweden's entry into NATO on Tuesday.", publishedOn: '2024-01-24' },
      { actors: [], proposals: [] },
    );
    expect(x.proposals.map((p) => p.name)).toEqual(["Sweden's NATO accession"]);
    expect(x.stances.map((st) => [st.actorId, st.position])).toEqual([['united-states', 'SUPPORT']]);
  });

  it("keeps one state's bid apart from another's, even when the second is said after the first", () => {
    const ps = proposalsOf("Turkey backed Sweden's bid. It endorsed Finland's membership in April last year.");
    expect(ps.map((p) => p.name).sort()).toEqual(["Finland's membership", "Sweden's bid"]);
  });

  it('does not take a draft put forward months before for a later one in the same words', () => {
    const known: KnownProposal[] = [
      { id: 'uae-draft-resolution', name: 'UAE draft resolution', aliases: [], introducedOn: '2023-12-08' },
      { id: 'grain-deal', name: 'Black Sea grain deal', aliases: [], introducedOn: '2022-07-22' },
    ];
    const ids = (text: string, publishedOn: string, proposals: KnownProposal[]): string[] =>
      extractArticle({ text, publishedOn }, { actors: [], proposals })
        .proposals.filter((p) => !p.isNew)
        .map((p) => p.id);
    // an agreement stands for years; a draft is put to the vote once
    expect(ids('Malta backed the grain deal and the draft resolution of the UAE.', '2024-03-25', known)).toEqual([
      'grain-deal',
    ]);
    // the kind is the head's, whatever comes before or after it
    const heads: KnownProposal[] = [
      { id: 'uae-draft', name: 'UAE draft', aliases: [], introducedOn: '2023-12-08' },
      { id: 'gaza-truce', name: 'Gaza ceasefire', aliases: [], introducedOn: '2024-05' },
    ];
    const said = 'Malta backed the Gaza ceasefire and the UAE draft.';
    expect(ids(said, '2023-12-20', heads)).toEqual(['gaza-truce', 'uae-draft']);
    expect(ids(said, '2025-08-20', heads)).toEqual(['gaza-truce']);
    const text = 'Malta backed the UAE draft resolution on Monday.';
    const soon = extractArticle({ text, publishedOn: '2023-12-11' }, { actors: [], proposals: known }).proposals;
    expect(soon.map((p) => p.id)).toContain('uae-draft-resolution');
    const later = extractArticle(
      { text: 'Malta backed the draft resolution of the UAE on Monday.', publishedOn: '2024-06-03' },
      { actors: [], proposals: known },
    ).proposals;
    expect(later.map((p) => p.id)).not.toContain('uae-draft-resolution');
  });

  it('names no proposal by a bare proposal noun unless someone put it forward', () => {
    expect(proposalsOf('North Korea said it would welcome an end.')).toEqual([]);
    expect(proposalsOf('Rwanda backed a proposed cap on Friday.').map((p) => p.name)).toEqual(['Cap']);
  });

  it('reads a date with its comma inside a proposal wording', () => {
    const ps = proposalsOf('Venezuela will proceed with its December 3, 2023 referendum about its claim to Essequibo.');
    expect(ps.map((p) => p.name)).toEqual(['December 3, 2023 referendum about its claim to Essequibo']);
  });

  it("reads a state's joining an organisation, said as a clause, as that state's accession", () => {
    const x = extractArticle(
      { text: 'Germany opposes Ukraine joining NATO.', publishedOn: '2024-03-15' },
      { actors: [], proposals: [] },
    );
    expect(x.proposals.map((p) => p.name)).toEqual(["Ukraine's NATO accession"]);
    expect(x.stances.map((st) => [st.actorId, st.position])).toEqual([['germany', 'OPPOSE']]);
    // an organisation does not join, and a clause without one names nothing
    expect(proposalsOf('Germany opposes NATO joining Ukraine.')).toEqual([]);
  });

  it("keeps a place's name before a proposal's nouns in its name", () => {
    expect(proposalsOf('China backed the Tumen river corridor initiative on Saturday.').map((p) => p.name)).toEqual([
      'Tumen river corridor initiative',
    ]);
  });

  it("reads a state's ambition to join an organisation as its accession, keeping the article's wording whole", () => {
    const [p] = proposalsOf('Stoltenberg said NATO supports Turkey\u2019s ambition to join the EU.');
    expect(p.name).toBe("Turkey's European Union accession");
    expect(p.aliases).toContain("Turkey's ambition to join the EU");
  });

  it('reads an act on a proposal with a party no proposal named before as another proposal, not a reference', () => {
    const x = extractArticle(
      {
        text: "NATO supports Turkey's bid to join the EU. Hungary on Tuesday blocked the launch of accession talks with Ukraine.",
        publishedOn: '2024-03-15',
      },
      { actors: [], proposals: [] },
    );
    expect(x.stances.map((st) => [st.actorId, st.position, st.proposalId])).toContainEqual([
      'hungary',
      'OPPOSE',
      'accession-talks-with-ukraine',
    ]);
  });
});

describe('an anaphor is a noun phrase, and a plan on the table becomes the deal', () => {
  const wordings = (text: string) => {
    const x = extractArticle({ text, publishedOn: '2024-03-15' }, { actors: [], proposals: [] });
    return x.proposals.flatMap((p) => p.mentions.map((m) => [p.name, x.text.slice(m.charStart, m.charEnd)]));
  };

  it('never ends a reference on a verb, and keeps a participle before its noun', () => {
    const got = wordings(
      'Egypt unveiled a ceasefire plan on Monday. The party called for talks. The ministry said the emerging plan ' +
        'was fair. The resolution calls for calm.',
    );
    expect(got.map(([, w]) => w)).not.toContain('The party called');
    expect(got.map(([, w]) => w)).not.toContain('The resolution calls');
    expect(got).toContainEqual(['Ceasefire plan', 'the emerging plan']);
  });

  it('takes "the agreement" after a proposal, with no agreement named, for that proposal', () => {
    const got = wordings(
      'Hamas said it was studying a ceasefire proposal outlined by Egypt. Qatar said the agreement was fair.',
    );
    expect(got).toContainEqual(['Ceasefire proposal', 'the agreement']);
    // an agreement named before is what "the agreement" means
    const named = wordings(
      'Israel rejected the 2015 nuclear agreement. Hamas studied a ceasefire proposal. Iran praised the agreement.',
    );
    expect(named).not.toContainEqual(['Ceasefire proposal', 'the agreement']);
  });
});

describe('a worry names what it is about when that is named as a thing', () => {
  it('introduces the object of a concern after its preposition, and not a bare matter of concern', () => {
    const names = proposalsOf(
      'Fiji expressed strong concerns about the release of treated water into the Pacific Ocean. ' +
        'Egypt voiced concerns over guarantees.',
    ).map((p) => p.name);
    expect(names).toEqual(['Release of treated water into the Pacific Ocean']);
  });
});

describe('a known proposal named by capitals and generic words', () => {
  it('is named by its capitals alone in a later article, and a specific head keeps its own name', () => {
    const known: KnownProposal[] = [
      { id: 'aukus-pact', name: 'AUKUS pact', aliases: [] },
      { id: 'trips-waiver', name: 'TRIPS waiver', aliases: [] },
    ];
    const x = extractArticle(
      { text: 'Malaysia said AUKUS could spark an arms race. Brazil invoked TRIPS.', publishedOn: '2024-03-15' },
      { actors: [], proposals: known },
    );
    const named = x.proposals.flatMap((p) => p.mentions.map((m) => [p.id, x.text.slice(m.charStart, m.charEnd)]));
    expect(named).toContainEqual(['aukus-pact', 'AUKUS']);
    expect(named.map(([id]) => id)).not.toContain('trips-waiver');
  });
});

describe('a purpose phrase is never part of a name', () => {
  it('ends a name before "in a ... effort", "in a bid"', () => {
    expect(proposalsOf('Qatar called for a truce with Israel in a bid to free the hostages.')[0].name).toBe(
      'Truce with Israel',
    );
  });
});

describe('a new proposal is named without how it stands or is judged', () => {
  it("drops status, judgement and a cue's act from the front, keeping the wording as written elsewhere", () => {
    expect(cleanName('Stalled nuclear talks', 'amid stalled nuclear talks')).toBe('Nuclear talks');
    expect(
      cleanName(
        'Crippled nuclear deal between Tehran and world powers',
        'nuclear deal between Tehran and world powers',
      ),
    ).toBe('Nuclear deal between Tehran and world powers');
    expect(cleanName('Obstructing negotiations over the dam', 'obstructing negotiations over the dam')).toBe(
      'Negotiations over the dam',
    );
  });

  it('keeps words that tell proposals apart, capitalised names, and a name that would be left bare', () => {
    expect(cleanName('Binding agreement on the dam', 'binding agreement on the dam')).toBe(
      'Binding agreement on the dam',
    );
    expect(cleanName('Historic Accord Act', 'Historic Accord Act')).toBe('Historic Accord Act');
    expect(cleanName('Landmark agreement', 'landmark agreement')).toBe('Landmark agreement');
    expect(cleanName('Meeting between the two leaders', 'meeting between the two leaders')).toBe(
      'Meeting between the two leaders',
    );
  });

  it("never starts with a preposition or a speaker's possessive, and ends before 'due to'", () => {
    expect(cleanName('For the reform of the Security Council', 'for the reform of the Security Council')).toBe(
      'Reform of the Security Council',
    );
    expect(cleanName('Our proposal for a truce', 'Our proposal for a truce')).toBe('Proposal for a truce');
    expect(proposalsOf('Iraq vowed to expel US forces due to the strikes.')[0].name).toBe('Expulsion of US forces');
  });

  it('names an act said as a verb by its noun', () => {
    expect(proposalsOf('Washington proposed to normalize relations between Riyadh and Israel.')[0].name).toBe(
      'Normalization of relations between Riyadh and Israel',
    );
    // buying and selling arms: a plan to acquire them is a proposal, named as the acquisition
    expect(
      proposalsOf("Jakarta voiced concerns over Canberra's plans to acquire nuclear-powered submarines.")[0].name,
    ).toBe('Acquisition of nuclear-powered submarines');
  });
});

describe('what a cue is about ends before an adverbial phrase that holds another intro', () => {
  it('names "candidate status for Ukraine" when "in a concerted effort to ..." follows it', () => {
    const text =
      'France backed EU candidate status for Ukraine in a concerted effort to settle doubts about its support.';
    const tokens = tokenize(text);
    const cue = { start: text.indexOf('backed'), end: text.indexOf('backed') + 6, position: 'SUPPORT' as const };
    // the parse's reading of each wording: the cue's object kept as a noun phrase, the effort's act dropped
    const reshape = (start: number, end: number) =>
      text.slice(start, end).startsWith('EU')
        ? { keep: true as const, name: text.slice(start, end), start, end }
        : { keep: false as const, why: 'a verb phrase' };
    const table = buildProposals(
      text,
      tokens,
      [[0, tokens.length]],
      findActors(text, tokens, []),
      [],
      [],
      [],
      () => null,
      [cue],
      reshape,
    );
    expect([...table.records.values()].map((r) => r.name)).toEqual(['EU candidate status for Ukraine']);
  });
});
