/** Stable error codes of the categories feature. */
export const CATEGORY_ERRORS = {
  notFound: 'CATEGORY_NOT_FOUND',
  parentNotFound: 'CATEGORY_PARENT_NOT_FOUND',
  slugTaken: 'CATEGORY_SLUG_TAKEN',
  moveCycle: 'CATEGORY_MOVE_CYCLE',
  tooDeep: 'CATEGORY_TOO_DEEP',
  notEmpty: 'CATEGORY_NOT_EMPTY',
  attributeTaken: 'CATEGORY_ATTRIBUTE_TAKEN',
  attributeNotFound: 'CATEGORY_ATTRIBUTE_NOT_FOUND',
} as const;
