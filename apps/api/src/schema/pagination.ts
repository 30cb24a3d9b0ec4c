import { InputError } from '../errors.ts';
import { MAX_PAGE_SIZE } from '../relay-contract.ts';


interface PageArgs {
  first?: number | null;
  last?: number | null;
}

function checkedPageSize(args: PageArgs): number {
  const size = args.first ?? args.last;
  if (size === null || size === undefined) {
    throw new InputError('Give `first` or `last` (1 to 100) to say how many items you want.', {
      argument: 'first',
    });
  }
  if (size > MAX_PAGE_SIZE) {
    throw new InputError(`At most ${MAX_PAGE_SIZE} items can be requested in one page; got ${size}.`, {
      argument: args.first != null ? 'first' : 'last',
      max: MAX_PAGE_SIZE,
    });
  }
  return size;
}

/** Page-size options shared by every connection: `first` or `last` required, at most 100. */
export const pageSize = {
  maxSize: MAX_PAGE_SIZE,
  defaultSize: (args: PageArgs) => checkedPageSize(args),
} as const;
