import fc from 'fast-check';
import { type GraphQLScalarType, isScalarType } from 'graphql';
import { DateResolver } from 'graphql-scalars';
import { describe, expect, it } from 'vitest';
import { schema } from '../src/schema/index.ts';

const dateScalar = schema.getType('Date') as GraphQLScalarType;

/** The message `write` throws with, or null. */
function refusal(write: () => unknown): string | null {
  try {
    write();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the Date scalar', () => {
  it('writes every date as graphql-scalars does (its own serializer is replaced by a faster one)', () => {
    expect(isScalarType(dateScalar)).toBe(true);
    fc.assert(
      fc.property(fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('+020000-01-01T00:00:00Z'), noInvalidDate: true }), (date) => {
        expect(dateScalar.serialize(date)).toBe(DateResolver.serialize(date));
      }),
      { numRuns: 2_000, seed: 20261203 },
    );
    for (const value of ['2026-12-03', '2024-02-29']) expect(dateScalar.serialize(value)).toBe(DateResolver.serialize(value));
  });

  it('refuses what graphql-scalars refuses, with its message', () => {
    for (const value of [new Date(Number.NaN), 'not a date', {}]) {
      const message = refusal(() => DateResolver.serialize(value));
      expect(message).not.toBeNull();
      expect(refusal(() => dateScalar.serialize(value))).toBe(message);
    }
  });
});
