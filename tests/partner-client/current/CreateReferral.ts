import { graphql } from '../graphql-tag.ts';

/** Task 11: a partner key refers a dispute to the police (no partnerId: the key's own agency). */
export const CreateReferral = graphql`
  mutation CreateReferralMutation($station: ID!, $summary: String!, $on: Date!) {
    createReferral(input: { stationId: $station, summary: { zh: $summary }, createdOn: $on }) {
      id
      direction
      status
      partner { id slug }
    }
  }
`;
