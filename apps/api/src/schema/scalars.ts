import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { builder } from '../builder.ts';

builder.addScalarType('Date', DateResolver);
builder.addScalarType('DateTime', DateTimeResolver);
