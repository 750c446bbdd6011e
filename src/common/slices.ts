/** `rows` in consecutive slices of at most `size` (one slice, the array itself, when it fits). */
export function slices<T>(rows: T[], size: number): T[][] {
  if (rows.length <= size) return [rows];
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
