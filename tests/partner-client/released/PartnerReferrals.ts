import { graphql } from '../graphql-tag.ts';

/** Task 8: a partner agency's open referrals, most recently updated first. */
export const PartnerReferrals = graphql`
  query PartnerReferralsQuery($status: ReferralStatus, $after: String) {
    referrals(first: 50, status: $status, after: $after) {
      edges { node { id direction status summary { zh en } createdOn partnerNote policeNote resolvedOn updatedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
