export { type Database, type OpenOptions, openDatabase } from './database.ts';
export { checkPgliteDir, dumpPglite, restorePglite, type RestoreResult, type RowCounts } from './backup.ts';
export { DatabaseUnavailableError } from './errors.ts';
export { isProcessAlive } from './pglite-lock.ts';
export { type DatabaseTarget, DEFAULT_PGLITE_DIR, parseDatabaseUrl, redact } from './url.ts';
export { Prisma, PrismaClient } from './generated/prisma/client.ts';
export * from './generated/prisma/enums.ts';
export { DEFAULT_QUESTIONNAIRE, type QuestionTemplate } from './survey/questionnaire.ts';
export { pendingMigrations, pingDatabase } from './status.ts';
