/**
 * The extraction library: reads one news article and says who stands where on
 * which diplomatic proposal, when, and on what evidence.
 *
 * Input: the article's text (plain text; a file may open with a `key: value`
 * header, see parseTextFile) with its optional url, outlet, title and
 * publication date, and what the graph already knows (KnownEntities: actors
 * and proposals with their aliases) so that names resolve to existing ids.
 *
 * Output: an ExtractionResult: the normalised text and its hash, a MinHash
 * signature (near-duplicate reports) and the revisions inside the text, and
 * the actors, proposals and stances found, each with its evidence spans.
 * English only and rule-based (lexicons in ./lexicon/*.json); pure, offline
 * and deterministic: the same input gives the same result.
 *
 * Besides: the slug scheme ids are made with (the service must name the
 * actors and proposals a client creates the same way), the near-duplicate
 * measure, the quality scorer (a result against an analyst's gold file), and
 * hostile texts for tests.
 *
 * It imports nothing from the service (no NestJS, no Neo4j, no other folder
 * of src/), so it can be tested, benchmarked and replaced on its own; code
 * outside src/extraction imports this file only (boundary.spec.ts checks both).
 */
export { articleBody, extractArticle } from './pipeline/extract.js';
export type {
  ActorKind,
  ArticleInput,
  ArticleMetadata,
  ExtractedActor,
  ExtractedProposal,
  ExtractedStance,
  ExtractionResult,
  KnownActor,
  KnownEntities,
  KnownProposal,
  Position,
  Span,
  Mark,
  RuleFeedback,
} from './pipeline/types.js';
export { parseTextFile, type ParsedTextFile } from './pipeline/metadata.js';
export { proposalCandidates, type ProposalCandidate } from './pipeline/proposals.js';
export { isKnownCue } from './pipeline/stances/cues.js';
export type { ParsedDocument, ParsedEdge, ParsedSentence, ParsedToken } from './pipeline/parse.js';

// Identity: ids of actors and proposals, and reports told twice.
export { slugify } from './pipeline/slug.js';
export { jaccardEstimate, NEAR_DUPLICATE_THRESHOLD } from './pipeline/identity.js';

// Confidence: the model that estimates how likely a reading is right.
export {
  CONFIDENCE_MODEL,
  FEATURES,
  estimate,
  fitLogistic,
  learnFromDecisions,
  stanceFeatures,
  type ConfidenceModel,
  type LabelledReading,
} from './pipeline/confidence.js';

// Quality: extracted stances against a gold file.
export { fragmentReason, type FragmentReason } from './quality/fragments.js';
export {
  evaluateFolder,
  missCauses,
  toScored,
  type EvaluateOptions,
  type Evaluation,
  type MissCause,
} from './quality/evaluate-extraction.js';
export {
  formatLinks,
  formatTable,
  rightStances,
  scoreArticles,
  scoreLinks,
  type LinkedResult,
  type GoldFile,
  type LinkScore,
  type ScoredStance,
  type ScoreReport,
} from './quality/score.js';

// Hostile input for tests (extraction must stay linear on it).
export { adversarialTexts, SYLLABLES, type AdversarialText } from './pipeline/adversarial.js';
