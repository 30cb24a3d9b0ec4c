import { createHash } from 'node:crypto';
import { ClientError } from '../errors.ts';
import { type LoginFailures, type LoginThrottleStore, memoryLoginStore, redisLoginStore } from './login-throttle-store.ts';

/**
 * How failed logins slow guessing down. After `free` failures, each attempt waits twice as
 * long as the one before (1 s, 2 s, 4 s, …) up to `maxDelaySeconds`: a temporary lock that
 * never keeps the rightful owner out for longer. Counts are forgotten an hour after the
 * last failure; a successful login clears its account's count.
 */
export const LOGIN_THROTTLE = {
  /** Per account (the email typed, whether or not an account has it). */
  account: { free: 5, maxDelaySeconds: 15 * 60 },
  /** Per client address (an office behind one address has several staff). */
  address: { free: 20, maxDelaySeconds: 15 * 60 },
  forgetAfterMs: 60 * 60 * 1000,
} as const;

type Scope = keyof Pick<typeof LOGIN_THROTTLE, 'account' | 'address'>;

/** Seconds to wait after `failures` failures (0 while they are free). */
export function loginDelaySeconds(failures: number, scope: Scope): number {
  const { free, maxDelaySeconds } = LOGIN_THROTTLE[scope];
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free), maxDelaySeconds);
}

/** What a login attempt reports to its gate. */
export interface LoginGate {
  /** Refuses with LOGIN_THROTTLED (HTTP 429, `retryAfter`) while the account or the address must wait. */
  check(email: string): Promise<void>;
  /** Counts a failure; answers the account's delay when it has just started or reached the lock (to audit). */
  failed(email: string): Promise<{ failures: number; delaySeconds: number; locked: boolean } | null>;
  succeeded(email: string): Promise<void>;
}

/** The throttle of one API process: a store and a clock. */
export interface LoginThrottle {
  /** Take the client's address from the first `X-Forwarded-For` entry (`TRUST_PROXY=1`). */
  readonly trustProxy: boolean;
  gate(address: string): LoginGate;
  close(): Promise<void>;
}

const hashed = (scope: Scope, value: string) => `${scope}:${createHash('sha256').update(value).digest('hex')}`;
const accountKey = (email: string) => hashed('account', email.trim().toLowerCase());

function waitSeconds(state: LoginFailures | null, scope: Scope, now: number): number {
  if (!state) return 0;
  const until = state.lastFailureAt + loginDelaySeconds(state.failures, scope) * 1000;
  return Math.max(0, Math.ceil((until - now) / 1000));
}

export interface LoginThrottleOptions {
  trustProxy?: boolean;
  now?: () => number;
}

/** A login throttle over `store` (keys are sha256 of the email or address: no address is kept). */
export function createLoginThrottle(store: LoginThrottleStore, { trustProxy = false, now = Date.now }: LoginThrottleOptions = {}): LoginThrottle {
  return {
    trustProxy,
    gate(address) {
      // Every request gets a gate, few use it: hash the address only then.
      let hashedAddress: string | undefined;
      const addressKey = () => (hashedAddress ??= hashed('address', address));
      return {
        async check(email) {
          const t = now();
          const [account, client] = await Promise.all([store.read(accountKey(email)), store.read(addressKey())]);
          const waits: [Scope, number][] = [
            ['account', waitSeconds(account, 'account', t)],
            ['address', waitSeconds(client, 'address', t)],
          ];
          const [scope, retryAfter] = waits.reduce((a, b) => (b[1] > a[1] ? b : a));
          if (retryAfter === 0) return;
          throw new ClientError('LOGIN_THROTTLED', `Too many failed logins (${scope === 'account' ? 'for this account' : 'from this connection'}): try again in ${retryAfter} s.`, {
            scope,
            retryAfter,
            http: { status: 429, headers: { 'Retry-After': String(retryAfter) } },
          });
        },
        async failed(email) {
          const t = now();
          const [account] = await Promise.all([store.fail(accountKey(email), t, LOGIN_THROTTLE.forgetAfterMs), store.fail(addressKey(), t, LOGIN_THROTTLE.forgetAfterMs)]);
          const delaySeconds = loginDelaySeconds(account.failures, 'account');
          const starts = account.failures === LOGIN_THROTTLE.account.free;
          const locked = delaySeconds === LOGIN_THROTTLE.account.maxDelaySeconds && loginDelaySeconds(account.failures - 1, 'account') < delaySeconds;
          return starts || locked ? { failures: account.failures, delaySeconds, locked } : null;
        },
        async succeeded(email) {
          await store.clear(accountKey(email));
        },
      };
    },
    close: () => store.close(),
  };
}

/** From the environment: failures counted in Redis when `REDIS_URL` is set (shared by replicas), else in memory. */
export function loginThrottleFromEnv(env: NodeJS.ProcessEnv = process.env): LoginThrottle {
  return createLoginThrottle(env.REDIS_URL ? redisLoginStore(env.REDIS_URL) : memoryLoginStore(), { trustProxy: env.TRUST_PROXY === '1' });
}
