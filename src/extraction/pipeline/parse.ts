/**
 * A syntactic analysis of an article's text, as a parser server gives it:
 * sentences, tokens with character offsets into the text that was parsed,
 * parts of speech, lemmas, entity tags and normalised dates, and the
 * dependency graph of each sentence. The extraction library reads it and
 * never asks for it: whoever calls extractArticle runs the parser (see
 * src/parsing) and passes the result, so the library stays pure.
 */
export interface ParsedToken {
  /** The token as written. */
  text: string;
  lemma: string;
  /** Penn Treebank tag: NN, NNP, VBD, PRP, ... */
  pos: string;
  /** Entity tag: PERSON, LOCATION, ORGANIZATION, DATE, ..., or 'O'. */
  ner: string;
  /** For DATE and other temporal tokens: the normalised value ('2021-11-08', 'XXXX-WXX-2', ...). */
  normalized: string | null;
  /** Character offsets into the parsed text (UTF-16 code units, as JavaScript strings count). */
  start: number;
  end: number;
}

/** One dependency: head token → dependent token, with its relation ('nsubj', 'obl:to', 'advcl:unless'). */
export interface ParsedEdge {
  rel: string;
  /** Token index in the sentence; -1 for the root. */
  head: number;
  dep: number;
}

export interface ParsedSentence {
  start: number;
  end: number;
  tokens: ParsedToken[];
  /** Enhanced++ Universal Dependencies (a graph: a token may have several heads). */
  edges: ParsedEdge[];
}

export interface ParsedDocument {
  /** Which parser and version made it, e.g. 'corenlp 4.5.10'. */
  parser: string;
  /** The annotators that ran, in order. */
  annotators: string[];
  sentences: ParsedSentence[];
}
