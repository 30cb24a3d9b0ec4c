/** The most items one page of any connection may hold. */
export const MAX_PAGE_SIZE = 100;

const pageRule = `Give \`first\` or \`last\` (1 to ${MAX_PAGE_SIZE}), not both absent: a connection without either answers BAD_USER_INPUT.`;

/**
 * What every connection's arguments and the Relay types say about themselves: the page-size
 * rule is enforced at run time (`schema/pagination.ts`) because GraphQL cannot require one of
 * two arguments without breaking existing operations, so each argument states it.
 */
export const relayContract = {
  firstArgOptions: { description: `How many items from the start (after \`after\`). ${pageRule}` },
  lastArgOptions: { description: `How many items from the end (before \`before\`). ${pageRule}` },
  afterArgOptions: { description: 'A cursor (`pageInfo.endCursor` or an edge\'s `cursor`): items after it.' },
  beforeArgOptions: { description: 'A cursor (`pageInfo.startCursor` or an edge\'s `cursor`): items before it.' },
  nodeTypeOptions: {
    description: 'A record with a global id (Relay): refetch it with `node(id:)` or `nodes(ids:)`.',
  },
  pageInfoTypeOptions: {
    description: 'Where a page sits in its list (Relay): follow `endCursor` while `hasNextPage` is true.',
  },
  defaultConnectionTypeOptions: {
    description: 'One page of a list (Relay cursor connection): `edges` hold the items, `pageInfo` the way on.',
  },
  defaultEdgeTypeOptions: {
    description: 'One item of a page and its cursor.',
  },
} as const;
