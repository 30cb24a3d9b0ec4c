import { Prisma } from '@openstation/db';
import { ConflictError } from '../errors.ts';
import { uniqueFields } from './unit-of-work.ts';

/**
 * Awaits one insert or update; a unique violation on a column of `fields` (column → input
 * path, e.g. `{ reference: 'input.reference' }`) becomes CONFLICT naming that input field.
 * Any other error passes through (the unit of work maps the rest).
 */
export async function unique<T>(change: Promise<T>, fields: Record<string, string>): Promise<T> {
  try {
    return await change;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      const field = uniqueFields(error)
        .map((column) => fields[column])
        .find((path) => path !== undefined);
      if (field) throw new ConflictError(`Another record already has this \`${field}\`: choose another.`, { field });
    }
    throw error;
  }
}
