import type { Api, ApiOptions } from '@openstation/api/yoga';
import { createApi } from '@openstation/api/yoga';
import { afterAll, beforeAll } from 'vitest';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApi {
  readonly db: TestDatabase;
  readonly api: Api;
}

/**
 * Registers hooks that give the test file its own seeded database and an API over it
 * (with `options`, e.g. a survey limit); read `db` and `api` inside tests (they exist once
 * `beforeAll` has run).
 */
export function useTestApi(options: Omit<ApiOptions, 'prisma'> = {}): TestApi {
  let db: TestDatabase | undefined;
  let api: Api | undefined;
  beforeAll(async () => {
    db = await openTestDatabase();
    api = createApi({ ...options, prisma: db.prisma });
  });
  afterAll(() => db?.close());
  return {
    get db() {
      if (!db) throw new Error('useTestApi: the database is not open yet (use it inside a test).');
      return db;
    },
    get api() {
      if (!api) throw new Error('useTestApi: the API is not ready yet (use it inside a test).');
      return api;
    },
  };
}
