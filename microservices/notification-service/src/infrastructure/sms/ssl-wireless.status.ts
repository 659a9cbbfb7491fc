/**
 * SSL Wireless ISMS Plus v3 status codes (from the V3 specification as the community clients
 * ship it; see /work/shared/gateways/sms.md) and what each means for the message.
 * `retry`: worth sending again later (rate limits, the gateway's own faults, and account or
 * whitelist set-up that operations can fix while the message is still retried).
 */
export const SSL_STATUS: Readonly<
  Record<number, { meaning: string; verdict: 'sent' | 'retry' | 'refused' }>
> = {
  200: { meaning: 'accepted', verdict: 'sent' },
  4001: { meaning: 'unauthorized (API token)', verdict: 'retry' },
  4002: { meaning: 'SID not permitted', verdict: 'retry' },
  4003: { meaning: 'IP blacklisted', verdict: 'retry' },
  4004: { meaning: 'endpoint not found', verdict: 'retry' },
  4005: { meaning: 'invalid request format', verdict: 'refused' },
  4020: { meaning: 'invalid CSMS id', verdict: 'refused' },
  4022: { meaning: 'required parameter missing', verdict: 'refused' },
  // The same csms_id was accepted before: a retry after a lost reply. Already sent.
  4023: { meaning: 'duplicate CSMS id', verdict: 'sent' },
  4025: { meaning: 'invalid cell number', verdict: 'refused' },
  4026: { meaning: 'blocked cell number', verdict: 'refused' },
  4027: { meaning: 'message length exceeded', verdict: 'refused' },
  4028: { meaning: 'invalid message data', verdict: 'refused' },
  4029: { meaning: 'too many requests', verdict: 'retry' },
  4030: { meaning: 'limit exceeded', verdict: 'retry' },
  4031: { meaning: 'TPS exceeded', verdict: 'retry' },
  5000: { meaning: 'unknown error', verdict: 'retry' },
};

/** The verdict of a status code; codes not in the specification are retried. */
export function sslVerdict(statusCode: number): { meaning: string; verdict: 'sent' | 'retry' | 'refused' } {
  return SSL_STATUS[statusCode] ?? { meaning: `unknown status ${statusCode}`, verdict: 'retry' };
}
