import { Args, ID, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { ExportsService, NetworkFormat } from './exports.service.js';
import { DateScalar } from '../common/scalars/date-scalars.js';

registerEnumType(NetworkFormat, {
  name: 'NetworkFormat',
  description: 'How the stance network is written out: for Gephi, R (igraph), Python (networkx) or a spreadsheet.',
  valuesMap: {
    GRAPHML: { description: 'One GraphML document holding nodes and edges with their attributes.' },
    CSV_NODES: { description: "The node table of Gephi's spreadsheet import (CSV, RFC 4180, CRLF line ends)." },
    CSV_EDGES: { description: "The edge table of Gephi's spreadsheet import (CSV, RFC 4180, CRLF line ends)." },
  },
});

@Resolver()
export class ExportsResolver {
  constructor(private readonly exports: ExportsService) {}

  @Query(() => String, {
    description:
      'The stance network of a proposal set (all when omitted) within a window on effectiveOn, as text: nodes are actors and proposals; edges are stances (holder -> proposal, position and every other attribute on the edge), PROPOSED and REPRESENTS. The same as GET /export/graphml, /export/csv/nodes, /export/csv/edges.',
  })
  stanceNetwork(
    @Args('format', { type: () => NetworkFormat, description: 'GraphML, or one of the two CSV tables.' })
    format: NetworkFormat,
    @Args('proposalIds', {
      type: () => [ID],
      nullable: true,
      description: 'The proposals to include (at most 500); every proposal when omitted.',
    })
    proposalIds?: string[],
    @Args('from', {
      type: () => DateScalar,
      nullable: true,
      description: 'ISO date YYYY-MM-DD or YYYY-MM: only stances effective on or after it.',
    })
    from?: string,
    @Args('to', {
      type: () => DateScalar,
      nullable: true,
      description:
        'ISO date YYYY-MM-DD or YYYY-MM (a month includes all its days): only stances effective on or before it.',
    })
    to?: string,
  ) {
    return this.exports.render(format, this.exports.parse({ proposalIds, from, to }));
  }
}
