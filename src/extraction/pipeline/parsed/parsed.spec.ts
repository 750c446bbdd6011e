import type { ParsedSentence } from '../parse.js';
import { SentenceGraph } from './graph.js';
import { adviser, headsOwnClause, newParsedMemory, ownAdverbialClause, parsedHolder } from './holder.js';
import { cueSubjectPhrase, proposalNounPhrases, reshapeWording } from './noun-phrase.js';
import { parsedTarget } from './target.js';
import { dateOfCueVerb } from './dating.js';
import type { DateMention } from '../dates.js';
import type { ProposalMention } from '../proposals.js';
import type { SentenceView } from '../holders.js';
import type { ActorMention } from '../actors.js';

/** A hand-written parse: words with their tags, and [relation, head, dependent] edges (0-based, head -1 = root). */
function sentence(
  words: Array<[string, string]>,
  edges: Array<[string, number, number]>,
): { g: SentenceGraph; text: string } {
  let at = 0;
  const tokens = words.map(([text, pos]) => {
    const t = { text, lemma: text.toLowerCase(), pos, ner: 'O', normalized: null, start: at, end: at + text.length };
    at += text.length + 1;
    return t;
  });
  const s: ParsedSentence = {
    start: 0,
    end: at - 1,
    tokens,
    edges: edges.map(([rel, head, dep]) => ({ rel, head, dep })),
  };
  return { g: new SentenceGraph(s), text: words.map((w) => w[0]).join(' ') };
}

/** The same in one line each: "word/TAG word/TAG ..." and "rel head dep, ..." (0-based, head -1 = root). */
function tagged(words: string, edges: string): { g: SentenceGraph; text: string } {
  const pairs = words
    .split(' ')
    .map((w): [string, string] => [w.slice(0, w.lastIndexOf('/')), w.slice(w.lastIndexOf('/') + 1)]);
  const arcs = edges.split(',').map((e): [string, number, number] => {
    const [rel, head, dep] = e.trim().split(/\s+/);
    return [rel, Number(head), Number(dep)];
  });
  return sentence(pairs, arcs);
}

describe('proposal wordings read off the parse', () => {
  // "Turkey ratified Sweden 's NATO membership bid on Tuesday"
  const ratified = tagged(
    "Turkey/NNP ratified/VBD Sweden/NNP 's/POS NATO/NNP membership/NN bid/NN on/IN Tuesday/NNP",
    'root -1 1, nsubj 1 0, obj 1 6, nmod:poss 6 2, case 2 3, compound 6 4, compound 6 5, nmod:on 6 8, case 8 7',
  );
  ratified.g.tokens[8].ner = 'DATE';

  it('names a proposal by its noun phrase: possessor and compounds in, a date after it out', () => {
    const { g, text } = ratified;
    const start = text.indexOf('membership');
    expect(reshapeWording(g, text, start, text.length)).toMatchObject({
      keep: true,
      name: "Sweden 's NATO membership bid",
    });
  });

  // "vetoed a draft resolution that recommended the admission of Palestine" / "... that contained no commitments"
  it('names an unnamed text by what its relative clause asks for, not by what it describes', () => {
    const { g, text } = tagged(
      'vetoed/VBD a/DT draft/NN resolution/NN that/WDT recommended/VBD the/DT admission/NN of/IN Palestine/NNP',
      'root -1 0, obj 0 3, det 3 1, compound 3 2, ref 3 4, nsubj 5 3, acl:relcl 3 5, obj 5 7, det 7 6, nmod:of 7 9, case 9 8',
    );
    g.tokens[5].lemma = 'recommend';
    const start = text.indexOf('draft');
    expect(g.headOf(text.indexOf('resolution'), text.length)).toBe(3);
    expect(reshapeWording(g, text, start, text.length, 'named-np')).toMatchObject({
      keep: true,
      name: 'Draft resolution that recommended the admission of Palestine',
    });
    const described = tagged(
      'signed/VBD a/DT declaration/NN that/WDT contained/VBD no/DT commitments/NNS',
      'root -1 0, obj 0 2, det 2 1, ref 2 3, nsubj 4 2, acl:relcl 2 4, obj 4 6, det 6 5',
    );
    described.g.tokens[4].lemma = 'contain';
    const d = described.text.indexOf('declaration');
    expect(reshapeWording(described.g, described.text, d, described.text.length, 'named-np')).toMatchObject({
      keep: false,
    });
  });

  // "Russia wants to extend the deal" / "officials proposed to hold talks"
  const extend = tagged('extend/VB the/DT deal/NN', 'root -1 0, obj 0 2, det 2 1');

  it('drops an action on a proposal named elsewhere, unless a proposing word introduced it', () => {
    const { g, text } = extend;
    expect(reshapeWording(g, text, 0, text.length)).toEqual({ keep: false, why: 'refers back' });
    expect(reshapeWording(g, text, 0, text.length, 'verb-propose')).toBeNull();
  });

  it('never cuts a name inside a word written with hyphens ("end-of-war"), however the parser hangs its parts', () => {
    // "rejected the proposal for an end-of-war declaration": CoreNLP splits the word and hangs "war" on "end" (nmod:of)
    const words = ['rejected', 'the', 'proposal', 'for', 'an', 'end', '-', 'of', '-', 'war', 'declaration'];
    const text = 'rejected the proposal for an end-of-war declaration';
    let at = 0;
    const tokens = words.map((w) => {
      const start = text.indexOf(w, at);
      at = start + w.length;
      return { text: w, lemma: w, pos: 'NN', ner: 'O', normalized: null, start, end: at };
    });
    tokens[0].pos = 'VBD';
    const edges = [
      ['root', -1, 0],
      ['obj', 0, 2],
      ['det', 2, 1],
      ['nmod:for', 2, 10],
      ['case', 10, 3],
      ['det', 10, 4],
      ['compound', 10, 5],
      ['punct', 5, 6],
      ['case', 9, 7],
      ['punct', 9, 8],
      ['nmod:of', 5, 9],
    ].map(([rel, head, dep]) => ({ rel: rel as string, head: head as number, dep: dep as number }));
    const g = new SentenceGraph({ start: 0, end: text.length, tokens, edges });
    const start = text.indexOf('proposal');
    expect(reshapeWording(g, text, start, text.length)).toMatchObject({
      keep: true,
      name: 'Proposal for an end-of-war declaration',
    });
  });

  it('keeps becoming a member of a named organisation as an act of joining, and nothing else one becomes', () => {
    // "(Sweden's bid to) become a member of NATO"
    const member = tagged(
      'become/VB a/DT member/NN of/IN NATO/NNP',
      'root -1 0, xcomp 0 2, det 2 1, nmod:of 2 4, case 4 3',
    );
    member.g.tokens[2].lemma = 'member';
    expect(reshapeWording(member.g, member.text, 0, member.text.length)).toMatchObject({ keep: true, joins: true });
    // "(its wish to) become a member", "become a partner": no organisation named, or no membership
    const bare = tagged('become/VB a/DT member/NN', 'root -1 0, xcomp 0 2, det 2 1');
    bare.g.tokens[2].lemma = 'member';
    expect(reshapeWording(bare.g, bare.text, 0, bare.text.length)).toEqual({ keep: false, why: 'a verb phrase' });
  });

  it('keeps joining a named organisation as an act of joining, and drops joining anything else', () => {
    // "(Georgia hopes to) join the European Union" / "(Japan wants to) join the talks"
    const eu = tagged('join/VB the/DT European/NNP Union/NNP', 'root -1 0, obj 0 3, det 3 1, compound 3 2');
    expect(reshapeWording(eu.g, eu.text, 0, eu.text.length)).toEqual({
      keep: true,
      name: 'join the European Union',
      start: 0,
      end: eu.text.length,
      joins: true,
    });
    // "(Georgia hopes to) join the European Union, the minister said": the parser made the Union the subject of "said"
    const said = tagged(
      'join/VB the/DT European/NNP Union/NNP ,/, the/DT minister/NN said/VBD',
      'root -1 0, nsubj 7 3, det 3 1, compound 3 2, punct 3 4, appos 3 6, det 6 5, ccomp 0 7',
    );
    const span = 'join the European Union'.length;
    expect(reshapeWording(said.g, said.text, 0, span)).toMatchObject({ keep: true, joins: true, end: span });
    const talks = tagged('join/VB the/DT talks/NNS', 'root -1 0, obj 0 2, det 2 1');
    expect(reshapeWording(talks.g, talks.text, 0, talks.text.length)).toEqual({ keep: false, why: 'a verb phrase' });
  });

  it('ends a name where a coordinated act begins ("call for a permanent ceasefire and end the suffering")', () => {
    // "(call for) a permanent ceasefire and end the suffering": the pattern's own wording, cut
    const np = tagged(
      'a/DT permanent/JJ ceasefire/NN and/CC end/VB the/DT suffering/NN',
      'root -1 2, det 2 0, amod 2 1, cc 4 3, conj 2 4, det 6 5, obj 4 6',
    );
    expect(reshapeWording(np.g, np.text, 0, np.text.length, 'verb-call-for')).toEqual({
      keep: 'cut',
      start: 0,
      end: 'a permanent ceasefire'.length,
    });
    // "(to uphold) the Indus Waters Treaty and end the dispute": the parse's own name, cut
    const treaty = tagged(
      'the/DT Indus/NNP Waters/NNP Treaty/NNP and/CC end/VB the/DT dispute/NN',
      'root -1 3, det 3 0, compound 3 1, compound 3 2, cc 5 4, conj 3 5, det 7 6, obj 5 7',
    );
    expect(reshapeWording(treaty.g, treaty.text, 0, treaty.text.length)).toMatchObject({
      keep: true,
      name: 'Indus Waters Treaty',
      end: 'the Indus Waters Treaty'.length,
    });
    // a noun after "and" belongs to the name: "the ceasefire and hostage release deal"
    const deal = tagged(
      'the/DT ceasefire/NN and/CC hostage/NN release/NN deal/NN',
      'root -1 5, det 5 0, compound 5 1, cc 3 2, conj 1 3, compound 5 4',
    );
    expect(reshapeWording(deal.g, deal.text, 0, deal.text.length)).toMatchObject({ keep: true, end: deal.text.length });
  });

  it('drops a wording headed by neither a proposal noun nor a proposal verb', () => {
    const { g, text } = tagged('way/NN forward/RB', 'root -1 0, advmod 0 1');
    expect(reshapeWording(g, text, 0, text.length)).toEqual({ keep: false, why: 'not a proposal noun' });
  });

  it('keeps the number a hyphen joins to the head\'s modifier ("a 12-point peace plan")', () => {
    const { g, text } = tagged(
      'a/DT 12/CD -/HYPH point/NN peace/NN plan/NN',
      'root -1 5, det 5 0, nummod 3 1, punct 3 2, compound 5 3, compound 5 4',
    );
    expect(reshapeWording(g, text, 0, text.length)).toMatchObject({ keep: true, name: '12 - point peace plan' });
  });

  // "rejected any Japan - North Korea summit over ..."
  const summit = tagged(
    'rejected/VBD any/DT Japan/NNP -/HYPH North/NNP Korea/NNP summit/NN over/IN',
    'root -1 0, obj 0 6, det 6 1, dep 5 2, punct 5 3, compound 5 4, amod 6 5, case 6 7',
  );

  it('lists the noun phrases a proposal noun heads, hyphened names whole and no preposition last', () => {
    const { g, text } = summit;
    const spans = proposalNounPhrases(g, text).map((x) => text.slice(x.start, x.end));
    expect(spans).toEqual(['Japan - North Korea summit']);
  });

  it('keeps a gerund\'s object inside the phrase ("rules for filling and operating the dam")', () => {
    const { g, text } = tagged(
      'rules/NNS for/IN filling/VBG and/CC operating/VBG the/DT dam/NN',
      'root -1 0, nmod:for 0 2, case 2 1, cc 4 3, conj:and 2 4, obj 2 6, det 6 5',
    );
    const spans = proposalNounPhrases(g, text).map((x) => text.slice(x.start, x.end));
    expect(spans).toEqual(['rules for filling and operating the dam']);
  });

  it('drops a clause: a verb with its own subject inside the wording', () => {
    const { g, text } = tagged(
      'deal/NN did/VBD not/RB meet/VB demands/NNS',
      'root -1 3, nsubj 3 0, aux 3 1, advmod 3 2, obj 3 4',
    );
    expect(reshapeWording(g, text, 0, text.length, 'cue-object')).toEqual({ keep: false, why: 'a clause' });
  });

  it('keeps a hyphened word whole whatever the parser calls its first part ("a water-sharing treaty")', () => {
    const { g, text } = tagged(
      'a/DT water/NN -/HYPH sharing/VBG treaty/NN',
      'root -1 4, det 4 0, obl 3 1, punct 3 2, amod 4 3',
    );
    expect(reshapeWording(g, text, 0, text.length)).toMatchObject({ keep: true, name: 'Water - sharing treaty' });
  });

  // "I have a proposal to extend the current agreement without any preconditions" (the infinitive parsed as the verb's ccomp)
  const proposing = tagged(
    'I/PRP have/VBP a/DT proposal/NN to/TO extend/VB the/DT current/JJ agreement/NN without/IN any/DT preconditions/NNS',
    'root -1 1, nsubj 1 0, det 3 2, obj 1 3, mark 5 4, ccomp 1 5, det 8 6, amod 8 7, obj 5 8, case 11 9, det 11 10, obl:without 5 11',
  );
  proposing.g.tokens[7].ner = 'DATE';

  it("names a proposing noun by the act it proposes, up to the act's object", () => {
    const { g, text } = proposing;
    const start = text.indexOf('proposal');
    expect(reshapeWording(g, text, start, text.length, 'noun-proposal')).toMatchObject({
      keep: true,
      name: 'Proposal to extend the current agreement',
    });
    // the pattern's wording may start at the act: the noun before it still names it
    const act = text.indexOf('extend');
    expect(reshapeWording(g, text, act, text.length, 'noun-proposal')).toMatchObject({
      keep: true,
      name: 'Proposal to extend the current agreement',
    });
  });

  it('reads "the current agreement" as a reference: a generic modifier tells no proposal apart', () => {
    const { g, text } = proposing;
    const act = text.indexOf('extend');
    expect(reshapeWording(g, text, act, text.indexOf(' without'))).toEqual({ keep: false, why: 'refers back' });
  });

  // "Britain abstained on a United Nations resolution demanding an immediate ceasefire in Gaza"
  const demanding = tagged(
    'Britain/NNP abstained/VBD on/IN a/DT United/NNP Nations/NNP resolution/NN demanding/VBG an/DT immediate/JJ ceasefire/NN in/IN Gaza/NNP',
    'root -1 1, nsubj 1 0, case 6 2, det 6 3, compound 5 4, compound 6 5, obl:on 1 6, acl 6 7, det 10 8, amod 10 9, obj 7 10, case 12 11, nmod:in 10 12',
  );

  demanding.g.tokens[7].lemma = 'demand';

  it('names what a resolution demands as the resolution, with what it demands', () => {
    const { g, text } = demanding;
    const start = text.indexOf('immediate');
    expect(reshapeWording(g, text, start, text.length)).toMatchObject({
      keep: true,
      name: 'United Nations resolution demanding an immediate ceasefire in Gaza',
    });
  });

  // "Russia agreed to an extension of the nuclear treaty"
  const extension = tagged(
    'Russia/NNP agreed/VBD to/IN an/DT extension/NN of/IN the/DT nuclear/JJ treaty/NN',
    'root -1 1, nsubj 1 0, case 4 2, det 4 3, obl:to 1 4, case 8 5, det 8 6, amod 8 7, nmod:of 4 8',
  );

  it('names the proposal an act is on ("the launch of accession talks with Ukraine") by the proposal', () => {
    // "the launch of accession talks with Ukraine"
    const { g, text } = tagged(
      'the/DT launch/NN of/IN accession/NN talks/NNS with/IN Ukraine/NNP',
      'root -1 1, det 1 0, case 4 2, compound 4 3, nmod:of 1 4, case 6 5, nmod:with 4 6',
    );
    g.tokens[4].lemma = 'talk';
    expect(reshapeWording(g, text, 0, text.length)).toMatchObject({ keep: true, name: 'Accession talks with Ukraine' });
    // a launch of something no proposal noun heads is no proposal
    g.tokens[4].text = 'rockets';
    g.tokens[4].lemma = 'rocket';
    g.tokens[3].text = 'space';
    expect(reshapeWording(g, text, 0, text.length)).toEqual({ keep: false, why: 'not a proposal noun' });
  });

  it('names the object of a proposed act with what follows it, its determiners kept ("an end to the Korean War")', () => {
    const { g, text } = tagged(
      'declare/VB an/DT end/NN to/IN the/DT Korean/NNP War/NNP',
      'root -1 0, det 2 1, obj 0 2, case 6 3, det 6 4, compound 6 5, nmod:to 2 6',
    );
    expect(reshapeWording(g, text, 0, text.length)).toMatchObject({ keep: true, name: 'End to the Korean War' });
  });

  it('names an agreement a proposal would extend as the extension', () => {
    const { g, text } = extension;
    const start = text.indexOf('nuclear');
    expect(reshapeWording(g, text, start, text.length)).toMatchObject({
      keep: true,
      name: 'Extension of the nuclear treaty',
    });
  });
  it('keeps the determiners inside a phrase: "the accession of the Nordic country"', () => {
    const { g, text } = tagged(
      'approved/VBD the/DT accession/NN of/IN the/DT Nordic/JJ country/NN into/IN the/DT military/JJ alliance/NN',
      'root -1 0, obj 0 2, det 2 1, nmod:of 2 6, case 6 3, det 6 4, amod 6 5, nmod:into 2 10, case 10 7, det 10 8, amod 10 9',
    );
    expect(reshapeWording(g, text, text.indexOf('accession'), text.length)).toMatchObject({
      keep: true,
      name: 'Accession of the Nordic country',
    });
  });

  it('names the document that calls for something, not what it calls for', () => {
    const { g, text } = tagged(
      'pass/VB a/DT United/NNP States/NNP draft/NN resolution/NN calling/VBG for/IN a/DT ceasefire/NN in/IN Gaza/NNP',
      'root -1 0, obj 0 5, det 5 1, compound 3 2, compound 5 3, compound 5 4, acl 5 6, obl:for 6 9, case 9 7, det 9 8, nmod:in 9 11, case 11 10',
    );
    g.tokens[6].lemma = 'call';
    expect(reshapeWording(g, text, text.indexOf('ceasefire'), text.length)).toMatchObject({
      keep: true,
      name: 'United States draft resolution calling for a ceasefire in Gaza',
    });
  });

  it('names a bare proposal for something by what it is for; one with words of its own by itself', () => {
    // "rejected the proposal for a ceasefire in Gaza" / "rejected the Qatari proposal for a ceasefire in Gaza"
    const bare = tagged(
      'rejected/VBD the/DT proposal/NN for/IN a/DT ceasefire/NN in/IN Gaza/NNP',
      'root -1 0, obj 0 2, det 2 1, nmod:for 2 5, case 5 3, det 5 4, nmod:in 5 7, case 7 6',
    );
    expect(reshapeWording(bare.g, bare.text, bare.text.indexOf('ceasefire'), bare.text.length)).toMatchObject({
      keep: true,
      name: 'Ceasefire in Gaza',
    });
    const own = tagged(
      'rejected/VBD the/DT Qatari/JJ proposal/NN for/IN a/DT ceasefire/NN in/IN Gaza/NNP',
      'root -1 0, obj 0 3, det 3 1, amod 3 2, nmod:for 3 6, case 6 4, det 6 5, nmod:in 6 8, case 8 7',
    );
    expect(reshapeWording(own.g, own.text, own.text.indexOf('ceasefire'), own.text.length)).toMatchObject({
      keep: true,
      name: 'Qatari proposal for a ceasefire in Gaza',
    });
  });

  // "adopted a / the resolution demanding a cease-fire in Gaza"
  const adoptedDemanding = (det: string) =>
    tagged(
      `adopted/VBD ${det}/DT resolution/NN demanding/VBG a/DT cease/NN -/HYPH fire/NN in/IN Gaza/NNP`,
      'root -1 0, obj 0 2, det 2 1, acl 2 3, obj 3 7, det 7 4, compound 7 5, punct 7 6, nmod:in 7 9, case 9 8',
    );

  it('names an indefinite proposal noun by what it does; a definite one refers back', () => {
    const a = adoptedDemanding('a');
    expect(reshapeWording(a.g, a.text, 0, a.text.indexOf(' demanding'))).toMatchObject({
      keep: true,
      name: 'Resolution demanding a cease - fire in Gaza',
    });
    const the = adoptedDemanding('the');
    expect(reshapeWording(the.g, the.text, 0, the.text.indexOf(' demanding'))).toEqual({
      keep: false,
      why: 'refers back',
    });
  });

  it('takes a hyphened proposal noun the tokenizer split ("cease-fire") for its head', () => {
    const { g } = tagged(
      'backed/VBD a/DT cease/NN -/HYPH fire/NN',
      'root -1 0, obj 0 4, det 4 1, compound 4 2, punct 4 3',
    );
    // the word as written, its three tokens touching
    const text = 'backed a cease-fire';
    [g.tokens[2].start, g.tokens[2].end, g.tokens[3].start, g.tokens[3].end] = [9, 14, 14, 15];
    [g.tokens[4].start, g.tokens[4].end] = [15, 19];
    expect(reshapeWording(g, text, 9, text.length)).toMatchObject({ keep: true, name: 'Cease-fire' });
    // apart, they are three words: "fire" is no proposal
    const apart = tagged(
      'backed/VBD a/DT cease/NN -/HYPH fire/NN',
      'root -1 0, obj 0 4, det 4 1, compound 4 2, punct 4 3',
    );
    expect(reshapeWording(apart.g, apart.text, 9, apart.text.length)).toEqual({
      keep: false,
      why: 'not a proposal noun',
    });
  });

  it('keeps a date before the head whole ("the September 19 agreement"), as it says which', () => {
    const { g, text } = tagged(
      'the/DT September/NNP 19/CD agreement/NN',
      'root -1 3, det 3 0, compound 3 1, nummod 1 2',
    );
    g.tokens[1].ner = 'DATE';
    g.tokens[2].ner = 'DATE';
    expect(reshapeWording(g, text, 0, text.length)).toMatchObject({ keep: true, name: 'September 19 agreement' });
  });

  it('names no proposal by a verb phrase, unless a proposing word put it forward', () => {
    const { g, text } = tagged(
      'halt/VB the/DT bombardment/NN of/IN Gaza/NNP',
      'root -1 0, obj 0 2, det 2 1, nmod:of 2 4, case 4 3',
    );
    expect(reshapeWording(g, text, 0, text.length, 'desire-to')).toEqual({ keep: false, why: 'a verb phrase' });
    expect(reshapeWording(g, text, 0, text.length, 'verb-call-for')).not.toEqual({ keep: false, why: 'a verb phrase' });
  });

  it("leaves the pattern steps' wording where the parser gave up around a proposal noun ('dep' arcs)", () => {
    const { g, text } = tagged(
      'with/IN its/PRP$ December/NNP 3/CD referendum/NN',
      'root -1 0, dep 0 1, dep 1 2, nummod 2 3, dep 2 4',
    );
    expect(reshapeWording(g, text, text.indexOf('December'), text.length)).toBeNull();
  });

  it('drops a count of several ("three resolutions"), not a year ("the 2018 agreement")', () => {
    const three = tagged('vetoed/VBD three/CD resolutions/NNS', 'root -1 0, obj 0 2, nummod 2 1');
    expect(reshapeWording(three.g, three.text, three.text.indexOf('three'), three.text.length)).toEqual({
      keep: false,
      why: 'a count',
    });
    const year = tagged('the/DT 2018/CD military/JJ agreement/NN', 'root -1 3, det 3 0, nummod 3 1, amod 3 2');
    expect(reshapeWording(year.g, year.text, 0, year.text.length)).toMatchObject({
      keep: true,
      name: '2018 military agreement',
    });
  });
});

describe('who holds what a cue says, read off the parse', () => {
  /** A sentence view holding the actor mentions at the given token indexes. */
  const viewOf = (g: SentenceGraph, text: string, actors: Array<[number, string]>): SentenceView => {
    const mentions = actors.map(([tok, id]) => {
      const t = g.tokens[tok];
      return {
        start: t.start,
        end: t.end,
        tokStart: tok,
        tokEnd: tok + 1,
        actorId: id,
        kind: 'STATE',
        holderId: id,
        personId: null,
        form: 'name',
        poss: false,
        pp: false,
        compound: false,
      } as ActorMention;
    });
    return {
      text,
      start: 0,
      end: text.length,
      tokens: [],
      tokFrom: 0,
      tokTo: 0,
      mentions,
      excluded: [],
      marks: { quotes: [], commas: [] },
    } as unknown as SentenceView;
  };

  // "Washington urged Hamas to accept the deal"
  const urged = tagged(
    'Washington/NNP urged/VBD Hamas/NNP to/TO accept/VB the/DT deal/NN',
    'root -1 1, nsubj 1 0, obj 1 2, mark 4 3, xcomp 1 4, nsubj:xsubj 4 2, det 6 5, obj 4 6',
  );
  urged.g.tokens[1].lemma = 'urge';

  it('gives what one actor urges another to accept to the one who urges', () => {
    const { g, text } = urged;
    const v = viewOf(g, text, [
      [0, 'united-states'],
      [2, 'hamas'],
    ]);
    const at = text.indexOf('accept');
    expect(adviser(g, v, at, at + 'accept'.length)?.actorId).toBe('united-states');
  });

  // "Hamas should accept the deal , Israel said"
  const should = tagged(
    'Hamas/NNP should/MD accept/VB the/DT deal/NN ,/, Israel/NNP said/VBD',
    'root -1 7, ccomp 7 2, nsubj 2 0, aux 2 1, det 4 3, obj 2 4, punct 7 5, nsubj 7 6',
  );
  should.g.tokens[7].lemma = 'say';

  it('gives what an actor says another should do to the one who says it, and to nobody when nobody says it', () => {
    const { g, text } = should;
    const at = text.indexOf('accept');
    expect(
      adviser(
        g,
        viewOf(g, text, [
          [0, 'hamas'],
          [6, 'israel'],
        ]),
        at,
        at + 6,
      )?.actorId,
    ).toBe('israel');
    expect(adviser(g, viewOf(g, text, [[0, 'hamas']]), at, at + 6)).toBeNull();
    // not advice: no modal, no urging
    const { g: g2, text: t2 } = urged;
    const at2 = t2.indexOf('urged');
    expect(adviser(g2, viewOf(g2, t2, [[0, 'united-states']]), at2, at2 + 5)).toBeUndefined();
  });

  it('gives urging that is itself advice to the one who advises: "Greenfield says the Council should pressure Hamas to accept"', () => {
    // "Greenfield says the Council should pressure Hamas to accept the deal"
    const { g, text } = tagged(
      'Greenfield/NNP says/VBZ the/DT Council/NNP should/MD pressure/VB Hamas/NNP to/TO accept/VB the/DT deal/NN',
      'root -1 1, nsubj 1 0, ccomp 1 5, det 3 2, nsubj 5 3, aux 5 4, obj 5 6, mark 8 7, xcomp 5 8, nsubj:xsubj 8 6, det 10 9, obj 8 10',
    );
    g.tokens[1].lemma = 'say';
    g.tokens[5].lemma = 'pressure';
    const at = text.indexOf('accept');
    const actors: Array<[number, string]> = [
      [0, 'united-states'],
      [3, 'un-security-council'],
      [6, 'hamas'],
    ];
    expect(adviser(g, viewOf(g, text, actors), at, at + 6)?.actorId).toBe('united-states');
    // nobody says it: nobody's stance
    expect(adviser(g, viewOf(g, text, actors.slice(1)), at, at + 6)).toBeNull();
  });

  // "Japan said another summit with the United States would be pointless"
  const pointless = tagged(
    'Japan/NNP said/VBD another/DT summit/NN with/IN the/DT United/NNP States/NNP would/MD be/VB pointless/JJ',
    'root -1 1, nsubj 1 0, ccomp 1 10, det 3 2, nsubj 10 3, case 7 4, det 7 5, compound 7 6, nmod:with 3 7, aux 10 8, cop 10 9',
  );
  pointless.g.tokens[1].lemma = 'say';

  it('reads the subject of a predicate cue as what it is said of, and its holder higher up', () => {
    const { g, text } = pointless;
    const at = text.indexOf('pointless');
    const subject = cueSubjectPhrase(g, text, at, at + 9);
    expect(subject && text.slice(subject.start, subject.end)).toBe('summit with the United States');
    const v = viewOf(g, text, [
      [0, 'japan'],
      [7, 'united-states'],
    ]);
    // the actor inside the proposal's wording holds nothing: Japan, who said it, does
    expect(parsedHolder(g, v, at, at + 9, newParsedMemory(), 0)?.mention.actorId).toBe('japan');
    // a bare head refers back to a proposal named before: no new wording
    const { g: g2, text: t2 } = should;
    const at2 = t2.indexOf('accept');
    expect(cueSubjectPhrase(g2, t2, at2, at2 + 6)).toBeNull();
  });

  it('takes the person the parser hangs on a relation noun by a dep arc for the speaker, not the possessor', () => {
    const { g, text } = tagged(
      "Un/NNP 's/POS sister/NN Yo/NNP said/VBD talks/NNS are/VBP useful/JJ",
      'root -1 4, nmod:poss 2 0, case 0 1, nsubj 4 2, dep 2 3, ccomp 4 7, nsubj 7 5, cop 7 6',
    );
    const v = viewOf(g, text, [
      [0, 'north-korea'],
      [3, 'north-korea'],
    ]);
    v.mentions[0].personId = 'kim-jong-un';
    v.mentions[1].personId = 'kim-yo-jong';
    const at = text.indexOf('useful');
    expect(parsedHolder(g, v, at, at + 6, newParsedMemory(), 0)?.speaker?.personId).toBe('kim-yo-jong');
  });
});

describe('what a cue is about, read off the parse', () => {
  const mentionOf = (text: string, words: string): ProposalMention => ({
    start: text.indexOf(words),
    end: text.indexOf(words) + words.length,
    proposalId: 'p',
    kind: 'intro',
  });

  it('takes what an adjective is about ("keen on talks"), not where it holds ("essential in any resolution")', () => {
    const keen = tagged(
      'Seoul/NNP is/VBZ keen/JJ on/IN talks/NNS',
      'root -1 2, nsubj 2 0, cop 2 1, obl:on 2 4, case 4 3',
    );
    const at = keen.text.indexOf('keen');
    expect(parsedTarget(keen.g, at, at + 4, [mentionOf(keen.text, 'talks')])?.mention.proposalId).toBe('p');
    const essential = tagged(
      'release/NN was/VBD essential/JJ in/IN any/DT resolution/NN',
      'root -1 2, nsubj 2 0, cop 2 1, obl:in 2 5, case 5 3, det 5 4',
    );
    const cue = essential.text.indexOf('essential');
    expect(parsedTarget(essential.g, cue, cue + 9, [mentionOf(essential.text, 'resolution')])).toBeNull();
  });

  it('takes no occasion for what a cue is about ("signed the pact at a summit")', () => {
    const { g, text } = tagged(
      'signed/VBD the/DT pact/NN at/IN a/DT summit/NN',
      'root -1 0, obj 0 2, det 2 1, obl:at 0 5, case 5 3, det 5 4',
    );
    expect(parsedTarget(g, 0, 6, [mentionOf(text, 'summit')])).toBeNull();
    expect(parsedTarget(g, 0, 6, [mentionOf(text, 'pact')])?.mention.start).toBe(text.indexOf('pact'));
  });
});

describe('the date of the act a cue names, read off the parse', () => {
  const dateAt = (text: string, words: string, value: string): DateMention => {
    const start = text.indexOf(words);
    return { start, end: start + words.length, text: words, kind: 'weekday', value, future: false };
  };

  it('gives the cue the day hung on its object right after it, as on itself', () => {
    // the parser hangs "on Tuesday" on "bid", not on "ratified"
    const { g, text } = tagged(
      "Turkey/NNP ratified/VBD Sweden/NNP 's/POS NATO/NNP membership/NN bid/NN on/IN Tuesday/NNP",
      'root -1 1, nsubj 1 0, obj 1 6, nmod:poss 6 2, case 2 3, compound 6 4, compound 6 5, nmod:on 6 8, case 8 7',
    );
    const tuesday = dateAt(text, 'Tuesday', '2024-01-23');
    const cue = text.indexOf('ratified');
    expect(dateOfCueVerb(g, cue, cue + 'ratified'.length, [tuesday])).toBe(tuesday);
    const onVerb = tagged(
      'Turkey/NNP ratified/VBD the/DT bid/NN on/IN Tuesday/NNP',
      'root -1 1, nsubj 1 0, obj 1 3, det 3 2, obl:on 1 5, case 5 4',
    );
    const day = dateAt(onVerb.text, 'Tuesday', '2024-01-23');
    expect(dateOfCueVerb(onVerb.g, 7, 15, [day])).toBe(day);
  });

  it('leaves a date that names the object ("of 19 September") or belongs to a farther clause', () => {
    const named = tagged(
      'Seoul/NNP backed/VBD the/DT agreement/NN of/IN September/NNP',
      'root -1 1, nsubj 1 0, obj 1 3, det 3 2, nmod:of 3 5, case 5 4',
    );
    expect(dateOfCueVerb(named.g, 6, 12, [dateAt(named.text, 'September', '2018-09')])).toBeNull();
    const far = tagged(
      'Seoul/NNP proposed/VBD the/DT offer/NN since/IN Moon/NNP took/VBD office/NN in/IN May/NNP',
      'root -1 1, nsubj 1 0, obj 1 3, det 3 2, acl 3 6, mark 6 4, nsubj 6 5, obj 6 7, nmod:in 3 9, case 9 8',
    );
    expect(dateOfCueVerb(far.g, 6, 14, [dateAt(far.text, 'May', '2017-05')])).toBeNull();
  });
});

describe('which cues head a clause of their own, read off the parse', () => {
  const cueAt = (text: string, word: string): [number, number] => [
    text.indexOf(word),
    text.indexOf(word) + word.length,
  ];

  it('a verb with its own subject in an adverbial or relative clause states something of its own', () => {
    const since = tagged(
      'Hungary/NNP gave/VBD its/PRP$ backing/NN since/IN Turkey/NNP ratified/VBD the/DT request/NN',
      'root -1 1, nsubj 1 0, obj 1 3, nmod:poss 3 2, acl:since 3 6, mark 6 4, nsubj 6 5, obj 6 8, det 8 7',
    );
    expect(headsOwnClause(since.g, ...cueAt(since.text, 'ratified'))).toBe(true);
    const relative = tagged(
      'China/NNP opposed/VBD the/DT plan/NN that/WDT Japan/NNP supports/VBZ',
      'root -1 1, nsubj 1 0, obj 1 3, det 3 2, acl:relcl 3 6, obj 6 4, nsubj 6 5',
    );
    expect(headsOwnClause(relative.g, ...cueAt(relative.text, 'supports'))).toBe(true);
  });

  it('an adverbial clause with a nominal subject of its own speaks for that subject, not for the main clause', () => {
    const whileClause = tagged(
      'Britain/NNP abstained/VBD while/IN the/DT other/JJ members/NNS voted/VBD yes/UH',
      'root -1 1, nsubj 1 0, advcl:while 1 6, mark 6 2, det 5 3, amod 5 4, nsubj 6 5, obj 6 7',
    );
    expect(ownAdverbialClause(whileClause.g, ...cueAt(whileClause.text, 'voted'))).toBe(true);
    // (a pronoun subject is left to the holder step, which resolves it)
    const pronoun = tagged(
      'Britain/NNP abstained/VBD while/IN it/PRP voted/VBD yes/UH',
      'root -1 1, nsubj 1 0, advcl:while 1 4, mark 4 2, nsubj 4 3, obj 4 5',
    );
    expect(ownAdverbialClause(pronoun.g, ...cueAt(pronoun.text, 'voted'))).toBe(false);
    expect(ownAdverbialClause(whileClause.g, ...cueAt(whileClause.text, 'abstained'))).toBe(false);
  });

  it('a content clause or an infinitive is what the cue before it is about', () => {
    const content = tagged(
      'Seoul/NNP voiced/VBD concern/NN that/IN Tokyo/NNP would/MD reject/VB it/PRP',
      'root -1 1, nsubj 1 0, obj 1 2, acl:that 2 6, mark 6 3, nsubj 6 4, aux 6 5, obj 6 7',
    );
    expect(headsOwnClause(content.g, ...cueAt(content.text, 'reject'))).toBe(false);
    const infinitive = tagged(
      'Japan/NNP showed/VBD reluctance/NN to/TO accept/VB it/PRP',
      'root -1 1, nsubj 1 0, obj 1 2, acl:to 2 4, mark 4 3, nsubj:xsubj 4 0, obj 4 5',
    );
    expect(headsOwnClause(infinitive.g, ...cueAt(infinitive.text, 'accept'))).toBe(false);
  });
});
