import { t } from '@openstation/site/i18n';
import { fieldMeaning } from './field-meaning.ts';
import type { Cell, Row, Table } from './open-data.ts';
import { LICENCE_URL } from './schema-org.ts';

/**
 * CSV on the Web (W3C CSVW) metadata of a published table, `<table>.csv-metadata.json` beside
 * `<table>.csv`: built from the same dictionary (TABLES and the `field.*` / `unit.*` strings)
 * as the table's page (`/open-data/<table>/`), so the two cannot disagree. Datatypes and
 * `required` come from the published rows themselves.
 */
export function csvMetadataPath(table: Table): string {
  return `/data/${table.name}.csv-metadata.json`;
}

/** The CSVW datatype of a column's published values. */
export function datatypeOf(values: Cell[]): string {
  const present = values.filter((v): v is Exclude<Cell, null> => v !== null && v !== '');
  if (present.length === 0) return 'string';
  if (present.every((v) => typeof v === 'boolean')) return 'boolean';
  if (present.every((v) => typeof v === 'number')) return present.every((v) => Number.isInteger(v)) ? 'integer' : 'decimal';
  if (present.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))) return 'date';
  if (present.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v))) return 'dateTime';
  return 'string';
}

/** The CSVW table description of `table` with its `rows`, for a site at `site`. */
export function csvMetadata(table: Table, rows: Row[], site: URL) {
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'zh' }],
    url: new URL(`/data/${table.name}.csv`, site).href,
    'dc:title': table.name,
    'dc:license': { '@id': LICENCE_URL },
    dialect: { header: true, encoding: 'utf-8', lineTerminators: ['\r\n'] },
    tableSchema: {
      columns: table.fields.map((field) => {
        const values = rows.map((row) => row[field.name] ?? null);
        const meaning = (lang: 'zh' | 'en') => fieldMeaning(field, lang);
        return {
          name: field.name,
          titles: { zh: [field.name], en: [field.name] },
          'dc:description': [
            { '@value': meaning('zh'), '@language': 'zh' },
            { '@value': meaning('en'), '@language': 'en' },
          ],
          datatype: datatypeOf(values),
          required: values.length > 0 && values.every((v) => v !== null && v !== ''),
          ...(field.unit ? { 'schema:unitText': [{ '@value': t('zh', field.unit), '@language': 'zh' }, { '@value': t('en', field.unit), '@language': 'en' }] } : {}),
        };
      }),
    },
  };
}
