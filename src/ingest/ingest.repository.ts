import { Injectable } from '@nestjs/common';
import { CONFIDENCE_MODEL, learnFromDecisions } from '../extraction/index.js';
import type {
  ConfidenceModel,
  KnownActor,
  KnownEntities,
  KnownProposal,
  LabelledReading,
  Position,
  RuleFeedback,
} from '../extraction/index.js';
import neo4j from 'neo4j-driver';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService, TxRunner } from '../neo4j/neo4j.service.js';
import { StanceStatus } from '../graph/vocabulary.js';

/** A row of ingest/known-entities: an actor or a proposal of the gazetteer. */
interface KnownRow {
  type: 'actor' | 'proposal';
  id: string;
  name: string;
  kind: KnownActor['kind'] | null;
  aliases: string[];
  representsId: string | null;
  role: string | null;
  /** a date (string or the driver's Date) for proposals, null for actors */
  introducedOn: unknown;
}

export interface ReportStance {
  id: string;
  actorId: string;
  proposalId: string;
  position: string;
  statedOn: string | null;
}

/** What ingestion finds before it writes an article (ingest/claim). */
export interface Claim {
  exists: boolean;
  sameText: string | null;
  candidates: Array<{ id: string; signature: number[] | null }>;
}

/** The most recent analysts' decisions the confidence model is refitted with (a bound on the refit's cost). */
export const DECISIONS_LEARNED = 2000;

@Injectable()
export class IngestRepository {
  private readonly q: Record<
    'knownEntities' | 'feedback' | 'decisions' | 'knownCues' | 'claim' | 'reportStances',
    string
  >;
  /** The last refit and the decisions it was made from (ids and labels): refitted only when they change. */
  private learned: { key: string; model: ConfidenceModel } | null = null;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({
      knownEntities: 'ingest/known-entities',
      feedback: 'ingest/feedback',
      decisions: 'ingest/decisions',
      knownCues: 'ingest/known-cues',
      claim: 'ingest/claim',
      reportStances: 'ingest/report-stances',
    });
  }

  async knownEntities(): Promise<Required<KnownEntities>> {
    const [rows, feedback, cues, decisions] = await Promise.all([
      this.neo4j.read<KnownRow>(this.q.knownEntities),
      this.neo4j.read<RuleFeedback>(this.q.feedback, { decided: [StanceStatus.CONFIRMED, StanceStatus.REJECTED] }),
      this.neo4j.read<{ words: string; position: Position }>(this.q.knownCues),
      this.decisions(),
    ]);
    const actors: KnownActor[] = [];
    const proposals: KnownProposal[] = [];
    for (const { type, id, name, kind, aliases, representsId, role, introducedOn } of rows) {
      if (type === 'actor') actors.push({ id, name, kind: kind!, aliases, representsId, role });
      else proposals.push({ id, name, aliases, introducedOn: introducedOn == null ? null : String(introducedOn) });
    }
    return { actors, proposals, feedback, cues, model: this.modelFrom(decisions) };
  }

  /** The newest analysts' decisions on extracted readings (ingest/decisions): what the confidence model learns from. */
  decisions(): Promise<Array<LabelledReading & { id: string }>> {
    return this.neo4j.read<LabelledReading & { id: string }>(this.q.decisions, {
      decided: [StanceStatus.CONFIRMED, StanceStatus.REJECTED, StanceStatus.AMENDED],
      limit: neo4j.int(DECISIONS_LEARNED),
    });
  }

  /** The kept confidence model refitted with the newest decisions. */
  async confidenceModel(): Promise<ConfidenceModel> {
    return this.modelFrom(await this.decisions());
  }

  /** The kept confidence model refitted with these decisions (the last refit again when they have not changed). */
  private modelFrom(decisions: Array<LabelledReading & { id: string }>): ConfidenceModel {
    const key = decisions.map((d) => `${d.id}${d.right ? '+' : '-'}`).join(' ');
    if (this.learned?.key !== key) this.learned = { key, model: learnFromDecisions(CONFIDENCE_MODEL, decisions) };
    return this.learned.model;
  }

  /**
   * Locks the text's LSH bands for the rest of the transaction, then says
   * whether the article is stored already, which article has exactly this
   * text, and (when none does) the articles sharing most bands with it.
   */
  async claim(tx: TxRunner, article: { articleId: string; textHash: string; bands: string[] }): Promise<Claim> {
    const [row] = await tx.run<Claim>(this.q.claim, article);
    return row;
  }

  reportStances(tx: TxRunner, articleId: string): Promise<ReportStance[]> {
    return tx.run<ReportStance>(this.q.reportStances, { articleId });
  }
}
