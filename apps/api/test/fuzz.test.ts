import { encodeGlobalID } from '@pothos/plugin-relay';
import fc from 'fast-check';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../src/auth/accounts.ts';
import { createHttpApp } from '../src/http/app.ts';
import { clientContext } from '../src/http/context.ts';
import { schema } from '../src/schema/index.ts';
import { createApi, type Api } from '../src/yoga.ts';
import { type Accepted, csvUploads, minimalInput, oneFieldMutations } from './support/one-field-mutations.ts';
import { argumentsFor, type KnownIds, operationFor, valueFor } from './support/schema-arbitraries.ts';
import { createBoundStaff, partnerKeyHeaders } from '../../../tests/support/principals.ts';
import { documentedCodes } from '../../../tests/support/error-docs.ts';
import { useTestApi } from '../../../tests/support/test-api.ts';

/**
 * The suite fuzzes itself: fast-check generates inputs for every mutation from the schema
 * (as a bureau-wide admin, a station-bound editor, a partner key and anonymously), for the
 * form routes and for login, and checks that no request answers INTERNAL_SERVER_ERROR or
 * a 5xx, that every code is documented, and that a request answering an error wrote nothing.
 * CI: fixed seed, bounded runs. `pnpm fuzz`: FUZZ_SEED=random, FUZZ_RUNS larger.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
/** Long runs (`pnpm fuzz`) get time in proportion: about 20 ms a request, with room to spare on a busy machine. */
const TIMEOUT_MS = Math.max(180_000, RUNS * 250);
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261202);

const documented = documentedCodes();

/** What a fuzz run saw, for the note. */
const seen = { requests: 0, byCode: new Map<string, number>(), slowest: { ms: 0, what: '' } };
function note(code: string, ms: number, what: string) {
  seen.requests++;
  seen.byCode.set(code, (seen.byCode.get(code) ?? 0) + 1);
  if (ms > seen.slowest.ms) seen.slowest = { ms, what: what.slice(0, 300) };
}

describe(`fuzz (seed ${SEED}, ${RUNS} runs)`, () => {
  const t = useTestApi();
  let app: ReturnType<typeof createHttpApp>;
  let api: Api;
  /** Staff sign in afresh for each request (a generated `logout` or `changeOwnPassword` ends sessions). */
  let callers: { name: string; headers: () => Promise<Record<string, string>> }[];
  let known: KnownIds;
  /** Requests the API accepted, the starting points of the one-field-at-a-time mutations. */
  const accepted: Accepted[] = [];

  /** Rows that a refused request must not have changed. */
  const footprint = async () => {
    const p = t.db.prisma;
    const counts = await Promise.all([
      p.auditEntry.count({ where: { action: { not: 'staff.login.throttled' } } }),
      p.area.count(),
      p.officer.count(),
      p.event.count(),
      p.stationHoursException.count(),
      p.mediationCase.count(),
      p.referral.count(),
      p.surveyResponse.count(),
      p.staffSession.count(),
      p.workReport.count(),
      p.staffUser.count(),
      p.apiClient.count(),
    ]);
    return counts.join(',');
  };

  beforeAll(async () => {
    api = createApi({ prisma: t.db.prisma });
    app = createHttpApp({ api, database: { ping: async () => {}, pendingMigrations: async () => [] }, portalRoot: () => '/nonexistent' });
    const station = await t.db.prisma.station.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const partner = await t.db.prisma.partnerAgency.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const staff = async (name: string, role: 'ADMIN' | 'EDITOR' | 'MEDIATOR', stations: 'all' | number[]) => {
      const { id } = await createBoundStaff(t.db.prisma, role, stations);
      return { name, headers: async () => ({ authorization: `Bearer ${(await createSession(t.db.prisma, id)).token}` }) };
    };
    const key = await partnerKeyHeaders(t.db.prisma, partner.id, ['public:read', 'mediation:read', 'referrals:write', 'surveys:raw']);
    callers = [
      { name: 'anonymous', headers: async () => ({}) },
      await staff('admin', 'ADMIN', 'all'),
      await staff('editor', 'EDITOR', [station.id]),
      await staff('mediator', 'MEDIATOR', [station.id]),
      { name: 'partner key', headers: async () => key },
    ];
    const p = t.db.prisma as unknown as Record<string, { findMany(args: object): Promise<{ id: number }[]> } | undefined>;
    const entries: [string, string[]][] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) continue;
      const model = p[type.name.charAt(0).toLowerCase() + type.name.slice(1)];
      const rows = model ? await model.findMany({ take: 3, orderBy: { id: 'asc' }, select: { id: true } }) : [];
      entries.push([type.name, rows.map((r) => encodeGlobalID(type.name, String(r.id)))]);
    }
    known = Object.fromEntries(entries);
  });

  afterAll(() => {
    const byCode = Object.fromEntries([...seen.byCode].sort((a, b) => b[1] - a[1]));
    console.log(`FUZZ seed=${SEED} runs=${RUNS} requests=${seen.requests} byCode=${JSON.stringify(byCode)} slowest=${Math.round(seen.slowest.ms)}ms ${seen.slowest.what}`);
  });

  it('every mutation, as every kind of caller: no unexpected error, no 5xx, every code documented, nothing written when refused', async () => {
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {}).filter((f) => !f.args.some((a) => String(a.type).includes('File')));
    const request = fc.oneof(
      ...mutations.map((field) => fc.record({ field: fc.constant(field), caller: fc.oneof(fc.constant(1), fc.nat(callers.length - 1)), variables: argumentsFor(field, known) })),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ field, caller, variables }) => {
        const who = callers[caller] ?? callers[0];
        const query = operationFor(field);
        const headers = (await who?.headers()) ?? {};
        const before = await footprint();
        const started = performance.now();
        const response = await api.fetch('http://yoga/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
        const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
        note(codes[0] ?? 'OK', performance.now() - started, `${who?.name} ${field.name} ${JSON.stringify(variables)}`);
        expect(response.status, field.name).toBeLessThan(500);
        expect(codes, `${field.name}: ${JSON.stringify(body.errors)}`).not.toContain('INTERNAL_SERVER_ERROR');
        expect(codes.filter((c) => !documented.has(c)), field.name).toEqual([]);
        if (codes.length > 0) expect(await footprint(), `${field.name} answered ${codes[0]} but wrote`).toBe(before);
        else accepted.push({ field, caller, variables });
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, TIMEOUT_MS);

  /** Sends `variables` to `field` as caller number `caller` and checks the same properties; answers the error codes. */
  async function check(field: Accepted['field'], caller: number, variables: Record<string, unknown>, what: string): Promise<string[]> {
    const who = callers[caller] ?? callers[0];
    const headers = (await who?.headers()) ?? {};
    const before = await footprint();
    const started = performance.now();
    const response = await api.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify({ query: operationFor(field), variables }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
    const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? 'NO_CODE');
    note(codes[0] ?? 'OK', performance.now() - started, `${who?.name} ${field.name} ${what}`);
    expect(response.status, `${field.name} ${what}`).toBeLessThan(500);
    expect(codes, `${field.name} ${what}: ${JSON.stringify(body.errors)}`).not.toContain('INTERNAL_SERVER_ERROR');
    expect(codes.filter((c) => !documented.has(c)), `${field.name} ${what}`).toEqual([]);
    if (codes.length > 0) expect(await footprint(), `${field.name} ${what} answered ${codes[0]} but wrote`).toBe(before);
    return codes;
  }

  it('one field at a time: each accepted input with one value set to a boundary or odd value of its type', async () => {
    // Besides what the first property had accepted: each mutation's smallest plausible input, where the API accepts it.
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {}).filter((f) => !f.args.some((a) => String(a.type).includes('File')));
    for (const [i, field] of mutations.entries()) {
      if (['logout', 'changeOwnPassword'].includes(field.name)) continue;
      const variables = minimalInput(field, known, `m${i}`);
      const codes = await check(field, 1, variables, 'minimal input');
      if (codes.length === 0) accepted.push({ field, caller: 1, variables });
    }
    const fields = new Set(accepted.map((a) => a.field.name));
    console.log(`FUZZ one-field: ${accepted.length} accepted inputs of ${fields.size} mutations to start from: ${[...fields].sort().join(', ')}`);
    expect(accepted.length, 'the first property found accepted inputs to start from').toBeGreaterThan(0);
    const otherIds = Object.values(known).flatMap((list) => list.slice(0, 1));
    await fc.assert(
      fc.asyncProperty(oneFieldMutations(accepted, otherIds), async ({ field, caller, variables, changed }) => {
        await check(field, caller, variables, changed);
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
    );
  }, TIMEOUT_MS);

  it('importCsv: uploads one change away from what exportCsv wrote, for each kind', async () => {
    const fields = schema.getMutationType()?.getFields() ?? {};
    const importCsv = fields.importCsv as Accepted['field'];
    const exportCsv = schema.getQueryType()?.getFields().exportCsv as Accepted['field'];
    const admin = 1;
    const exports: Record<string, string> = {};
    for (const kind of ['AREAS', 'OFFICERS', 'SERVICE_ITEMS']) {
      const response = await api.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await callers[admin]?.headers()) },
        body: JSON.stringify({ query: `query($kind: CsvKind!) { ${exportCsv.name}(kind: $kind) }`, variables: { kind } }),
      });
      const body = (await response.json()) as { data?: { exportCsv?: string } };
      exports[kind] = body.data?.exportCsv ?? '';
      expect(exports[kind], `exportCsv(${kind})`).toContain('\r\n');
    }
    await fc.assert(
      fc.asyncProperty(csvUploads(exports), fc.constantFrom(admin, 2, 0), async ({ changed, ...variables }, caller) => {
        await check(importCsv, caller, variables, changed);
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
    );
  }, TIMEOUT_MS);

  it('login and the form routes: no 5xx, every GraphQL code documented', async () => {
    const names = fc.constantFrom('campaign', 'area', 'code', 'website', 'lang', 'station', 'answer:SCALE5:1', 'answer:FREE_TEXT:2', 'answer:SINGLE_CHOICE:3', 'answer:YES_NO:x', 'other');
    const text = valueFor(schema.getType('String') as never, {});
    const form = fc.array(fc.tuple(names, fc.oneof(text.map((v) => String(v ?? '')), fc.constantFrom(encodeGlobalID('SurveyCampaign', '1'), '1', '2147483648'))), { maxLength: 6 });
    const findQuery = fc.record({ station: fc.oneof(fc.constantFrom('zhuze', 'qiandeng', 'nowhere'), text.map((v) => String(v ?? ''))), place: text.map((v) => String(v ?? '')), lang: fc.constantFrom('zh', 'en', 'xx') });
    const login = fc.record({ email: text, password: text });
    const route = fc.oneof(
      form.map((fields) => ({ kind: 'survey form' as const, fields })),
      findQuery.map((query) => ({ kind: 'find officer' as const, query })),
      login.map((variables) => ({ kind: 'login' as const, variables })),
    );
    await fc.assert(
      fc.asyncProperty(route, async (input) => {
        const started = performance.now();
        let response: Response;
        if (input.kind === 'survey form') {
          const body = new URLSearchParams(input.fields.map(([n, v]) => [n, v]));
          response = await app(new Request('http://openstation/survey/submit', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }), clientContext('192.0.2.7'));
        } else if (input.kind === 'find officer') {
          const query = new URLSearchParams(input.query as Record<string, string>);
          response = await app(new Request(`http://openstation/find-officer?${query}`), clientContext('192.0.2.7'));
        } else {
          response = await api.fetch('http://yoga/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', variables: input.variables }),
          });
        }
        const text = await response.text();
        const code = input.kind === 'login' ? ((JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code ?? 'OK') : `HTTP ${response.status}`;
        note(code, performance.now() - started, `${input.kind} ${JSON.stringify(input)}`);
        expect(response.status, `${input.kind}: ${JSON.stringify(input)}`).toBeLessThan(500);
        if (input.kind === 'login') expect(code !== 'INTERNAL_SERVER_ERROR' && (documented.has(code) || code === 'OK'), code).toBe(true);
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2), endOnFailure: true },
    );
  }, TIMEOUT_MS);
});
