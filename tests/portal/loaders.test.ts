import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import {
  loadAreas,
  loadMediation,
  loadMetrics,
  loadOfficers,
  loadReports,
  loadServices,
  loadStations,
  loadSurveyResults,
  loadSurveys,
  PortalDataError,
} from '../../apps/portal/src/data/index.ts';
import { STATION_WITHOUT_OPEN_SURVEY } from './fixtures.ts';

const source = { url: inject('portalApiUrl') };

function fakeApi(body: unknown): typeof fetch {
  return async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
}

describe('content loaders against a running API', () => {
  it('load the five demo stations and everything about them', async () => {
    const stations = await loadStations(source);
    expect(stations.map((s) => s.slug).sort()).toEqual(['qiandeng', 'qianling', 'toutunhe', 'xuecheng', 'zhuze']);
    const [areas, officers, services, metrics] = await Promise.all([
      loadAreas(source),
      loadOfficers(source),
      loadServices(source),
      loadMetrics(source),
    ]);
    expect(areas.length).toBeGreaterThan(20);
    expect(officers.length).toBeGreaterThan(100);
    expect(officers.every((o) => o.assignments.every((a) => areas.some((area) => area.id === a.areaId)))).toBe(true);
    expect(services.length).toBeGreaterThan(5);
    expect(metrics.map((m) => m.key)).toContain('police_calls');
  });

  it('read every page of a connection (more than 100 officers)', async () => {
    const officers = await loadOfficers(source);
    expect(new Set(officers.map((o) => o.id)).size).toBe(officers.length);
  });

  it('load one station\'s officers, areas, reports and service items as the whole lists hold them (what an incremental build replaces in the kept store)', async () => {
    for (const load of [loadOfficers, loadAreas, loadReports, loadServices]) {
      const [all, zhuze] = await Promise.all([load(source), load(source, 'zhuze')]);
      expect(zhuze.length).toBeGreaterThan(0);
      const key = (entries: { id: string }[]) => [...entries].sort((a, b) => a.id.localeCompare(b.id));
      expect(key(zhuze)).toEqual(key(all.filter((e) => e.stationSlug === 'zhuze')));
    }
  });

  it('read published reports only (qianling has drafts after 2026 Q1)', async () => {
    const reports = await loadReports(source);
    expect(reports.length).toBeGreaterThan(40);
    const qianling = reports.filter((r) => r.stationSlug === 'qianling').map((r) => r.period).sort();
    expect(qianling.at(-1)).toBe('2026-Q1');
  });

  it('load every station\'s published surveys with their questions in order (an open one each but where it is a draft; CODE mode at qiandeng)', async () => {
    const surveys = await loadSurveys(source);
    const open = surveys.filter((c) => c.phase === 'OPEN');
    const stations = ['qiandeng', 'qianling', 'toutunhe', 'xuecheng', 'zhuze'];
    expect(open.map((c) => c.stationSlug).sort()).toEqual(stations.filter((s) => s !== STATION_WITHOUT_OPEN_SURVEY));
    expect(open.find((c) => c.stationSlug === 'qiandeng')?.accessMode).toBe('CODE');
    expect(open.find((c) => c.stationSlug === 'zhuze')?.accessMode).toBe('OPEN');
    expect(surveys.some((c) => c.phase === 'CLOSED')).toBe(true);
    for (const c of open) {
      expect(c.questions.map((q) => q.position)).toEqual([...c.questions.map((q) => q.position)].sort((a, b) => a - b));
      expect(new Set(c.questions.map((q) => q.type))).toEqual(new Set(['SCALE5', 'YES_NO', 'SINGLE_CHOICE', 'FREE_TEXT']));
    }
  });

  it('load the results of closed surveys only', async () => {
    const closed = (await loadSurveys(source)).filter((c) => c.phase === 'CLOSED');
    const results = await loadSurveyResults(source, closed.map((c) => c.id));
    expect(results.map((r) => r.id)).toEqual(closed.map((c) => c.id));
    expect(results.every((r) => r.indicators.length > 0)).toBe(true);
    expect(results.some((r) => r.responses > 0)).toBe(true);
  });

  it('load mediation figures for many stations in batches', async () => {
    const mediation = await loadMediation(source, ['zhuze', 'qianling']);
    expect(mediation.map((m) => m.id)).toEqual(['zhuze', 'qianling']);
    expect(mediation[0]?.byQuarter.length).toBeGreaterThan(4);
    expect(mediation[0]?.definition.zh).toContain('调解成功率');
  });
});

describe('content loaders when something is wrong', () => {
  it('say the API is unreachable and what to do', async () => {
    const error = await loadStations({ url: 'http://127.0.0.1:9/graphql' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalDataError);
    expect((error as Error).message).toMatch(/unreachable/);
    expect((error as Error).message).toMatch(/pnpm start/);
    expect((error as Error).message).toMatch(/OPENSTATION_API_URL/);
  });

  it('report GraphQL errors from the API', async () => {
    const error = await loadMetrics({ url: 'http://api/graphql', fetch: fakeApi({ errors: [{ message: 'Cannot query field "metrics"' }] }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalDataError);
    expect((error as Error).message).toContain('Cannot query field "metrics"');
  });

  it('reject an answer of the wrong shape', async () => {
    const error = await loadMetrics({ url: 'http://api/graphql', fetch: fakeApi({ data: { metrics: [{ key: 1 }] } }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortalDataError);
    expect((error as Error).message).toMatch(/expected shape.*metrics\.0\.key/);
  });

  it('fail the Astro build with the message when the API is down', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'openstation-portal-fail-'));
    const portalDir = fileURLToPath(new URL('../../apps/portal', import.meta.url));
    const child = spawn(process.execPath, [join(portalDir, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: portalDir,
      env: { ...process.env, OPENSTATION_API_URL: 'http://127.0.0.1:9/graphql', PORTAL_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    rmSync(outDir, { recursive: true, force: true });
    expect(code).not.toBe(0);
    expect(output).toMatch(/the OpenStation API at http:\/\/127\.0\.0\.1:9\/graphql is unreachable/);
    expect(output).toMatch(/OPENSTATION_API_URL/);
  });
});
