import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { GraphQLScalarType } from 'graphql';
import { builder } from '../builder.ts';
import { InputError } from '../errors.ts';

/** The years a date or time may fall in: what a station records, and what PostgreSQL and JavaScript dates agree on. */
export const YEAR_RANGE = { min: 1900, max: 2100 } as const;

function inYearRange(date: Date, scalar: string): Date {
  const year = date.getUTCFullYear();
  if (!(year >= YEAR_RANGE.min && year <= YEAR_RANGE.max)) {
    throw new InputError(`must be a ${scalar} in the years ${YEAR_RANGE.min}–${YEAR_RANGE.max}`, { min: YEAR_RANGE.min, max: YEAR_RANGE.max });
  }
  return date;
}

/** `resolver` (graphql-scalars) refusing dates outside {@link YEAR_RANGE}, with BAD_USER_INPUT, as variables and as literals. */
function withYearRange(resolver: GraphQLScalarType<Date, unknown>): GraphQLScalarType<Date, unknown> {
  const config = resolver.toConfig();
  const checked = <A extends unknown[]>(parse: ((...args: A) => Date | null | undefined) | undefined) =>
    parse &&
    ((...args: A): Date => {
      const date = parse(...args);
      if (!(date instanceof Date)) throw new InputError(`Not a valid ${config.name}.`);
      return inYearRange(date, config.name);
    });
  return new GraphQLScalarType<Date, unknown>({
    ...config,
    parseValue: checked(config.parseValue),
    coerceInputValue: checked(config.coerceInputValue),
    parseLiteral: checked(config.parseLiteral),
    coerceInputLiteral: checked(config.coerceInputLiteral),
  });
}

/** `2026-12-03`: what graphql-scalars' Date answers (`toISOString().split('T')[0]`), from the date's UTC fields. */
function isoDay(date: Date): string {
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${date.getUTCFullYear()}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * `resolver` writing a Date value as {@link isoDay} does: `toISOString` was the costliest step of
 * answering an officer directory of 20 (`lastVerifiedOn`). Other values, and dates outside
 * four-digit years, go through graphql-scalars as before (its checks and errors).
 */
function withFastDaySerialize(resolver: GraphQLScalarType<Date, unknown>): GraphQLScalarType<Date, unknown> {
  const config = resolver.toConfig();
  const serialize = config.serialize;
  return new GraphQLScalarType<Date, unknown>({
    ...config,
    serialize: (value) => {
      if (value instanceof Date) {
        const year = value.getUTCFullYear();
        if (year >= 1000 && year <= 9999) return isoDay(value);
      }
      return serialize(value);
    },
  });
}

builder.addScalarType('Date', withFastDaySerialize(withYearRange(DateResolver as GraphQLScalarType<Date, unknown>)));
builder.addScalarType('DateTime', withYearRange(DateTimeResolver as GraphQLScalarType<Date, unknown>));
