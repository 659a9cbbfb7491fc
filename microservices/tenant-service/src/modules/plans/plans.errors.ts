/** Stable error codes of the plans feature. */
export const PLAN_ERRORS = {
  notFound: 'PLAN_NOT_FOUND',
  codeTaken: 'PLAN_CODE_TAKEN',
  inUse: 'PLAN_IN_USE',
} as const;
