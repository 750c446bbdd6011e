/**
 * A client of the Stanford CoreNLP server (infra/corenlp/server.sh), the
 * parser at the front of extraction. It sends one text with the article's
 * date (SUTime resolves "on Tuesday" against it) and turns CoreNLP's JSON
 * into the extraction library's ParsedDocument.
 *
 * Failures are ParserError with a stable code: PARSER_UNAVAILABLE (nothing
 * answers, or the server is still loading), PARSER_TIMEOUT, PARSER_REJECTED
 * (an HTTP error status), PARSER_BAD_ANSWER (an answer that is not a parse).
 * Callers fall back to the pattern extractor on any of them.
 */
import type { ParsedDocument, ParsedEdge, ParsedSentence, ParsedToken } from '../extraction/index.js';

/** Tokens, sentences, parts of speech, lemmas, SUTime dates (no statistical NER model) and dependencies. */
export const DEFAULT_ANNOTATORS = ['tokenize', 'ssplit', 'pos', 'lemma', 'ner', 'depparse'] as const;

export type ParserErrorCode = 'PARSER_UNAVAILABLE' | 'PARSER_TIMEOUT' | 'PARSER_REJECTED' | 'PARSER_BAD_ANSWER';

export class ParserError extends Error {
  constructor(
    readonly code: ParserErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ParserError';
  }
}

export interface CoreNlpOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:9000. */
  url: string;
  /** Per request; a text of a few thousand words parses in well under a second. */
  timeoutMs?: number;
  annotators?: readonly string[];
  /**
   * Texts longer than this are refused before sending: the server refuses
   * them itself (its -maxCharLength, 100,000 by default), so sending one
   * only costs both sides the transfer.
   */
  maxChars?: number;
}

interface CoreNlpToken {
  index: number;
  word: string;
  originalText?: string;
  lemma?: string;
  pos?: string;
  ner?: string;
  normalizedNER?: string;
  characterOffsetBegin: number;
  characterOffsetEnd: number;
}
interface CoreNlpDependency {
  dep: string;
  governor: number;
  dependent: number;
}
interface CoreNlpSentence {
  tokens: CoreNlpToken[];
  enhancedPlusPlusDependencies?: CoreNlpDependency[];
  basicDependencies?: CoreNlpDependency[];
}

/** The CoreNLP server's own limit on a text (its -maxCharLength default, which infra/corenlp/server.sh keeps). */
export const MAX_CHARS = 100_000;

export class CoreNlpClient {
  private readonly timeoutMs: number;
  private readonly annotators: readonly string[];
  private readonly maxChars: number;
  private version = 'corenlp 4.5';

  constructor(private readonly options: CoreNlpOptions) {
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.annotators = options.annotators ?? DEFAULT_ANNOTATORS;
    this.maxChars = options.maxChars ?? MAX_CHARS;
  }

  get url(): string {
    return this.options.url;
  }

  /** True when the server answers and has its models loaded. */
  async ready(timeoutMs = 2_000): Promise<boolean> {
    try {
      const res = await fetch(new URL('/ready', this.options.url), { signal: AbortSignal.timeout(timeoutMs) });
      return res.ok;
    } catch {
      return false;
    }
  }

  /**
   * Parses `text`. `date` ('YYYY-MM-DD') is the document date SUTime resolves
   * relative dates against; without it, relative dates stay unresolved.
   */
  async parse(text: string, date?: string | null): Promise<ParsedDocument> {
    if (text.length > this.maxChars) {
      throw new ParserError(
        'PARSER_REJECTED',
        `text of ${text.length} characters is over the parser's ${this.maxChars}`,
      );
    }
    const properties: Record<string, string> = {
      annotators: this.annotators.join(','),
      outputFormat: 'json',
      // SUTime only: dates without the statistical entity models (see infra/corenlp/server.sh).
      'ner.model': '',
      'ner.applyFineGrained': 'false',
      'ner.buildEntityMentions': 'false',
      'tokenize.options': 'invertible=true,normalizeParentheses=false,normalizeOtherBrackets=false',
      'ssplit.newlineIsSentenceBreak': 'two',
    };
    if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) properties.date = `${date}T12:00:00`;
    const url = new URL('/', this.options.url);
    // Spaced JSON: the server's own reader of this parameter misreads an empty
    // value written tight against the next key ("ner.model":"","...": 500).
    url.searchParams.set('properties', JSON.stringify(properties, null, 1));
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        body: text,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new ParserError('PARSER_TIMEOUT', `the parser did not answer within ${this.timeoutMs} ms`);
      }
      throw new ParserError(
        'PARSER_UNAVAILABLE',
        `the parser at ${this.options.url} is not reachable: ${(e as Error).message}`,
      );
    }
    const body = await res.text();
    if (res.status === 503) throw new ParserError('PARSER_UNAVAILABLE', 'the parser is still loading its models');
    if (!res.ok) throw new ParserError('PARSER_REJECTED', `the parser answered ${res.status}: ${body.slice(0, 200)}`);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new ParserError('PARSER_BAD_ANSWER', `the parser's answer is not JSON: ${body.slice(0, 200)}`);
    }
    return toParsedDocument(json, this.annotators, this.version);
  }
}

/** CoreNLP's JSON → ParsedDocument; throws PARSER_BAD_ANSWER on anything else. */
export function toParsedDocument(json: unknown, annotators: readonly string[], parser: string): ParsedDocument {
  const sentences = (json as { sentences?: unknown })?.sentences;
  if (!Array.isArray(sentences)) throw new ParserError('PARSER_BAD_ANSWER', 'the parser answered without sentences');
  return {
    parser,
    annotators: [...annotators],
    sentences: sentences.map((s: CoreNlpSentence): ParsedSentence => {
      if (!Array.isArray(s?.tokens) || !s.tokens.length) {
        throw new ParserError('PARSER_BAD_ANSWER', 'the parser answered a sentence without tokens');
      }
      const tokens = s.tokens.map((t): ParsedToken => ({
        text: t.originalText ?? t.word,
        lemma: t.lemma ?? t.word.toLowerCase(),
        pos: t.pos ?? '',
        ner: t.ner ?? 'O',
        normalized: t.normalizedNER ?? null,
        start: t.characterOffsetBegin,
        end: t.characterOffsetEnd,
      }));
      const deps = s.enhancedPlusPlusDependencies ?? s.basicDependencies ?? [];
      const edges = deps.map((d): ParsedEdge => ({ rel: d.dep, head: d.governor - 1, dep: d.dependent - 1 }));
      return { start: tokens[0].start, end: tokens[tokens.length - 1].end, tokens, edges };
    }),
  };
}
