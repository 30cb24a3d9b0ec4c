import { z } from 'zod';

/**
 * The rules content fields follow, shared by the GraphQL inputs (`schema/inputs.ts` and the
 * mutation files) and the CSV import (`csv/`), so that both accept exactly the same values.
 */

/** Text of one line (names, titles): trimmed, 1 to 200 characters. */
export const line = z.string().trim().min(1, 'must not be empty').max(200, 'is at most 200 characters');
/** Longer text (descriptions, conditions): 1 to 10,000 characters. */
export const prose = z.string().trim().min(1, 'must not be empty').max(10_000, 'is at most 10,000 characters');
/** A list of one-line texts (materials, steps): at most 50. */
export const lineList = z.array(line).max(50, 'has at most 50 items');
/** A URL name: lower-case letters, digits and hyphens. */
export const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and hyphens').max(80);
/** A phone number as printed: digits, spaces, +, -, parentheses. */
export const phone = z.string().regex(/^[0-9+()\- ]{3,30}$/, 'digits, spaces and + - ( ) only');
export const count = z.number().int().min(0, 'must not be negative');
export const year = z.number().int().min(1900).max(2100);
/** An officer's badge number. */
export const badgeNumber = z.string().regex(/^[A-Za-z0-9-]{1,20}$/, 'letters, digits and hyphens');
/** A link to a page or a photo. */
export const webUrl = z.url().max(500);
/** A service's promised time limit in days. */
export const timeLimitDays = z.number().int().min(0).max(365);
