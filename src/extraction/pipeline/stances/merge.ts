/**
 * Duplicates inside one article (the same fact told twice, or in two
 * revisions) merge into one stance with several evidence spans: candidates
 * of one (actor, proposal, position) group by compatible dates.
 */
import { dateCompatible } from '../dates.js';
import type { ExtractedStance, Position, Span } from '../types.js';

/** One reading of one cue (or one proposer), before duplicates merge. */
export interface Candidate {
  actorId: string;
  proposalId: string;
  position: Position;
  cue: string;
  conditions: string[];
  speakerId: string | null;
  statedOn: string | null;
  /** the date is only an upper bound (report or publication date) */
  weakDate: boolean;
  confidence: number;
  rule: string;
  span: Span;
  /** the order candidates were found in (each one's index among them) */
  order: number;
}

interface Cluster {
  date: string | null;
  members: Candidate[];
  /** kept as members join (a group can hold thousands of candidates: one fact told over and over) */
  speakers: Set<string>;
  minOrder: number;
  /** every member's date is weak or missing */
  allWeak: boolean;
}

function cluster(date: string | null, first: Candidate): Cluster {
  const cl: Cluster = { date, members: [], speakers: new Set(), minOrder: Infinity, allWeak: true };
  join(cl, first);
  return cl;
}

function join(cl: Cluster, c: Candidate): void {
  cl.members.push(c);
  if (c.speakerId) cl.speakers.add(c.speakerId);
  cl.minOrder = Math.min(cl.minOrder, c.order);
  if (!(c.weakDate || !c.statedOn)) cl.allWeak = false;
}

export function mergeCandidates(cands: Candidate[]): ExtractedStance[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    const k = `${c.actorId}\u0000${c.proposalId}\u0000${c.position}`;
    const g = groups.get(k) ?? [];
    g.push(c);
    groups.set(k, g);
  }
  const out: Array<ExtractedStance & { order: number }> = [];
  for (const g of groups.values()) {
    const isStrong = (c: Candidate): boolean => !!c.statedOn && !c.weakDate;
    const strong = g.filter(isStrong).sort((a, b) => b.statedOn!.length - a.statedOn!.length || a.order - b.order);
    const clusters: Cluster[] = [];
    for (const c of strong) {
      const cl = clusters.find((x) => dateCompatible(x.date, c.statedOn));
      if (cl) join(cl, c);
      else clusters.push(cluster(c.statedOn, c));
    }
    const rest = g.filter((c) => !isStrong(c)).sort((a, b) => a.order - b.order);
    for (const c of rest) {
      let target = clusters.filter(
        (x) => !c.statedOn || (x.date !== null && x.date.slice(0, c.statedOn.length) <= c.statedOn),
      );
      if (c.speakerId) {
        const same = target.filter((x) => x.speakers.has(c.speakerId!));
        if (same.length) target = same;
      }
      if (target.length) {
        target.sort((a, b) => a.minOrder - b.minOrder);
        join(target[0], c);
      } else {
        const weakCl = clusters.find((x) => x.allWeak && dateCompatible(x.date, c.statedOn));
        if (weakCl) {
          join(weakCl, c);
          if (!weakCl.date) weakCl.date = c.statedOn;
        } else clusters.push(cluster(c.statedOn, c));
      }
    }
    for (const cl of clusters) {
      const ms = cl.members.slice().sort((a, b) => a.order - b.order);
      // the cue shown is the most explicit one: a cue with a named speaker over a proposer's noun phrase
      const explicit = (c: Candidate): number =>
        (c.rule.startsWith('cue:') ? 2 : c.rule.startsWith('cue') ? 1 : 0) + (c.speakerId ? 1 : 0);
      const best = ms
        .slice()
        .sort((a, b) => explicit(b) - explicit(a) || b.confidence - a.confidence || a.order - b.order)[0];
      const evidence: Span[] = [];
      const spans = new Set<number>();
      for (const m of ms) {
        if (spans.has(m.span.charStart)) continue;
        spans.add(m.span.charStart);
        evidence.push(m.span);
      }
      const conditions = [...new Set(ms.flatMap((m) => m.conditions))];
      let p = 1;
      for (const m of ms) p *= 1 - m.confidence;
      const dates = ms.map((m) => m.statedOn).filter((d): d is string => !!d);
      const strongDates = ms.filter((m) => !m.weakDate && m.statedOn).map((m) => m.statedOn!);
      const pool = strongDates.length ? strongDates : dates;
      const statedOn = pool.sort((a, b) => b.length - a.length)[0] ?? null;
      out.push({
        actorId: best.actorId,
        proposalId: best.proposalId,
        position: best.position,
        cue: best.cue,
        conditions,
        speakerId: ms.find((m) => m.speakerId)?.speakerId ?? null,
        statedOn,
        confidence: Math.round(Math.min(0.97, 1 - p) * 100) / 100,
        rule: best.rule,
        evidence,
        marks: [],
        order: ms[0].order,
      });
    }
  }
  return out.sort((a, b) => a.order - b.order).map(({ order: _o, ...rest }) => rest);
}
