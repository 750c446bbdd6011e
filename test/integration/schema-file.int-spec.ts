import { GraphQLSchemaHost } from '@nestjs/graphql';
import { readFileSync } from 'node:fs';
import { buildAppSchema, SCHEMA_FILE, schemaText } from '../../cli/schema.js';
import { startTestApp, TestApp } from '../support/app.js';

/** The first line at which two texts differ, both sides, for a message a developer can act on. */
function firstDifference(one: [label: string, text: string], other: [label: string, text: string]): string {
  const [a, b] = [one[1].split('\n'), other[1].split('\n')];
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i === -1 ? a.length : i;
  const show = (line: string | undefined) => JSON.stringify(line ?? '<end>');
  return `line ${at + 1}: ${one[0]} ${show(a[at])}, ${other[0]} ${show(b[at])}`;
}

/**
 * schema.graphql is the API as reviewers read it: it must be exactly the
 * schema the running service serves (AppModule as production builds it), and
 * the generator (`npm run schema`, which builds it without a database) must
 * produce the same, so that neither can drift from the code.
 */
describe('schema.graphql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('is the schema the service serves', () => {
    const served = schemaText(t.app.get(GraphQLSchemaHost).schema);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== served) {
      throw new Error(
        `schema.graphql is not the schema the service serves (${firstDifference(['committed', committed], ['served', served])}): ` +
          'run `npm run schema` and commit schema.graphql',
      );
    }
  });

  it('is what the generator builds without a database', async () => {
    const served = schemaText(t.app.get(GraphQLSchemaHost).schema);
    const generated = schemaText(await buildAppSchema());
    if (generated !== served) {
      throw new Error(
        `npm run schema builds another schema than the service serves (${firstDifference(['generated', generated], ['served', served])}): ` +
          'src/graphql/schema-file.ts no longer finds every resolver the app registers',
      );
    }
  });
});
