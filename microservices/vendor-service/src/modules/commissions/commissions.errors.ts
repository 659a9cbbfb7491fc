/** Stable error codes of commission rules. Never rename one. */
export const COMMISSION_ERRORS = {
  ruleNotFound: 'COMMISSION_RULE_NOT_FOUND',
  noRule: 'COMMISSION_NO_RULE',
  alreadyEnded: 'COMMISSION_RULE_ENDED',
} as const;
