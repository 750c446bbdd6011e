import { buildSchema, graphql, GraphQLSchema } from 'graphql';
import { READ_AHEAD_STANCES } from '../graph/actor.row.js';
import { answerCarriedFieldsFirst } from './embedded-fields.js';

describe('answerCarriedFieldsFirst', () => {
  let calls: string[];
  let schema: GraphQLSchema;

  beforeEach(() => {
    calls = [];
    schema = answerCarriedFieldsFirst(makeTestSchema(calls));
  });

  const ask = async (root: unknown) =>
    (
      await graphql({
        schema,
        source: '{ stance { actor { id } speaker { id } evidence { quote article { id } } sourceCount } }',
        rootValue: { stance: root },
      })
    ).data;

  it('answers from what the row carries, without the resolvers', async () => {
    const row = {
      actorId: 'japan',
      actor: { id: 'japan' },
      speakerId: null,
      evidence: [
        { quote: 'premature', reportId: 'r1', article: { id: 'a1' } },
        { quote: 'premature', reportId: 'r1', article: { id: 'a2' } },
      ],
    };
    expect(await ask(row)).toEqual({
      stance: {
        actor: { id: 'japan' },
        speaker: null,
        evidence: [
          { quote: 'premature', article: { id: 'a1' } },
          { quote: 'premature', article: { id: 'a2' } },
        ],
        sourceCount: 1,
      },
    });
    expect(calls).toEqual([]);
  });

  it('falls back to the resolvers for what the row does not carry', async () => {
    const row = { actorId: 'japan', speakerId: 'kono', evidence: null };
    expect(await ask(row)).toEqual({
      stance: {
        actor: { id: 'resolved:japan' },
        speaker: { id: 'resolved:kono' },
        evidence: [{ quote: 'q', article: { id: 'resolved:art' } }],
        sourceCount: 7,
      },
    });
    expect(calls.sort()).toEqual([
      'Evidence.article',
      'Stance.actor',
      'Stance.evidence',
      'Stance.sourceCount',
      'Stance.speaker',
    ]);
  });

  it("answers an actor's stances from the page read ahead with it, and asks the resolver when none was", async () => {
    const stancesOf = async (actor: unknown) =>
      (await graphql({ schema, source: '{ actor { id stances(first: 2) { totalCount } } }', rootValue: { actor } }))
        .data;
    expect(await stancesOf({ id: 'japan', [READ_AHEAD_STANCES]: { totalCount: 3 } })).toEqual({
      actor: { id: 'japan', stances: { totalCount: 3 } },
    });
    expect(calls).toEqual([]);
    expect(await stancesOf({ id: 'japan' })).toEqual({ actor: { id: 'japan', stances: { totalCount: -1 } } });
    expect(calls).toEqual(['Actor.stances']);
  });
});

/** The Stance, Evidence and Actor fields of our schema, with resolvers that record their calls (for embedded-fields.spec.ts). */
function makeTestSchema(calls: string[]): GraphQLSchema {
  const schema = buildSchema(`
    type Query { stance: Stance actor: Actor }
    type Actor { id: ID! stances(first: Int): StanceConnection! }
    type StanceConnection { totalCount: Int! }
    type Proposal { id: ID! }
    type Article { id: ID! }
    type Evidence { quote: String! article: Article! }
    type Stance { actor: Actor! proposal: Proposal! speaker: Actor evidence: [Evidence!]! sourceCount: Int! }
  `);
  const set = (type: string, field: string, resolve: (parent: Record<string, unknown>) => unknown) => {
    const def = (schema.getType(type) as unknown as { getFields(): Record<string, { resolve?: unknown }> }).getFields()[
      field
    ];
    def.resolve = (parent: Record<string, unknown>) => {
      calls.push(`${type}.${field}`);
      return resolve(parent);
    };
  };
  set('Stance', 'actor', (s) => ({ id: `resolved:${String(s.actorId)}` }));
  set('Stance', 'proposal', () => ({ id: 'resolved:proposal' }));
  set('Stance', 'speaker', (s) => ({ id: `resolved:${String(s.speakerId)}` }));
  set('Stance', 'evidence', () => [{ quote: 'q', articleId: 'art' }]);
  set('Stance', 'sourceCount', () => 7);
  set('Evidence', 'article', () => ({ id: 'resolved:art' }));
  set('Actor', 'stances', () => ({ totalCount: -1 }));
  return schema;
}
