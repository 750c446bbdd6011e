import type { Role } from '../common/config/config.js';

export type { Role } from '../common/config/config.js';
export { ROLES } from '../common/config/config.js';

/** Roles nest: an admin may do what an editor may, an editor what a reader may. */
const RANK: Record<Role, number> = { reader: 1, editor: 2, admin: 3 };

export function allows(held: Role, needed: Role): boolean {
  return RANK[held] >= RANK[needed];
}

export function strongest(roles: Role[]): Role | null {
  return roles.reduce<Role | null>((best, r) => (best === null || RANK[r] > RANK[best] ? r : best), null);
}
