/** One string per `:name` parameter of a route pattern: `'/a/:x/b/:y'` → `[string, string]`. */
type RouteValues<Pattern extends string> = Pattern extends `${string}:${string}/${infer Rest}`
  ? [string, ...RouteValues<`/${Rest}`>]
  : Pattern extends `${string}:${string}`
    ? [string]
    : [];

/**
 * A route with parameters. Clients call it with the values, in the pattern's order, and get the
 * path with each value URI-encoded; the API registers `pattern` itself (`@Get(ROUTES.x.pattern)`),
 * so both sides use the same string.
 */
export type RoutePath<Pattern extends string> = ((...values: RouteValues<Pattern>) => string) & {
  readonly pattern: Pattern;
};

export function routePath<const Pattern extends string>(pattern: Pattern): RoutePath<Pattern> {
  const build = (...values: string[]) => {
    let index = 0;
    return pattern.replace(/:[A-Za-z]+/g, () => encodeURIComponent(values[index++] ?? ''));
  };
  return Object.assign(build, { pattern }) as RoutePath<Pattern>;
}
