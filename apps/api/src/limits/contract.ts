import { positiveInt } from './env.ts';

/**
 * The largest request body accepted, in bytes: 2 MiB, above the largest `enterSurveyResponses`
 * batch (500 default-questionnaire responses, every remark at its 1,000-character maximum,
 * about 1.8 MB; measured in apps/api/test/request-size.test.ts).
 */
export const DEFAULT_MAX_REQUEST_BODY_BYTES = 2 * 1024 * 1024;

/** What callers may send: `MAX_REQUEST_BODY_BYTES`, `REQUIRE_TRUSTED_OPERATIONS` (`0` turns it off). */
export interface RequestContract {
  maxRequestBodyBytes: number;
  requireTrustedOperations: boolean;
}

export function requestContractFromEnv(env: NodeJS.ProcessEnv = process.env): RequestContract {
  const require = env.REQUIRE_TRUSTED_OPERATIONS || '1';
  if (require !== '0' && require !== '1') throw new Error(`REQUIRE_TRUSTED_OPERATIONS must be 0 or 1, not "${require}".`);
  return {
    maxRequestBodyBytes: positiveInt(env, 'MAX_REQUEST_BODY_BYTES', DEFAULT_MAX_REQUEST_BODY_BYTES),
    requireTrustedOperations: require === '1',
  };
}
