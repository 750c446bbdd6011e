import { Inject, Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { badInput, DomainError, ErrorCode, notFound } from '../common/errors/error-code.js';
import { optionalIsoDate, requireId } from '../common/validation.js';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService } from '../neo4j/neo4j.service.js';
import { upperBound } from '../stances/stances.service.js';
import {
  buildNetwork,
  EDGE_COLUMNS,
  ExportActor,
  ExportProposal,
  ExportStance,
  Network,
  NODE_COLUMNS,
  toCsv,
  toGraphML,
} from './network.js';
import { LIVE_STATUSES } from '../graph/vocabulary.js';

export enum NetworkFormat {
  GRAPHML = 'GRAPHML',
  CSV_NODES = 'CSV_NODES',
  CSV_EDGES = 'CSV_EDGES',
}

export interface NetworkRequest {
  proposalIds: string[] | null;
  from: string | null;
  to: string | null;
}

const MAX_PROPOSALS = 500;

/** The stance network of a proposal set and a time window, as GraphML or CSV. */
@Injectable()
export class ExportsService {
  private readonly q: Record<'stances' | 'proposals' | 'actors', string>;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.q = cypher.load({ stances: 'exports/stances', proposals: 'exports/proposals', actors: 'exports/actors' });
  }

  /** Validates what a client asked for (ids as a list or comma-separated, ISO dates). */
  parse(input: { proposalIds?: unknown; from?: unknown; to?: unknown }): NetworkRequest {
    const raw = input.proposalIds;
    let proposalIds: string[] | null = null;
    if (raw !== undefined && raw !== null && raw !== '') {
      const parts = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
      if (parts.some((p) => typeof p !== 'string')) throw badInput('proposalIds', 'must be ids separated by commas');
      proposalIds = [
        ...new Set(
          (parts as string[])
            .map((p) => p.trim())
            .filter((p) => p !== '')
            .map((p, i) => requireId(`proposalIds[${i}]`, p)),
        ),
      ];
      if (proposalIds.length > MAX_PROPOSALS)
        throw badInput('proposalIds', `must name at most ${MAX_PROPOSALS} proposals`);
    }
    const from = optionalIsoDate('from', text('from', input.from));
    const to = optionalIsoDate('to', text('to', input.to));
    if (from && to && from > (upperBound(to) as string)) throw badInput('to', 'must not be before from');
    return { proposalIds, from, to };
  }

  /**
   * The network, built in memory (GraphML and CSV need every node before the
   * first edge), so bounded: past STANCE_EXPORT_MAX_STANCES stances or
   * proposals the export is refused with RESULT_TOO_LARGE, naming the filters
   * that narrow it, instead of growing the service's memory with the graph.
   */
  async network(request: NetworkRequest): Promise<Network> {
    const max = this.config.exportMaxStances;
    const limit = neo4j.int(max + 1);
    const tooLarge = (what: string) =>
      new DomainError(
        ErrorCode.RESULT_TOO_LARGE,
        `the export holds more than ${max} ${what}; narrow it with proposalIds, from and to`,
      );
    const proposals = await this.neo4j.read<ExportProposal>(this.q.proposals, { ids: request.proposalIds, limit });
    if (proposals.length > max) throw tooLarge('proposals');
    if (request.proposalIds) {
      const missing = request.proposalIds.filter((id) => !proposals.some((p) => p.id === id));
      if (missing.length > 0) throw notFound('proposal', missing.join('", "'));
    }
    const stances = await this.neo4j.read<ExportStance>(this.q.stances, {
      liveStatuses: LIVE_STATUSES,
      proposalIds: request.proposalIds,
      from: request.from,
      to: upperBound(request.to),
      limit,
    });
    if (stances.length > max) throw tooLarge('stances');
    const actorIds = new Set<string>();
    for (const s of stances) {
      actorIds.add(s.actorId);
      if (s.speakerId) actorIds.add(s.speakerId);
    }
    for (const p of proposals) for (const by of p.proposedBy) actorIds.add(by.actorId);
    const actors = await this.neo4j.read<ExportActor>(this.q.actors, { ids: [...actorIds].sort() });
    return buildNetwork(proposals, actors, stances);
  }

  async render(format: NetworkFormat, request: NetworkRequest): Promise<string> {
    const network = await this.network(request);
    switch (format) {
      case NetworkFormat.GRAPHML:
        return toGraphML(network, describe(request));
      case NetworkFormat.CSV_NODES:
        return toCsv(NODE_COLUMNS, network.nodes);
      case NetworkFormat.CSV_EDGES:
        return toCsv(EDGE_COLUMNS, network.edges);
    }
  }
}

function text(field: string, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw badInput(field, 'must be given once');
  return value;
}

function describe(r: NetworkRequest): string {
  const which = r.proposalIds ? r.proposalIds.join(', ') : 'all proposals';
  return `Stance graph: live stances on ${which}, effective ${r.from ?? 'from the start'} to ${r.to ?? 'now'}. Nodes: actors and proposals; edges: STANCE (holder -> proposal, position as attribute), PROPOSED, REPRESENTS.`;
}
