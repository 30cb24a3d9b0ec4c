/**
 * @packageDocumentation
 * The API's Relay global ids (`base64("Area:12")`) and the record numbers that page addresses
 * use: the portal's pages, its survey form and the API's form routes convert them the same way.
 */

/** The global id the API gives record `id` of GraphQL type `type` (`globalId('Area', 12)`). */
export function globalId(type: string, id: number | string): string {
  return btoa(`${type}:${id}`);
}

/** The number inside a Relay global id (`base64("Officer:12")` → `"12"`); anything else comes back unchanged. */
export function localId(id: string): string {
  let decoded: string;
  try {
    decoded = atob(id);
  } catch {
    return id;
  }
  const number = decoded.split(':')[1];
  return number && /^\d+$/.test(number) ? number : id;
}
