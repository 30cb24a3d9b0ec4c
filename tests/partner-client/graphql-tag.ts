/**
 * The `graphql` template tag the fixture's operations are written with, as Relay and most
 * clients expect. Relay and GraphQL Code Generator read the text statically; at run time the
 * tag only joins it (the fixture's documents have no interpolations).
 */
export function graphql(strings: TemplateStringsArray): string {
  return strings.join('');
}
