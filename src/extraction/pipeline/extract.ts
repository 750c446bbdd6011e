/**
 * The extraction pipeline, end to end: raw article text in, structured
 * stances out. Pure, offline and deterministic; the caller passes what the
 * graph already knows (actors and proposals with their aliases) so that
 * mentions resolve to existing ids.
 */
import { findActors, type ActorRecord } from './actors.js';
import { findDates } from './dates.js';
import { markSources, marksOf } from './marks.js';
import { applyFeedback } from './feedback.js';
import { applyConfidenceModel, CONFIDENCE_MODEL, type ConfidenceModel } from './confidence.js';
import { findHolder, markText, type SentenceView } from './holders.js';
import { compileAddedCue, ORGS, STATES, VOTING_BODIES } from './lexicon.js';
import { analyseIdentity, exactIdentity } from './identity.js';
import { resolveMetadata } from './metadata.js';
import { normalise } from './normalise.js';
import { buildProposals, nameKinds } from './proposals.js';
import { splitSentences } from './sentences.js';
import { fillSpeakers } from './stances/speakers.js';
import { extractStances } from './stances.js';
import { scanCues } from './stances/cues.js';
import { tokenize } from './tokens.js';
import { newParsedMemory, parsedHolder } from './parsed/holder.js';
import { ParseIndex } from './parsed/index.js';
import { cueSubjectPhrase, proposalNounPhrases, reshapeWording } from './parsed/noun-phrase.js';
import type {
  ArticleInput,
  ExtractedActor,
  ExtractedProposal,
  ExtractionResult,
  KnownEntities,
  Span,
} from './types.js';

const EMPTY: KnownEntities = { actors: [], proposals: [] };

/**
 * The text extraction reads and every offset refers to (the normalised body,
 * its header removed: parse this), and the publication date the input and
 * the header give (the date a parser resolves "on Tuesday" against).
 */
export function articleBody(input: ArticleInput): { body: string; publishedOn: string | null } {
  const { body, metadata } = resolveMetadata(normalise(input.text ?? ''), input);
  return { body, publishedOn: metadata.publishedOn };
}

/**
 * `model` turns each reading's features into its confidence (confidence.ts):
 * by default the one refitted with analysts' decisions that `known` brings,
 * else the kept one; null leaves the rules' own figures (what the model is
 * fitted on).
 */
export function extractArticle(
  input: ArticleInput,
  known: KnownEntities = EMPTY,
  model: ConfidenceModel | null = known.model ?? CONFIDENCE_MODEL,
): ExtractionResult {
  const { body, metadata } = resolveMetadata(normalise(input.text ?? ''), input);
  const text = body;
  const parse = ParseIndex.for(input.parse, text);
  const { signature, revisions } = analyseIdentity(text);
  const revisionAt = (pos: number): number => {
    for (let r = revisions.length - 1; r >= 0; r--) if (pos >= revisions[r].start) return r;
    return 0;
  };
  const tokens = tokenize(text);
  const rawSentences = splitSentences(text);
  let tk = 0;
  const sentences = rawSentences.map((s) => {
    while (tk < tokens.length && tokens[tk].start < s.start) tk++;
    const tokFrom = tk;
    while (tk < tokens.length && tokens[tk].start < s.end) tk++;
    return { ...s, revision: revisionAt(s.start), tokFrom, tokTo: tk };
  });
  const actors = findActors(text, tokens, known.actors);
  const dates = findDates(text, metadata.publishedOn);

  let mi = 0;
  const marks = markText(text);
  const views: SentenceView[] = sentences.map((s) => {
    while (mi < actors.mentions.length && actors.mentions[mi].start < s.start) mi++;
    const ms = [];
    let j = mi;
    while (j < actors.mentions.length && actors.mentions[j].start < s.end) ms.push(actors.mentions[j++]);
    return {
      text,
      start: s.start,
      end: s.end,
      tokens,
      tokFrom: s.tokFrom,
      tokTo: s.tokTo,
      mentions: ms,
      excluded: [],
      marks,
    };
  });
  const viewAt = (pos: number): SentenceView | null => {
    let lo = 0;
    let hi = views.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (views[mid].end <= pos) lo = mid + 1;
      else if (views[mid].start > pos) hi = mid - 1;
      else return views[mid];
    }
    return null;
  };
  const addedCues = (known.cues ?? []).flatMap((c, i) => compileAddedCue(c.words, c.position, -1 - i) ?? []);
  const cues = scanCues(text, tokens, addedCues);
  const proposals = buildProposals(
    text,
    tokens,
    sentences.map((s) => [s.tokFrom, s.tokTo] as [number, number]),
    actors,
    dates,
    known.proposals,
    known.actors,
    (_tok, at, verbEnd) => {
      const v = viewAt(at);
      const g = verbEnd !== undefined ? parse?.at(at) : null;
      if (g && v) {
        // the subject of the verb [at, verbEnd) as the parse reads it ("a text that emerged to revive the deal":
        // the text, nobody); a pronoun ("it was suspending") is left to the surface reading below
        const h = parsedHolder(g, v, at, verbEnd!, newParsedMemory(), 0);
        if (h) return { mention: h.mention, speaker: h.speaker };
        const verb = g.headOf(at, verbEnd!);
        const pronoun = verb >= 0 && g.children(verb, 'nsubj').some((a) => g.tokens[a.token].pos === 'PRP');
        if (!pronoun) return null;
      }
      const h = v ? findHolder(v, at, at) : null;
      return h ? { mention: h.mention, speaker: h.speaker } : null;
    },
    cues.map((c) => {
      const g = parse?.at(c.start);
      return {
        start: c.start,
        end: c.end,
        position: c.cue.position,
        subject: g && cueSubjectPhrase(g, text, c.start, c.end),
      };
    }),
    parse
      ? (start, end, pattern) => {
          const g = parse.at(start);
          return g && g === parse.at(Math.max(start, end - 1)) ? reshapeWording(g, text, start, end, pattern) : null;
        }
      : null,
    parse ? [...parse.all()].flatMap((g) => proposalNounPhrases(g, text)) : [],
    metadata.publishedOn,
  );
  for (const intro of proposals.intros) viewAt(intro.start)?.excluded.push([intro.start, intro.end]);

  // the body that adopts or rejects a resolution holds no stance on it, nor puts it forward: its members do
  const votedOn = (id: string): boolean => nameKinds(proposals.records.get(id)?.name ?? '').includes('resolution');
  for (const p of proposals.records.values())
    if (p.proposedById && VOTING_BODIES.has(p.proposedById) && votedOn(p.id)) p.proposedById = null;
  const stances = extractStances(
    { text, tokens, sentences, views, actors, proposals, dates, publishedOn: metadata.publishedOn, parse },
    cues,
  ).filter((st) => !(VOTING_BODIES.has(st.actorId) && votedOn(st.proposalId)));
  fillSpeakers(stances, { text, sentences, mentions: actors.mentions, proposalMentions: proposals.mentions });
  const sources = markSources(text, actors.mentions, proposals.mentions, dates);
  for (const st of stances) st.marks = marksOf(st, sources);

  // ---- assemble: every id a stance or proposal refers to is in the result
  const knownActorIds = new Set(known.actors.map((a) => a.id));
  const knownProposalIds = new Set(known.proposals.map((p) => p.id));
  const usedActors = new Set<string>();
  for (const st of stances) {
    usedActors.add(st.actorId);
    if (st.speakerId) usedActors.add(st.speakerId);
  }
  for (const p of proposals.records.values()) {
    if (p.proposedById) usedActors.add(p.proposedById);
    if (p.proposerId) usedActors.add(p.proposerId);
  }
  const spanOf = (start: number, end: number): Span | null =>
    start >= 0 ? { quote: text.slice(start, end), charStart: start, charEnd: end, revision: revisionAt(start) } : null;
  const outActors: ExtractedActor[] = [];
  const seen = new Set<string>();
  const emit = (r: ActorRecord): void => {
    if (seen.has(r.id)) return;
    seen.add(r.id);
    if (r.representsId) {
      const s = actors.records.get(r.representsId);
      if (s) emit(s);
    }
    outActors.push({
      id: r.id,
      name: r.name,
      kind: r.kind,
      aliases: [...r.aliases].filter((a) => a !== r.name),
      representsId: r.representsId,
      role: r.role,
      isNew: !knownActorIds.has(r.id),
      confidence: r.confidence,
      evidence: spanOf(r.firstStart, r.firstEnd),
    });
  };
  for (const r of actors.records.values()) if (r.firstStart >= 0 || usedActors.has(r.id)) emit(r);
  // ids reached only through a nationality adjective ("a Turkish proposal") still need their actor
  const knownActor = new Map<string, KnownEntities['actors'][number]>();
  for (const a of known.actors) if (!knownActor.has(a.id)) knownActor.set(a.id, a);
  const ensure = (id: string): boolean => {
    if (seen.has(id)) return true;
    const g = STATES.get(id) ?? ORGS.get(id);
    const k = knownActor.get(id);
    if (!g && !k) return false;
    seen.add(id);
    const representsId = k?.representsId && ensure(k.representsId) ? k.representsId : null;
    outActors.push({
      id,
      name: k?.name ?? g!.name,
      kind: k?.kind ?? (STATES.has(id) ? 'STATE' : 'ORGANIZATION'),
      aliases: [],
      representsId,
      role: k?.role ?? null,
      isNew: !knownActorIds.has(id),
      confidence: 0.8,
      evidence: null,
    });
    return true;
  };
  for (const id of usedActors) ensure(id);
  for (const a of outActors) if (a.representsId && !ensure(a.representsId)) a.representsId = null;

  const outProposals: ExtractedProposal[] = [];
  const mentionsOf = new Map<string, ExtractedProposal['mentions']>();
  for (const m of proposals.mentions) {
    const list = mentionsOf.get(m.proposalId) ?? [];
    list.push({ charStart: m.start, charEnd: m.end, kind: m.kind });
    mentionsOf.set(m.proposalId, list);
  }
  for (const p of proposals.records.values()) {
    if (!p.mentioned) continue;
    outProposals.push({
      id: p.id,
      name: p.name,
      aliases: [...p.aliases].filter((a) => a !== p.name),
      proposedById: p.proposedById,
      proposerId: p.proposerId,
      proposedOn: p.proposedOn,
      isNew: !knownProposalIds.has(p.id),
      confidence: p.confidence,
      evidence: spanOf(p.evidenceStart, p.evidenceEnd),
      mentions: (mentionsOf.get(p.id) ?? []).sort((a, b) => a.charStart - b.charStart),
    });
  }
  const result: ExtractionResult = {
    text,
    textHash: exactIdentity(text),
    metadata,
    signature,
    revisions,
    actors: outActors,
    proposals: outProposals,
    stances,
    parser: parse ? parse.doc.parser : null,
  };
  if (model) applyConfidenceModel(result, model);
  applyFeedback(stances, known.feedback);
  return result;
}
