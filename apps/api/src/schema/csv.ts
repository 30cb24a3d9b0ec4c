import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { builder } from '../builder.ts';
import { exportCsv } from '../csv/export.ts';
import { importCsv, type ImportReport } from '../csv/import.ts';
import type { Issue } from '../csv/issues.ts';
import { CSV_KINDS } from '../csv/kinds.ts';
import { InputError } from '../errors.ts';
import { slug } from './inputs.ts';

/** An uploaded file: a part of a multipart request (GraphQL multipart request spec), or its text as a string. */
builder.scalarType('File', {
  description:
    'A file: a part of a `multipart/form-data` request as the GraphQL multipart request spec describes (send `X-GraphQL-Yoga-CSRF: 1` or your ' +
    'credentials with it), or, for small files in JSON variables, the file\'s text as a string.',
  serialize: () => {
    throw new GraphQLError('File is an input type only.');
  },
  parseValue: (value) => {
    if (typeof value === 'string') return new Blob([value]);
    // Yoga's multipart parser gives a File of its own fetch implementation: accept anything blob-like.
    if (value !== null && typeof value === 'object' && typeof (value as Blob).arrayBuffer === 'function') return value as Blob;
    throw new InputError('`file` must be an uploaded file (multipart request) or its text.', { field: 'file' });
  },
});

export const CsvKindEnum = builder.enumType('CsvKind', {
  description: 'The kinds of records CSV import and export handle (docs/csv.md lists their columns).',
  values: {
    AREAS: { value: 'areas' },
    OFFICERS: { value: 'officers' },
    SERVICE_ITEMS: { value: 'service-items' },
  } as const,
});

const kindOf = (name: string) => {
  const kind = CSV_KINDS[name];
  if (!kind) throw new InputError(`Unknown CSV kind "${name}".`, { field: 'kind' });
  return kind;
};

const CsvIssue = builder.objectRef<Issue>('CsvIssue').implement({
  description: 'What is wrong with one cell, row, or the header of an imported file.',
  fields: (t) => ({
    row: t.exposeInt('row', { description: 'The spreadsheet row: 1 is the header, 2 the first record.' }),
    column: t.exposeString('column', { nullable: true, description: 'The column, or null for the whole row or file.' }),
    code: t.exposeString('code', { description: 'e.g. `invalid`, `unknown_area`, `station_not_yours` (docs/csv.md).' }),
    message: t.exposeString('message'),
  }),
});

const CsvOutcomeEnum = builder.enumType('CsvOutcome', {
  description: 'What the import did with one row.',
  values: { CREATED: { value: 'created' }, UPDATED: { value: 'updated' }, UNCHANGED: { value: 'unchanged' } } as const,
});

const CsvRowOutcome = builder.objectRef<ImportReport['outcomes'][number]>('CsvRowOutcome').implement({
  description: 'One CSV row (1-based, the header is row 1) and what the import did with it.',
  fields: (t) => ({ row: t.exposeInt('row'), outcome: t.expose('outcome', { type: CsvOutcomeEnum }) }),
});

const CsvImportCounts = builder.objectRef<ImportReport['counts']>('CsvImportCounts').implement({
  description: 'How many rows an import created, updated or left unchanged.',
  fields: (t) => ({
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated'),
    unchanged: t.exposeInt('unchanged'),
    skipped: t.exposeInt('skipped', { description: 'Rows not imported because they are invalid.' }),
  }),
});

const CsvImportReport = builder.objectRef<ImportReport>('CsvImportReport').implement({
  description: 'What an import found and did, row by row.',
  fields: (t) => ({
    kind: t.field({ type: CsvKindEnum, resolve: (r) => r.kind as 'areas' }),
    rows: t.exposeInt('rows', { description: 'Records read (blank lines and the header not counted).' }),
    invalidRows: t.exposeIntList('invalidRows'),
    issues: t.field({ type: [CsvIssue], resolve: (r) => r.issues }),
    imported: t.exposeBoolean('imported', { description: 'Whether anything was written (false on a dry run and when invalid rows stopped the import).' }),
    dryRun: t.exposeBoolean('dryRun'),
    outcomes: t.field({ type: [CsvRowOutcome], description: 'What happened (or would happen) to each valid row.', resolve: (r) => r.outcomes }),
    counts: t.field({ type: CsvImportCounts, resolve: (r) => r.counts }),
  }),
});

const stationArg = z.string().pipe(slug);

builder.queryFields((t) => ({
  exportCsv: t.string({
    description:
      'The active areas, officers or service items as an RFC 4180 CSV file (UTF-8 with a byte order mark, CRLF line ends; cells with a comma, ' +
      'a quote or a line break quoted): of one station, or of every station the caller acts for. Editors and admins; what `importCsv` reads back unchanged.',
    authScopes: { editor: true },
    args: { kind: t.arg({ type: CsvKindEnum, required: true }), station: t.arg.string({ validate: stationArg }) },
    resolve: (_root, args, ctx) => exportCsv(ctx, kindOf(args.kind), args.station ?? null),
  }),
}));

builder.mutationFields((t) => ({
  importCsv: t.field({
    type: CsvImportReport,
    description:
      'Imports a CSV file of areas, officers or service items (as `exportCsv` writes it) for the stations the caller acts for (editors and admins): ' +
      'every row is checked first; if any is invalid nothing is imported unless `validOnly`; the valid rows are written in one unit of work, ' +
      'each change audited as the caller, and the portal is rebuilt. `dryRun` checks and reports only. `station` fills empty station cells and refuses other stations.',
    authScopes: { editor: true },
    args: {
      kind: t.arg({ type: CsvKindEnum, required: true }),
      file: t.arg({ type: 'File', required: true }),
      station: t.arg.string({ validate: stationArg }),
      validOnly: t.arg.boolean({ defaultValue: false }),
      dryRun: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (_root, args, ctx) =>
      importCsv(ctx, kindOf(args.kind), new Uint8Array(await args.file.arrayBuffer()), {
        station: args.station ?? null,
        validOnly: args.validOnly ?? false,
        dryRun: args.dryRun ?? false,
      }),
  }),
}));
