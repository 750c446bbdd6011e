/** Command-line options of the bench scripts: `--name value` and `--flag`. */
export class Args {
  constructor(private readonly argv: string[] = process.argv.slice(2)) {}

  has(name: string): boolean {
    return this.argv.includes(`--${name}`);
  }

  string(name: string): string | null {
    const i = this.argv.indexOf(`--${name}`);
    if (i < 0) return null;
    const value = this.argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
    return value;
  }

  /** A whole number; accepts 10k and 1m. */
  count(name: string, fallback: number): number {
    const raw = this.string(name);
    if (raw === null) return fallback;
    const value = parseCount(raw);
    if (value === null) throw new Error(`--${name} must be a whole number such as 10000, 100k or 1m (got ${raw})`);
    return value;
  }

  counts(name: string, fallback: number[]): number[] {
    const raw = this.string(name);
    if (raw === null) return fallback;
    return raw.split(',').map((part) => {
      const value = parseCount(part);
      if (value === null) throw new Error(`--${name} must be a list such as 10k,100k,1m (got ${raw})`);
      return value;
    });
  }

  seconds(name: string, fallback: number): number {
    const raw = this.string(name);
    if (raw === null) return fallback;
    const value = Number(raw);
    if (!(value > 0)) throw new Error(`--${name} must be a positive number of seconds (got ${raw})`);
    return value;
  }
}

export function parseCount(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) return null;
  const value = Number(m[1]) * { '': 1, k: 1_000, m: 1_000_000 }[m[2].toLowerCase() as '' | 'k' | 'm'];
  return Number.isInteger(value) && value > 0 ? value : null;
}

/** 10000 -> "10k", 1000000 -> "1m": the name of a tier. */
export function tierLabel(stances: number): string {
  if (stances % 1_000_000 === 0) return `${stances / 1_000_000}m`;
  if (stances % 1_000 === 0) return `${stances / 1_000}k`;
  return String(stances);
}
