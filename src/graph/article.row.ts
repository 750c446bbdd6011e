/** An article as every Cypher statement returns it. */
export interface ArticleRow {
  id: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  publishedOn: string | null;
  textHash: string | null;
  recordedAt: string | null;
  sameReportIds: string[];
}

/** The column names of ArticleRow (src/graph/projections.spec.ts holds the Cypher files to them). */
export const ARTICLE_COLUMNS = [
  'id',
  'url',
  'title',
  'outlet',
  'publishedOn',
  'textHash',
  'recordedAt',
  'sameReportIds',
] as const satisfies ReadonlyArray<keyof ArticleRow>;

/** An article to write (cypher/articles/upsert.cypher): evidence an analyst names, the demo graph, ingestion. */
export interface ArticleWrite {
  id: string;
  url: string | null;
  title: string | null;
  outlet: string | null;
  publishedOn: string | null;
  textHash: string | null;
  /** Ingested articles only (absent otherwise): MinHash signature, its LSH band keys, text length, revisions seen. */
  signature?: number[] | null;
  bands?: string[] | null;
  length?: number | null;
  revisions?: number | null;
  /** Ingested articles only: the normalised text, for reading the article again with its marks. */
  text?: string | null;
}
