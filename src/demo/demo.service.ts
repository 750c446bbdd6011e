import { Injectable, Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ActorsService } from '../actors/actors.service.js';
import { UpsertActorInput } from '../actors/dto/upsert-actor.input.js';
import { ArticlesService } from '../articles/articles.service.js';
import { UpsertProposalInput } from '../proposals/dto/upsert-proposal.input.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { RecordStanceInput } from '../stances/dto/record-stance.input.js';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService } from '../neo4j/neo4j.service.js';
import { RecordingService } from '../recording/recording.service.js';
import { StanceWriter } from '../recording/stance-writer.js';
import { StanceWrite } from '../graph/stance.row.js';

interface DemoGraph {
  actors: UpsertActorInput[];
  proposals: UpsertProposalInput[];
  articles: Array<{
    id: string;
    outlet: string | null;
    publishedOn: string | null;
    title: string | null;
    url: string | null;
    sameReportAs?: string;
  }>;
  stances: Array<Omit<RecordStanceInput, 'evidence'> & { evidence: Array<{ articleId: string; quote: string }> }>;
}

export const DEMO_GRAPH_FILE = join(import.meta.dirname, 'demo-graph.json');

/**
 * Loads the demo graph (src/demo/demo-graph.json) through the same services
 * and validation as the API. Every write is an upsert by stable id, so
 * loading it again changes nothing; a missing piece is put back.
 */
@Injectable()
export class DemoService {
  private readonly logger = new Logger('Demo');
  private readonly isEmpty: string;

  constructor(
    private readonly neo4j: Neo4jService,
    private readonly writer: StanceWriter,
    private readonly recording: RecordingService,
    private readonly actors: ActorsService,
    private readonly proposals: ProposalsService,
    private readonly articles: ArticlesService,
    cypher: CypherRegistry,
  ) {
    this.isEmpty = cypher.get('demo/graph-is-empty');
  }

  async load(
    file: string = DEMO_GRAPH_FILE,
  ): Promise<{ actors: number; proposals: number; articles: number; stances: number }> {
    const demo = JSON.parse(readFileSync(file, 'utf8')) as DemoGraph;
    // States first: persons and organisations point at them.
    const ordered = [...demo.actors].sort((a, b) => Number(!!a.represents) - Number(!!b.represents));
    for (const actor of ordered) await this.actors.upsert(actor);
    for (const proposal of demo.proposals) await this.proposals.upsert(proposal);

    const articles = demo.articles.map((a, i) => this.articles.toWrite(`articles[${i}]`, a));
    const rows: StanceWrite[] = demo.stances.map(
      (s) =>
        this.recording.prepare({
          ...s,
          evidence: s.evidence.map((e) => ({ quote: e.quote, article: { id: e.articleId } })),
        }).stance,
    );
    await this.writer.transaction(async (write) => {
      await write.upsertArticles(articles);
      for (const a of demo.articles) if (a.sameReportAs) await write.linkSameReport(a.id, a.sameReportAs);
      await write.writeStances(rows);
    });
    const counts = {
      actors: demo.actors.length,
      proposals: demo.proposals.length,
      articles: articles.length,
      stances: rows.length,
    };
    this.logger.log(
      `demo graph loaded: ${counts.actors} actors, ${counts.proposals} proposals, ${counts.articles} articles, ${counts.stances} stances`,
    );
    return counts;
  }

  /** Loads the demo graph only into an empty database (the run command's default). */
  async loadIfEmpty(): Promise<boolean> {
    const [row] = await this.neo4j.read<{ empty: boolean }>(this.isEmpty);
    if (!row.empty) return false;
    await this.load();
    return true;
  }
}
