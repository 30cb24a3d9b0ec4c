import { describe, expect, inject, it } from 'vitest';

/**
 * CSV on the Web metadata beside every published table: the same dictionary as the table's
 * page (`/open-data/<table>/`: names, meanings in both languages, units), and datatypes the
 * CSV's cells satisfy.
 */
const origin = inject('portalOrigin');

interface Column {
  name: string;
  'dc:description': { '@value': string; '@language': string }[];
  'schema:unitText'?: { '@value': string; '@language': string }[];
  datatype: string;
  required: boolean;
}

/** The dictionary rows on a table's page: field → [meaning, unit]. */
function dictionary(html: string): Map<string, [string, string]> {
  const start = html.indexOf('id="dictionary"');
  const body = html.slice(start, html.indexOf('</table>', start));
  const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").trim();
  const rows = [...body.matchAll(/<tr><th scope="row"><code>([^<]+)<\/code><\/th><td[^>]*>([\s\S]*?)<\/td><td[^>]*>([\s\S]*?)<\/td><\/tr>/g)];
  return new Map(rows.map((m) => [m[1] ?? '', [text(m[2] ?? ''), text(m[3] ?? '')]]));
}

describe('CSVW metadata', () => {
  it('every table\'s csv-metadata.json says what the dictionary on the table\'s page says, and its datatypes fit the CSV', async () => {
    const page = await (await fetch(`${origin}/open-data/`)).text();
    const en = await (await fetch(`${origin}/en/open-data/`)).text();
    const names = [...page.matchAll(/href="\/data\/([a-z_]+)\.csv"/g)].map((m) => m[1] ?? '');
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      // The open-data page's row of the table leads to its page (and old links to its dictionary, #t-<table>, land on that row).
      expect(page).toContain(`<tr id="t-${name}"><th scope="row"><a href="/open-data/${name}/">${name}</a>`);
      expect(en).toContain(`<tr id="t-${name}"><th scope="row"><a href="/en/open-data/${name}/">${name}</a>`);
      await checkTable(name);
    }
  });
});

async function checkTable(name: string): Promise<void> {
  {
    const response = await fetch(`${origin}/data/${name}.csv-metadata.json`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as { url: string; tableSchema: { columns: Column[] } };
    expect(new URL(metadata.url).pathname).toBe(`/data/${name}.csv`);
    const zhPage = await (await fetch(`${origin}/open-data/${name}/`)).text();
    expect(zhPage).toContain(`href="/data/${name}.csv-metadata.json"`);
    const zh = dictionary(zhPage);
    const en = dictionary(await (await fetch(`${origin}/en/open-data/${name}/`)).text());
    const columns = metadata.tableSchema.columns;
    expect(columns.map((c) => c.name)).toEqual([...zh.keys()]);
    for (const column of columns) {
      const says = (lang: string, list: { '@value': string; '@language': string }[] | undefined) => list?.find((v) => v['@language'] === lang)?.['@value'] ?? '';
      expect([says('zh', column['dc:description']), says('zh', column['schema:unitText'])]).toEqual(zh.get(column.name));
      expect([says('en', column['dc:description']), says('en', column['schema:unitText'])]).toEqual(en.get(column.name));
    }
    const csv = (await (await fetch(`${origin}/data/${name}.csv`)).text()).replace(/^\uFEFF/, '');
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header?.split(',')).toEqual(columns.map((c) => c.name));
    const simple = lines.filter((line) => !line.includes('"'));
    for (const line of simple) {
      line.split(',').forEach((cell, i) => {
        const column = columns[i];
        if (!column) return;
        if (cell === '') {
          expect(column.required, `${name}.${column.name} is required but empty`).toBe(false);
          return;
        }
        const fits: Record<string, RegExp> = { integer: /^-?\d+$/, decimal: /^-?\d+(\.\d+)?(e-?\d+)?$/, boolean: /^(true|false)$/, date: /^\d{4}-\d{2}-\d{2}$/, dateTime: /^\d{4}-\d{2}-\d{2}T/, string: /[\s\S]*/ };
        expect(fits[column.datatype]?.test(cell), `${name}.${column.name} = ${cell} (${column.datatype})`).toBe(true);
      });
    }
  }
}
