import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLFormattedError } from 'graphql';
import type { AuthService } from '../../auth/auth.service.js';
import { graphqlAuthPlugin } from '../../auth/graphql-auth.plugin.js';
import { requestErrorStatusPlugin } from '../../graphql/request-error-status.js';
import type { MetricsService } from '../../ops/metrics.service.js';
import type { RateLimitService } from '../../auth/rate-limit.service.js';
import type { AppConfig } from '../../common/config/config.js';
import { formatGraphQLError } from '../../common/errors/format-error.js';
import { graphqlOperationName, nameOperation } from '../../common/operation-context.js';
import { limitRules } from './limits.js';

/**
 * The hardening of /graphql, in one place for AppModule: limits (depth, cost,
 * aliases, directives as validation rules; tokens in token-limit.hook.ts), no batched
 * operations, authorisation per operation, introspection only where
 * configured (off in production), no schema hints in production errors, and
 * every error masked to a stable code and counted for /metrics (unexpected
 * ones are logged with their stack by Nest and DomainErrorFilter, never sent).
 */
export function graphqlSecurity(
  config: AppConfig,
  auth: AuthService,
  metrics: MetricsService,
  rates: RateLimitService,
): Partial<ApolloDriverConfig> {
  return {
    introspection: config.graphql.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    hideSchemaDetailsFromClientErrors: config.production,
    validationRules: limitRules(config.graphql),
    plugins: [
      // No cache hints are set, and the default cache-control plugin hooks
      // every field of every answer to compute them (README, Performance).
      ApolloServerPluginCacheControlDisabled(),
      graphqlAuthPlugin(auth, rates),
      // 200 for request errors to clients that take only application/json (GraphQL over HTTP).
      requestErrorStatusPlugin(),
      {
        async requestDidStart() {
          return {
            async didResolveOperation({ operation }) {
              metrics.graphqlOperations.inc({ type: operation?.operation ?? 'unknown' });
              // The transactions of this request name the operation (Neo4jService).
              nameOperation(graphqlOperationName(operation));
            },
          };
        },
      },
    ],
    formatError: (formatted: GraphQLFormattedError, error: unknown) => {
      const out = formatGraphQLError(formatted, error);
      const code = typeof out.extensions?.code === 'string' ? out.extensions.code : 'NONE';
      metrics.graphqlErrors.inc({ code });
      return out;
    },
  };
}
