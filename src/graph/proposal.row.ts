/** A proposal as every Cypher statement returns it. */
export interface ProposalRow {
  id: string;
  name: string;
  summary: string | null;
  aliases: string[];
  proposedOn: string | null;
}

/** The column names of ProposalRow (src/graph/projections.spec.ts holds the Cypher files to them). */
export const PROPOSAL_COLUMNS = ['id', 'name', 'summary', 'aliases', 'proposedOn'] as const satisfies ReadonlyArray<
  keyof ProposalRow
>;

export interface ProposerRow {
  proposalId: string;
  actorId: string;
  kind: string;
}

/** A proposal to write (cypher/proposals/upsert.cypher), from an analyst or from extraction. */
export interface ProposalWrite {
  id: string;
  name: string;
  summary: string | null;
  aliases: string[] | null;
  nameKeys: string[];
  proposedById: string | null;
  proposerId: string | null;
  proposedOn: string | null;
  /** true: an analyst's row (name, kind, role and given aliases replace); false: extraction's (only adds). */
  authoritative: boolean;
  /** Where a new node came from: 'analyst', 'extracted', 'demo'. */
  source: string;
  /** Extraction's confidence in a new node (null for an analyst's). */
  confidence: number | null;
  /** Extraction: whether the node is new, and the article and quote that introduced it. */
  isNew: boolean;
  articleId: string | null;
  quote: string | null;
  charStart: number | null;
  charEnd: number | null;
}
