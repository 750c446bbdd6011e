import type { Loaders } from './loaders.js';

/** What every resolver gets in its GraphQL context: per-request batch loaders. */
export interface RequestContext {
  loaders: Loaders;
}
