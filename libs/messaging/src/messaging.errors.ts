/** Stable error codes of the messaging lib. */
export const MESSAGING_ERRORS = {
  payloadInvalid: 'MESSAGING_PAYLOAD_INVALID',
  envelopeInvalid: 'MESSAGING_ENVELOPE_INVALID',
  deliveryExhausted: 'MESSAGING_DELIVERY_EXHAUSTED',
  deadLetterNotFound: 'MESSAGING_DEAD_LETTER_NOT_FOUND',
  deadLetterAlreadyReplayed: 'MESSAGING_DEAD_LETTER_ALREADY_REPLAYED',
  deadLetterOtherConsumer: 'MESSAGING_DEAD_LETTER_OTHER_CONSUMER',
  deadLetterUnprocessable: 'MESSAGING_DEAD_LETTER_UNPROCESSABLE',
  transportClosed: 'MESSAGING_TRANSPORT_CLOSED',
  publishAborted: 'MESSAGING_PUBLISH_ABORTED',
} as const;
