/**
 * The public GraphQL schema as a committed file (schema.graphql at the
 * repository root), built from the same resolvers the service serves but
 * without a database: `npm run schema` rewrites it, `--check` only compares.
 * Reviewers read API changes in that file's diff; test/integration/schema-file.int-spec.ts
 * fails when the running service serves anything else.
 */
import 'reflect-metadata';
import type { Type } from '@nestjs/common';
import { MODULE_METADATA } from '@nestjs/common/constants.js';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../src/common/project-root.js';
import { describeRootTypes } from '../src/graphql/root-types.js';

/** schema.graphql at the repository root. */
export const SCHEMA_FILE = join(PROJECT_ROOT, 'schema.graphql');

/** The file's text for a schema: sorted as the service sorts it (sortSchema), ending in a newline. */
export function schemaText(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/**
 * Every class provided by a module and the modules it imports, as Nest's
 * GraphQL module collects them for its schema (it hands every provider to the
 * schema factory, which keeps those declared with @Resolver). Reading the
 * module tree, not a list kept by hand, is what keeps this schema the one
 * the service serves.
 */
export function providerClassesOf(root: Type<unknown>): Array<Type<unknown>> {
  const classes = new Set<Type<unknown>>();
  const seen = new Set<unknown>();
  const visit = (module: unknown) => {
    if (!module || seen.has(module)) return;
    seen.add(module);
    // A dynamic module ({ module, providers, imports }) or a module class.
    const dynamic = typeof module === 'object' ? (module as { module?: Type<unknown> }) : null;
    const type = (dynamic ? dynamic.module : module) as Type<unknown> | undefined;
    const metadata = (key: string): unknown[] => [
      ...((type && (Reflect.getMetadata(key, type) as unknown[] | undefined)) ?? []),
      ...(((dynamic as Record<string, unknown> | null)?.[key] as unknown[] | undefined) ?? []),
    ];
    for (const provider of metadata(MODULE_METADATA.PROVIDERS)) {
      if (typeof provider === 'function') classes.add(provider as Type<unknown>);
      else if (provider && typeof provider === 'object' && 'useClass' in provider)
        classes.add((provider as { useClass: Type<unknown> }).useClass);
    }
    for (const imported of metadata(MODULE_METADATA.IMPORTS)) visit(imported);
  };
  visit(root);
  return [...classes];
}

/** The schema the service would serve, built from AppModule's resolvers with no Neo4j, config or HTTP. */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  const { AppModule } = await import('../src/app.module.js');
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    return describeRootTypes(await context.get(GraphQLSchemaFactory).create(providerClassesOf(AppModule)));
  } finally {
    await context.close();
  }
}

async function main(args: string[]): Promise<number> {
  const text = schemaText(await buildAppSchema());
  const committed = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : null;
  if (args.includes('--check')) {
    if (committed === text) return 0;
    process.stderr.write(`schema: ${SCHEMA_FILE} is not the schema the code builds: run \`npm run schema\`\n`);
    return 1;
  }
  if (committed !== text) writeFileSync(SCHEMA_FILE, text);
  process.stderr.write(`schema: ${SCHEMA_FILE} ${committed === text ? 'is up to date' : 'written'}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
