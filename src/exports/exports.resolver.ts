import { Args, ID, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { ExportsService, NetworkFormat } from './exports.service.js';

registerEnumType(NetworkFormat, {
  name: 'NetworkFormat',
  description:
    "GRAPHML: one GraphML document. CSV_NODES / CSV_EDGES: the two tables of Gephi's spreadsheet import (RFC 4180, CRLF).",
});

@Resolver()
export class ExportsResolver {
  constructor(private readonly exports: ExportsService) {}

  @Query(() => String, {
    description:
      'The stance network of a proposal set (all when omitted) within a window on effectiveOn, as text: nodes are actors and proposals; edges are stances (holder -> proposal, position and every other attribute on the edge), PROPOSED and REPRESENTS. The same as GET /export/graphml, /export/csv/nodes, /export/csv/edges.',
  })
  stanceNetwork(
    @Args('format', { type: () => NetworkFormat }) format: NetworkFormat,
    @Args('proposalIds', { type: () => [ID], nullable: true }) proposalIds?: string[],
    @Args('from', { type: () => String, nullable: true }) from?: string,
    @Args('to', { type: () => String, nullable: true }) to?: string,
  ) {
    return this.exports.render(format, this.exports.parse({ proposalIds, from, to }));
  }
}
