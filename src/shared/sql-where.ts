export type SqlParams = Record<string, string | number>;

/**
 * The WHERE clause of a filter whose set fields each must equal a column, with the named
 * parameters to bind (`@<field>`); '' when no field is set. `also` holds further conditions
 * already written out. Column names come from the code, never from the request.
 */
export function whereEqual<F extends object>(
  filter: F,
  columns: { readonly [K in keyof F]?: string },
  also: readonly string[] = [],
): { where: string; params: SqlParams } {
  const clauses: string[] = [];
  const params: SqlParams = {};
  for (const key of Object.keys(columns) as (keyof F & string)[]) {
    const value = filter[key];
    if (value === undefined) continue;
    clauses.push(`${columns[key]} = @${key}`);
    params[key] = value as string | number;
  }
  clauses.push(...also);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
