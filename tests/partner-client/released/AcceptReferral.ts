import { graphql } from '../graphql-tag.ts';

/** Task 9: the receiving agency takes a referral on. */
export const AcceptReferral = graphql`
  mutation AcceptReferralMutation($id: ID!) {
    acceptReferral(id: $id) { id status updatedAt }
  }
`;
