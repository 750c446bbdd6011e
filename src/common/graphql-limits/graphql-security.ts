import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import type { AuthService } from '../../auth/auth.service.js';
import { graphqlAuthPlugin } from '../../auth/graphql-auth.plugin.js';
import type { MetricsService } from '../../ops/metrics.service.js';
import type { AppConfig } from '../config/config.js';
import { ErrorCode } from '../errors/error-code.js';
import { formatGraphQLError } from '../errors/format-error.js';
import { limitRules } from './limits.js';
import { tokenLimitPlugin } from './limits.plugin.js';

const logger = new Logger('GraphQL');

/**
 * The hardening of /graphql, in one place for AppModule: limits (depth, cost,
 * aliases, directives as validation rules; tokens before parsing), no batched
 * operations, authorisation per operation, introspection only where
 * configured (off in production), no schema hints in production errors, and
 * every error masked to a stable code (counted for /metrics; unexpected ones
 * logged here with their stack, never sent).
 */
export function graphqlSecurity(config: AppConfig, auth: AuthService, metrics: MetricsService): Partial<ApolloDriverConfig> {
  return {
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    hideSchemaDetailsFromClientErrors: config.production,
    validationRules: limitRules(config.graphql),
    plugins: [tokenLimitPlugin(config.graphql), graphqlAuthPlugin(auth)],
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const out = formatGraphQLError(formatted, error);
      const code = typeof out.extensions?.code === 'string' ? out.extensions.code : 'NONE';
      metrics.graphqlErrors.inc({ code });
      if (code === ErrorCode.INTERNAL_SERVER_ERROR) {
        const cause = unwrap(error);
        logger.error(`unexpected error (answered as internal error): ${cause instanceof Error ? cause.message : String(cause)}`, cause instanceof Error ? cause.stack : undefined);
      }
      return out;
    },
  };
}

function unwrap(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  while (current && typeof current === 'object' && current.originalError) current = current.originalError as { originalError?: unknown };
  return current;
}
