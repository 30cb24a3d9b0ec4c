/**
 * The page of one published table (`/open-data/stations/`, Chinese; `localePath` gives the
 * English one): its downloads and its data dictionary, linked from the open-data page.
 */
export function tablePagePath(name: string): string {
  return `/open-data/${name}/`;
}
