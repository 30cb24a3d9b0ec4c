import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  announcedBreakingChanges,
  checkSchemaPolicy,
  classifySchemaChanges,
  formatSchemaPolicyReport,
  releaseChangelog,
} from '@openstation/api/schema-policy';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => readFileSync(new URL(`../../apps/api/${file}`, import.meta.url), 'utf8');

const released = `
type Query {
  stations: [Station!]!
}

type Station {
  name: String!
  status: Status!
  title: String @deprecated(reason: "Use name.")
}

enum Status {
  CLOSED
  OPEN
}
`;

const withoutTitle = released.replace('  title: String @deprecated(reason: "Use name.")\n', '');

const changelog = (breaking: string) => `# Changelog

\`\`\`markdown
## Unreleased

### Breaking

- \`Station.title\`: an example only.
\`\`\`

## Unreleased

### Breaking

${breaking}

### Added

- \`Station.title\` is mentioned here too, which does not count.

## 1.0.0 — 2026-11-22

### Breaking

- \`Station.title\`: announced in an older release, which does not count.
`;

describe('schema change policy', () => {
  it('passes on the committed schema, released snapshot and changelog (pnpm schema:check)', async () => {
    const result = await checkSchemaPolicy({
      releasedSdl: read('schema.released.graphql'),
      currentSdl: read('schema.graphql'),
      changelog: read('CHANGELOG.md'),
    });
    expect(result.unannounced).toEqual([]);
    expect(result.ok).toBe(true);

    const script = spawnSync(process.execPath, ['apps/api/scripts/schema-check.ts'], { cwd: root, encoding: 'utf8' });
    expect(script.stderr).toBe('');
    expect(script.status).toBe(0);
  });

  it('classifies a field removal as breaking and fails unless the changelog names it', async () => {
    const changes = await classifySchemaChanges(released, withoutTitle);
    expect(changes).toMatchObject([{ class: 'breaking', coordinate: 'Station.title', type: 'FIELD_REMOVED' }]);

    const failing = await checkSchemaPolicy({ releasedSdl: released, currentSdl: withoutTitle, changelog: changelog('- `Station.name`: unrelated.') });
    expect(failing.ok).toBe(false);
    expect(failing.unannounced.map((change) => change.coordinate)).toEqual(['Station.title']);
    const report = formatSchemaPolicyReport(failing);
    expect(report).toMatch(/^breaking\s+Station\.title\s.*not in CHANGELOG\.md$/m);
    expect(report).toContain('- `Station.title`:');

    const passing = await checkSchemaPolicy({ releasedSdl: released, currentSdl: withoutTitle, changelog: changelog('- `Station.title`: removed; use `Station.name`.') });
    expect(passing.ok).toBe(true);
    expect(passing.changes.map((change) => change.class)).toEqual(['breaking']);
  });

  it('reports an added enum value as dangerous and passes', async () => {
    const result = await checkSchemaPolicy({ releasedSdl: released, currentSdl: released.replace('  OPEN\n', '  OPEN\n  SUSPENDED\n'), changelog: changelog('') });
    expect(result.changes).toMatchObject([{ class: 'dangerous', coordinate: 'Status.SUSPENDED', type: 'ENUM_VALUE_ADDED' }]);
    expect(result.ok).toBe(true);
    expect(formatSchemaPolicyReport(result)).toMatch(/^dangerous\s+Status\.SUSPENDED\s/m);
  });

  it('treats an added field as safe', async () => {
    const result = await checkSchemaPolicy({ releasedSdl: released, currentSdl: released.replace('  name: String!\n', '  address: String\n  name: String!\n'), changelog: '' });
    expect(result.changes).toMatchObject([{ class: 'safe', coordinate: 'Station.address', type: 'FIELD_ADDED' }]);
    expect(result.ok).toBe(true);
  });

  it('reads breaking coordinates only under "### Breaking" in "## Unreleased", argument coordinates in either form', () => {
    expect([...announcedBreakingChanges(changelog('- `Query.stations(first:)` and `Station.name` changed.'))]).toEqual(['Query.stations.first', 'Station.name']);
    expect(announcedBreakingChanges('# Changelog\n\n## 1.0.0\n\n### Breaking\n\n- `Station.title`\n').size).toBe(0);
  });

  it('releases: moves the Unreleased entries under the version heading, leaving an empty Unreleased', () => {
    const text = changelog('- `Station.title`: removed.');
    const next = releaseChangelog(text, '2.0.0', '2026-12-01');
    expect(next).toContain('## Unreleased\n\n## 2.0.0 — 2026-12-01\n\n### Breaking\n\n- `Station.title`: removed.');
    expect(next).toContain('```markdown\n## Unreleased\n\n### Breaking\n\n- `Station.title`: an example only.');
    expect(announcedBreakingChanges(next).size).toBe(0);
    expect(() => releaseChangelog(next, '2.0.0', '2026-12-02')).toThrow(/already has a 2\.0\.0 section/);
    expect(() => releaseChangelog(text, 'v2', '2026-12-01')).toThrow(/Version must look like/);
  });
});
