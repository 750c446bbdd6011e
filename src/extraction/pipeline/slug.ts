/**
 * The id of an actor or proposal: a slug of its canonical name ("South
 * Korea" -> "south-korea"). The extractor names the entities it finds this
 * way, and the service must name the ones a client creates the same way, or
 * one actor would get two nodes: so the scheme lives here, and the service
 * imports it.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
