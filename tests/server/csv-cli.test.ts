import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@openstation/db';
import { hashPassword } from '@openstation/api/auth/passwords';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript, scratchDatabase } from '../support/cli.ts';

const { scratch, databaseUrl } = scratchDatabase('csv');
const HEADER = 'station,nameZh,nameEn,kind,households,population,gridCount';

const run = (script: string, args: string[]) => runScript(script, args, databaseUrl);

async function counts() {
  const db = await openDatabase(databaseUrl);
  try {
    return {
      areas: await db.prisma.area.findMany({ select: { nameZh: true }, orderBy: { id: 'asc' } }),
      audit: await db.prisma.auditEntry.findMany({ select: { action: true, staffUser: { select: { email: true } } }, orderBy: { id: 'asc' } }),
    };
  } finally {
    await db.close();
  }
}

describe('CSV command lines', () => {
  const file = (name: string, text: string) => {
    const path = join(scratch, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    const db = await openDatabase(databaseUrl);
    try {
      await db.prisma.station.create({
        data: {
          slug: 'test-town',
          nameZh: '测试镇派出所',
          bureauZh: '测试分局',
          regionZh: '测试区',
          addressZh: '测试路1号',
          dutyPhone: '0000-1234567',
          openingHoursZh: '全天',
          summaryZh: '测试',
        },
      });
      await db.prisma.staffUser.create({
        data: { email: 'editor@station.example', name: 'Editor', role: 'EDITOR', passwordHash: await hashPassword('a long editor password'), allStations: true },
      });
      await db.prisma.staffUser.create({
        data: { email: 'mediator@station.example', name: 'Mediator', role: 'MEDIATOR', passwordHash: await hashPassword('a long mediator password'), allStations: true },
      });
    } finally {
      await db.close();
    }
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('import-csv reports bad rows (table on stderr, --report JSON), imports nothing and exits 1; --valid-only imports the rest', async () => {
    const bad = file('bad.csv', `\uFEFF${HEADER}\r\ntest-town,城东社区,East community,COMMUNITY,1200,3400,6\r\ntest-town,城西社区,,TOWNSHIP,,,\r\n`);
    const reportPath = join(scratch, 'report.json');
    const refused = await run('import-csv', ['areas', bad, '--as', 'editor@station.example', '--report', reportPath]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^3\s+kind\s+invalid\s+kind: Invalid option/m);
    expect(refused.stderr).toContain('areas: 1 of 2 rows invalid; nothing imported');
    expect(refused.stderr).toMatch(/^No server is running: opened the embedded database in .* directly\.$/m);
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { imported: boolean; issues: { row: number; column: string; code: string }[] };
    expect(report.imported).toBe(false);
    expect(report.issues.map(({ row, column, code }) => [row, column, code])).toEqual([[3, 'kind', 'invalid']]);
    expect(await counts()).toEqual({ areas: [], audit: [] });

    expect((await run('import-csv', ['areas', bad])).code).toBe(2);
    const mediator = await run('import-csv', ['areas', bad, '--as', 'mediator@station.example']);
    expect(mediator.code).toBe(2);
    expect(mediator.stderr).toContain('--as mediator@station.example: Your role or key scopes do not allow this field.');

    const partial = await run('import-csv', ['areas', bad, '--as', 'editor@station.example', '--valid-only']);
    expect(partial.code).toBe(0);
    expect(partial.stderr).toMatch(/^3\s+kind\s+invalid/m);
    expect(partial.stdout).toBe('areas: 1 created, 0 updated, 0 unchanged; 1 of 2 rows invalid, skipped.\n');
    expect(await counts()).toEqual({
      areas: [{ nameZh: '城东社区' }],
      audit: [{ action: 'area.create', staffUser: { email: 'editor@station.example' } }],
    });
   }, 240_000);

  it('export-csv writes what import-csv reads back unchanged', async () => {
    const exported = await run('export-csv', ['areas', '--station', 'test-town']);
    expect(exported.code).toBe(0);
    expect(exported.stdout).toBe(`\uFEFF${HEADER}\r\ntest-town,城东社区,East community,COMMUNITY,1200,3400,6\r\n`);
    const again = await run('import-csv', ['areas', file('export.csv', exported.stdout), '--as', 'editor@station.example']);
    expect(again.stderr).toMatch(/^No server is running: opened the embedded database in .* directly\.\n$/);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('areas: 0 created, 0 updated, 1 unchanged.\n');
    expect((await counts()).audit).toHaveLength(1);
   }, 240_000);
});
