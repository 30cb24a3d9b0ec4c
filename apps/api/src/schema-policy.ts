import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** How a schema change affects existing clients. */
export type ChangeClass = 'breaking' | 'dangerous' | 'safe';

/** One difference between the released schema and the current one. */
export interface SchemaChange {
  class: ChangeClass;
  /** Schema coordinate as graphql-inspector names it: `Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`. */
  coordinate: string;
  /** graphql-inspector's change type, e.g. `FIELD_REMOVED`. */
  type: string;
  message: string;
  /** Why a breaking or dangerous change is one. */
  reason?: string;
}

/** The outcome of checking the current schema against the released one. */
export interface SchemaPolicyResult {
  changes: SchemaChange[];
  /** Breaking changes whose coordinate is not under `### Breaking` in the changelog's `## Unreleased` section. */
  unannounced: SchemaChange[];
  ok: boolean;
}

const classes: Record<CriticalityLevel, ChangeClass> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

const classOrder: ChangeClass[] = ['breaking', 'dangerous', 'safe'];

function toSchemaChange(change: Change): SchemaChange {
  return {
    class: classes[change.criticality.level],
    coordinate: change.path ?? '',
    type: String(change.type),
    message: change.message,
    ...(change.criticality.reason ? { reason: change.criticality.reason } : {}),
  };
}

/** Classifies every change from `releasedSdl` to `currentSdl` with graphql-inspector's `diff`, breaking first. */
export async function classifySchemaChanges(releasedSdl: string, currentSdl: string): Promise<SchemaChange[]> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  return changes
    .map(toSchemaChange)
    .sort((a, b) => classOrder.indexOf(a.class) - classOrder.indexOf(b.class) || a.coordinate.localeCompare(b.coordinate));
}

/** Spec-style argument coordinates (`Query.stations(first:)`) are written the way graphql-inspector names them (`Query.stations.first`). */
function normalizeCoordinate(coordinate: string): string {
  return coordinate.replace(/\((\w+):\)$/, '.$1');
}

/** The changelog's lines with those inside fenced code blocks blanked, so examples are not read as entries. */
function outsideCodeBlocks(changelog: string): string[] {
  let fenced = false;
  return changelog.split(/\r?\n/).map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line;
  });
}

const unreleasedHeading = /^## Unreleased\s*$/i;

function section(lines: string[], start: number, level: '##' | '###'): string[] {
  const end = lines.findIndex((line, index) => index > start && (line.startsWith('# ') || line.startsWith('## ') || (level === '###' && line.startsWith('### '))));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/**
 * The schema coordinates announced as breaking in a changelog: every `code span` on the lines
 * under `### Breaking` inside `## Unreleased` (fenced code blocks are ignored).
 */
export function announcedBreakingChanges(changelog: string): Set<string> {
  const lines = outsideCodeBlocks(changelog);
  const unreleased = lines.findIndex((line) => unreleasedHeading.test(line));
  if (unreleased === -1) return new Set();
  const unreleasedLines = section(lines, unreleased, '##');
  const breaking = unreleasedLines.findIndex((line) => /^### Breaking\s*$/i.test(line));
  if (breaking === -1) return new Set();
  const coordinates = section(unreleasedLines, breaking, '###')
    .flatMap((line) => [...line.matchAll(/`([^`]+)`/g)].map((match) => normalizeCoordinate(match[1] ?? '')));
  return new Set(coordinates);
}

/** Compares the released and current schema and fails on a breaking change the changelog does not announce. */
export async function checkSchemaPolicy(input: { releasedSdl: string; currentSdl: string; changelog: string }): Promise<SchemaPolicyResult> {
  const changes = await classifySchemaChanges(input.releasedSdl, input.currentSdl);
  const announced = announcedBreakingChanges(input.changelog);
  const unannounced = changes.filter((change) => change.class === 'breaking' && !announced.has(change.coordinate));
  return { changes, unannounced, ok: unannounced.length === 0 };
}

/** The report `pnpm schema:check` prints: one line per change, then the verdict. */
export function formatSchemaPolicyReport(result: SchemaPolicyResult): string {
  const lines = result.changes.map((change) => {
    const missing = result.unannounced.includes(change) ? '  ← not in CHANGELOG.md' : '';
    return `${change.class.padEnd(9)} ${change.coordinate}  ${change.message}${missing}`;
  });
  const counts = classOrder.map((name) => `${result.changes.filter((change) => change.class === name).length} ${name}`).join(', ');
  lines.push(result.changes.length === 0 ? 'No changes since the released schema.' : `${counts}.`);
  if (!result.ok) {
    lines.push(
      `${result.unannounced.length} breaking change(s) not announced: add each coordinate under "### Breaking" in "## Unreleased" of apps/api/CHANGELOG.md, e.g.`,
      ...result.unannounced.map((change) => `- \`${change.coordinate}\`: ${change.message}.`),
    );
  }
  return lines.join('\n');
}

/** Moves the changelog's `## Unreleased` entries under a new `## <version> — <date>` heading and leaves an empty `## Unreleased`. */
export function releaseChangelog(changelog: string, version: string, date: string): string {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`Version must look like 1.2.3, not "${version}".`);
  const visible = outsideCodeBlocks(changelog);
  if (visible.some((line) => line.startsWith(`## ${version} `) || line === `## ${version}`)) throw new Error(`CHANGELOG.md already has a ${version} section.`);
  const heading = visible.findIndex((line) => unreleasedHeading.test(line));
  if (heading === -1) throw new Error('CHANGELOG.md has no "## Unreleased" heading.');
  const lines = changelog.split(/\r?\n/);
  lines.splice(heading, 1, '## Unreleased', '', `## ${version} — ${date}`);
  return lines.join('\n');
}
