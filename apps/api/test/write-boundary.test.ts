import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
const SCRIPTS = fileURLToPath(new URL('../scripts', import.meta.url));

/** Prisma calls that write, transactions and raw statements: only the domain layer may make them. */
const WRITES = /\b(tx|t|db|prisma)\s*\.\s*[a-z]\w*\s*\.\s*(create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany)\s*\(|\$transaction\s*\(|\$executeRaw/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the write boundary', () => {
  it('no code outside apps/api/src/domain/ writes rows, opens transactions or writes audit entries', () => {
    const offenders = [...sourceFiles(SRC), ...sourceFiles(SCRIPTS)]
      .filter((file) => !relative(SRC, file).startsWith('domain/'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, index) => (WRITES.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [`${relative(join(SRC, '..'), file)}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
