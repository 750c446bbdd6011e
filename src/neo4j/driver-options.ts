import type { Config } from 'neo4j-driver';

/**
 * How the service uses the driver, shared with the bench's raw endpoint so
 * that "raw" is the same driver used the same way.
 *
 * Integers arrive as JavaScript numbers: every integer the graph holds (counts,
 * character offsets, temporal fields) is far below 2^53, and decoding each into
 * a lossless Integer object, then back into a number in the row mapper, was a
 * tenth of the service's CPU per read (README, Performance).
 */
export const DRIVER_TUNING: Pick<Config, 'disableLosslessIntegers'> = {
  disableLosslessIntegers: true,
};
