import type { ApolloServerPlugin } from '@apollo/server';
import { type Limits, tokenLimitError } from './limits.js';

/**
 * Refuses a document with more tokens than allowed before Apollo parses it
 * (the depth, cost, alias and directive limits are validation rules).
 */
export function tokenLimitPlugin(limits: Pick<Limits, 'maxTokens'>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveSource({ source }) {
          const error = tokenLimitError(source, limits.maxTokens);
          if (error) throw error;
        },
      };
    },
  };
}
