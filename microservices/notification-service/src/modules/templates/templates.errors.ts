/** Stable error codes of the templates feature. */
export const TEMPLATE_ERRORS = {
  notFound: 'NOTIFICATION_TEMPLATE_NOT_FOUND',
  invalid: 'NOTIFICATION_TEMPLATE_INVALID',
  renderFailed: 'NOTIFICATION_TEMPLATE_RENDER_FAILED',
} as const;
