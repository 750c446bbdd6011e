import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { articleBody, type ArticleInput, type ParsedDocument } from '../extraction/index.js';
import { CoreNlpClient, ParserError } from '../parsing/corenlp.js';

/** After a failed parse, articles skip the parser this long before it is tried again. */
const RETRY_AFTER_MS = 5_000;

/**
 * The parser at the front of extraction, when CORENLP_URL names one. It never
 * holds ingestion up: while the server is unreachable, still loading its
 * models, or slower than STANCE_PARSER_TIMEOUT_MS, articles are read by the
 * pattern extractor alone (the ingest result says which ran), and the parser
 * is tried again a few seconds later. State changes are logged once each.
 */
@Injectable()
export class ParserService {
  private readonly log = new Logger('Parser');
  private readonly client: CoreNlpClient | null;
  private downUntil = 0;
  private down = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const { url, timeoutMs } = config.parser;
    this.client = url ? new CoreNlpClient({ url, timeoutMs }) : null;
  }

  /** The parse of the article's body, or null when there is no parser to ask right now. */
  async parse(input: ArticleInput): Promise<ParsedDocument | null> {
    if (!this.client || Date.now() < this.downUntil) return null;
    const { body, publishedOn } = articleBody(input);
    if (!body.trim()) return null;
    try {
      const doc = await this.client.parse(body, publishedOn?.length === 10 ? publishedOn : null);
      if (this.down) this.log.log(`the parser at ${this.client.url} answers again`);
      this.down = false;
      return doc;
    } catch (error) {
      const code = error instanceof ParserError ? error.code : 'PARSER_BAD_ANSWER';
      // One slow or refused article says nothing about the next; an unreachable server does.
      if (code === 'PARSER_UNAVAILABLE') this.downUntil = Date.now() + RETRY_AFTER_MS;
      if (!this.down) {
        this.log.warn(`${code}: ${(error as Error).message}; reading articles without the parser meanwhile`);
      }
      this.down = code === 'PARSER_UNAVAILABLE';
      return null;
    }
  }
}
