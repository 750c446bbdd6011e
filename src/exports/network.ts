import { positionRank } from '../shifts/shift-kind.js';
import { Position } from '../graph/vocabulary.js';

/**
 * The stance network as tables, for Gephi, R (igraph, readr) and Python
 * (networkx, pandas): nodes are actors and proposals, edges are stances
 * (holder -> proposal, the position and everything else as attributes), who
 * proposed what, and who speaks for which state. Column names follow Gephi's
 * spreadsheet import (Id, Label, Source, Target, Type, Weight); GraphML uses
 * the same names as attr.name.
 */
export type ColumnType = 'string' | 'int' | 'double';
export interface Column {
  name: string;
  type: ColumnType;
}
export type Value = string | number | null;
export type Row = Record<string, Value>;

export interface Network {
  nodes: Row[];
  edges: Row[];
}

export const NODE_COLUMNS: Column[] = [
  { name: 'Id', type: 'string' },
  { name: 'Label', type: 'string' },
  { name: 'nodeType', type: 'string' },
  { name: 'entityId', type: 'string' },
  { name: 'kind', type: 'string' },
  { name: 'aliases', type: 'string' },
  { name: 'summary', type: 'string' },
  { name: 'proposedOn', type: 'string' },
];

export const EDGE_COLUMNS: Column[] = [
  { name: 'Id', type: 'string' },
  { name: 'Source', type: 'string' },
  { name: 'Target', type: 'string' },
  { name: 'Type', type: 'string' },
  { name: 'Label', type: 'string' },
  { name: 'Weight', type: 'double' },
  { name: 'relation', type: 'string' },
  { name: 'stanceId', type: 'string' },
  { name: 'position', type: 'string' },
  { name: 'positionScore', type: 'int' },
  { name: 'cue', type: 'string' },
  { name: 'cues', type: 'string' },
  { name: 'conditions', type: 'string' },
  { name: 'conditionCount', type: 'int' },
  { name: 'statedOn', type: 'string' },
  { name: 'effectiveOn', type: 'string' },
  { name: 'recordedAt', type: 'string' },
  { name: 'status', type: 'string' },
  { name: 'confidence', type: 'double' },
  { name: 'rule', type: 'string' },
  { name: 'speakerId', type: 'string' },
  { name: 'shiftKind', type: 'string' },
  { name: 'supersedesId', type: 'string' },
  { name: 'evidenceCount', type: 'int' },
  { name: 'sourceCount', type: 'int' },
  { name: 'outlets', type: 'string' },
  { name: 'firstReportedOn', type: 'string' },
  { name: 'proposedOn', type: 'string' },
  { name: 'role', type: 'string' },
];

/** Lists (aliases, cues, conditions, outlets) become one cell joined by " | "; conditionCount says how many conditions. */
export const LIST_SEPARATOR = ' | ';

export interface ExportStance {
  id: string;
  actorId: string;
  proposalId: string;
  position: Position;
  cue: string | null;
  cues: string[];
  conditions: string[];
  statedOn: string | null;
  effectiveOn: string | null;
  confidence: number | null;
  recordedAt: string | null;
  status: string;
  rule: string | null;
  shiftKind: string | null;
  supersedesId: string | null;
  speakerId: string | null;
  evidenceCount: number;
  sourceCount: number;
  outlets: string[];
  firstReportedOn: string | null;
}

export interface ExportProposal {
  id: string;
  name: string;
  summary: string | null;
  aliases: string[];
  proposedOn: string | null;
  proposedBy: Array<{ actorId: string; on: string | null }>;
}

export interface ExportActor {
  id: string;
  name: string;
  kind: string;
  aliases: string[];
  represents: Array<{ stateId: string; role: string | null }>;
}

/** Node ids carry their type: an actor and a proposal could share a slug. */
export const actorNode = (id: string) => `actor:${id}`;
export const proposalNode = (id: string) => `proposal:${id}`;

export function buildNetwork(proposals: ExportProposal[], actors: ExportActor[], stances: ExportStance[]): Network {
  const actorIds = new Set(actors.map((a) => a.id));
  const nodes: Row[] = [
    ...actors.map((a) => ({
      Id: actorNode(a.id),
      Label: a.name,
      nodeType: 'actor',
      entityId: a.id,
      kind: a.kind,
      aliases: a.aliases.join(LIST_SEPARATOR),
      summary: null,
      proposedOn: null,
    })),
    ...proposals.map((p) => ({
      Id: proposalNode(p.id),
      Label: p.name,
      nodeType: 'proposal',
      entityId: p.id,
      kind: 'PROPOSAL',
      aliases: p.aliases.join(LIST_SEPARATOR),
      summary: p.summary,
      proposedOn: p.proposedOn,
    })),
  ];
  const edges: Row[] = [
    ...stances.map((s) => ({
      ...emptyEdge(),
      Id: `stance:${s.id}`,
      Source: actorNode(s.actorId),
      Target: proposalNode(s.proposalId),
      Label: s.position,
      relation: 'STANCE',
      stanceId: s.id,
      position: s.position,
      positionScore: positionRank(s.position),
      cue: s.cue,
      cues: s.cues.join(LIST_SEPARATOR),
      conditions: s.conditions.join(LIST_SEPARATOR),
      conditionCount: s.conditions.length,
      statedOn: s.statedOn,
      effectiveOn: s.effectiveOn,
      recordedAt: s.recordedAt,
      status: s.status,
      confidence: s.confidence,
      rule: s.rule,
      speakerId: s.speakerId,
      shiftKind: s.shiftKind,
      supersedesId: s.supersedesId,
      evidenceCount: s.evidenceCount,
      sourceCount: s.sourceCount,
      outlets: s.outlets.join(LIST_SEPARATOR),
      firstReportedOn: s.firstReportedOn,
    })),
    ...proposals.flatMap((p) =>
      p.proposedBy
        .filter((by) => actorIds.has(by.actorId))
        .map((by) => ({
          ...emptyEdge(),
          Id: `proposed:${by.actorId}:${p.id}`,
          Source: actorNode(by.actorId),
          Target: proposalNode(p.id),
          Label: 'PROPOSED',
          relation: 'PROPOSED',
          proposedOn: by.on,
        })),
    ),
    ...actors.flatMap((a) =>
      a.represents
        .filter((r) => actorIds.has(r.stateId))
        .map((r) => ({
          ...emptyEdge(),
          Id: `represents:${a.id}:${r.stateId}`,
          Source: actorNode(a.id),
          Target: actorNode(r.stateId),
          Label: 'REPRESENTS',
          relation: 'REPRESENTS',
          role: r.role,
        })),
    ),
  ];
  return { nodes, edges };
}

function emptyEdge(): Row {
  const row: Row = {};
  for (const c of EDGE_COLUMNS) row[c.name] = null;
  row.Type = 'Directed';
  row.Weight = 1;
  return row;
}

// ---- CSV (RFC 4180) -------------------------------------------------------

/**
 * Text a spreadsheet program would run as a formula when the file is opened
 * (CSV injection): a quote or a name from an article can begin with any of
 * these. Such text is written with a leading apostrophe, which those
 * programs show as text; numbers (a position score of -1) are left alone.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: quoted when it holds a comma, a quote, or a line break; quotes doubled; formulas defused. */
export function csvField(value: Value): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header line and one line per row, CRLF-terminated, columns in the order given. */
export function toCsv(columns: Column[], rows: Row[]): string {
  const lines = [columns.map((c) => csvField(c.name)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.name] ?? null)).join(','));
  return lines.join('\r\n') + '\r\n';
}

// ---- GraphML ----------------------------------------------------------------

// Characters XML 1.0 cannot carry at all (escaping does not help): C0 controls
// other than tab, LF and CR, U+FFFE/U+FFFF, and unpaired surrogates.
const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Escapes text for element content and attribute values. A carriage return
 * is written as a character reference: XML parsers turn a literal CR LF into
 * LF, and a quote's line breaks should come back as they were.
 */
export function xmlEscape(text: string): string {
  return text
    .replace(XML_INVALID, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values also keep tabs and line feeds, which parsers would turn into spaces. */
function xmlAttr(text: string): string {
  return xmlEscape(text).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/**
 * GraphML 1.0 with typed keys (attr.name / attr.type) for every column,
 * directed edges. Empty values are left out (GraphML's "no value").
 */
export function toGraphML(network: Network, description: string): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '         xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${xmlEscape(description)}</desc>`,
  ];
  const nodeKeys = NODE_COLUMNS.filter((c) => c.name !== 'Id');
  const edgeKeys = EDGE_COLUMNS.filter((c) => !['Id', 'Source', 'Target', 'Type'].includes(c.name));
  for (const c of nodeKeys)
    out.push(`  <key id="n_${c.name}" for="node" attr.name="${graphmlName(c.name)}" attr.type="${c.type}"/>`);
  for (const c of edgeKeys)
    out.push(`  <key id="e_${c.name}" for="edge" attr.name="${graphmlName(c.name)}" attr.type="${c.type}"/>`);
  out.push('  <graph id="stances" edgedefault="directed">');
  for (const node of network.nodes) {
    out.push(`    <node id="${xmlAttr(String(node.Id))}">`);
    for (const c of nodeKeys) pushData(out, 'n', c.name, node[c.name]);
    out.push('    </node>');
  }
  for (const edge of network.edges) {
    out.push(
      `    <edge id="${xmlAttr(String(edge.Id))}" source="${xmlAttr(String(edge.Source))}" target="${xmlAttr(String(edge.Target))}">`,
    );
    for (const c of edgeKeys) pushData(out, 'e', c.name, edge[c.name]);
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** Gephi reads node labels and edge weights from keys named "label" and "weight". */
function graphmlName(column: string): string {
  return column === 'Label' || column === 'Weight' ? column.toLowerCase() : column;
}

function pushData(out: string[], prefix: string, name: string, value: Value | undefined): void {
  if (value === null || value === undefined || value === '') return;
  out.push(`      <data key="${prefix}_${name}">${xmlEscape(String(value))}</data>`);
}
