/** What a provider made of one send. */
export type SendResult =
  | { outcome: 'sent'; provider: string; providerMessageId: string | null }
  | {
      /** `retryable_error`: try again later; `permanent_error`: it will never go through. */
      outcome: 'retryable_error' | 'permanent_error';
      provider: string;
      errorCode: string;
      error: string;
      /** Push only: the subscription no longer exists and should be forgotten. */
      gone?: boolean;
    };

export function sent(provider: string, providerMessageId: string | null): SendResult {
  return { outcome: 'sent', provider, providerMessageId };
}

export function retryable(provider: string, errorCode: string, error: string): SendResult {
  return { outcome: 'retryable_error', provider, errorCode, error: error.slice(0, 1000) };
}

export function permanent(provider: string, errorCode: string, error: string): SendResult {
  return { outcome: 'permanent_error', provider, errorCode, error: error.slice(0, 1000) };
}
