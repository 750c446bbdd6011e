/**
 * Reads a GraSS stylesheet the way Neo4j Browser 5 does (its parseGrass: a
 * character scan, quotes dropped, `selector { property: value; }`), so a test
 * can compare the style the Browser will hold with the one in the repo.
 */
export type GraphStyle = Record<string, Record<string, string>>;

export function parseGrass(text: string): GraphStyle {
  const bodies: Record<string, string> = {};
  let inQuote = false;
  let inBody = false;
  let nested = false;
  let selector = '';
  let body = '';
  for (const ch of text) {
    let structural = true;
    switch (ch) {
      case '{':
        if (inQuote) structural = false;
        else if (inBody) nested = true;
        else inBody = true;
        break;
      case '}':
        if (inQuote) structural = false;
        else if (nested) nested = false;
        else {
          inBody = false;
          bodies[selector] = body;
          selector = '';
          body = '';
        }
        break;
      case "'":
      case '"':
        inQuote = !inQuote;
        break;
      default:
        structural = false;
    }
    if (!structural) {
      if (inBody) body += ch;
      else if (!/\s/.test(ch)) selector += ch;
    }
  }
  const style: GraphStyle = {};
  for (const [name, declarations] of Object.entries(bodies)) {
    style[name] = {};
    for (const declaration of declarations.split(';')) {
      const parts = declaration.split(':');
      if (parts.length === 2) style[name][parts[0].trim()] = parts[1].trim();
    }
  }
  return style;
}

/** The style a `:style {json}` command in browser.post_connect_cmd sets, or null. */
export function postConnectStyle(neo4jConf: string): GraphStyle | null {
  const line = neo4jConf.split('\n').find((l) => l.startsWith('browser.post_connect_cmd='));
  if (!line) return null;
  const command = line.slice('browser.post_connect_cmd='.length).trim();
  const match = /^:?style\s+(\{.*\})$/.exec(command);
  return match ? (JSON.parse(match[1]) as GraphStyle) : null;
}
