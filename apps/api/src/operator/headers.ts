/** The operator token from the server's state file (operator channel). */
export const OPERATOR_HEADER = 'x-openstation-operator';
/** With the operator token: the email of the staff member to act as (their role and stations apply). */
export const ACT_AS_HEADER = 'x-openstation-act-as';
