import neo4j, { Driver } from 'neo4j-driver';
import { CypherRegistry } from '../../src/neo4j/cypher-registry.js';
import { recordToObject } from '../../src/neo4j/neo4j-mapper.js';
import type { Params, Question } from '../questions.js';

export interface StatementProfile {
  statement: string;
  dbHits: number;
  rows: number;
  /** The plan's operators, leaf last, e.g. "NodeUniqueIndexSeek(Proposal.id) ...". */
  operators: string;
}

export interface QuestionProfile {
  question: string;
  dbHits: number;
  statements: StatementProfile[];
}

interface PlanNode {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments?: Record<string, unknown>;
  children: PlanNode[];
}

function hits(plan: PlanNode): number {
  return plan.dbHits + plan.children.reduce((s, c) => s + hits(c), 0);
}

function operators(plan: PlanNode): string[] {
  const name = plan.operatorType.replace(/@.*$/, '');
  const detail = typeof plan.arguments?.Details === 'string' ? plan.arguments.Details : '';
  const own = /Seek|Scan|Expand|Sort|Top|Index|Fulltext|ProcedureCall/.test(name)
    ? [`${name}${detail ? `(${detail.slice(0, 60)})` : ''}`]
    : [];
  return [...own, ...plan.children.flatMap(operators)];
}

/**
 * PROFILE of every statement a question runs (its raw implementation: the
 * same files, the same parameters, in the same order), averaged over the
 * first `samples` parameter sets: db hits per statement and in all.
 */
export async function profileQuestion(
  driver: Driver,
  cypher: CypherRegistry,
  question: Question,
  samples = 4,
): Promise<QuestionProfile> {
  const byStatement = new Map<string, StatementProfile>();
  const params = question.params.slice(0, samples);
  for (const p of params) {
    await question.raw(async (name: string, args: Params) => {
      const session = driver.session({
        database: process.env.NEO4J_DATABASE ?? 'neo4j',
        defaultAccessMode: neo4j.session.READ,
      });
      try {
        const result = await session.run(`PROFILE ${cypher.get(name)}`, args);
        const plan = result.summary.profile as unknown as PlanNode;
        const entry = byStatement.get(name) ?? {
          statement: name,
          dbHits: 0,
          rows: 0,
          operators: operators(plan).join(' <- '),
        };
        entry.dbHits += hits(plan) / params.length;
        entry.rows += result.records.length / params.length;
        byStatement.set(name, entry);
        return result.records.map((r) => recordToObject(r)) as never[];
      } finally {
        await session.close();
      }
    }, p);
  }
  const statements = [...byStatement.values()].map((s) => ({
    ...s,
    dbHits: Math.round(s.dbHits),
    rows: Math.round(s.rows * 10) / 10,
  }));
  return { question: question.name, dbHits: statements.reduce((s, x) => s + x.dbHits, 0), statements };
}
