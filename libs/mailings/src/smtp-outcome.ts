/** What an SMTP refusal means for the address: try again later, or never again. */
export type SmtpOutcome = { kind: 'temporary'; reason: string } | { kind: 'permanent'; reason: string };

/**
 * Reads a nodemailer error: a 5xx reply to the recipient or the message is permanent (the address is
 * bounced and suppressed); 4xx replies, timeouts and connection failures are temporary (retried with
 * backoff). A 5xx to the connection itself (auth, our sender refused) says nothing about the recipient, so
 * it is temporary too: suppressing 34,000 addresses for a misconfigured relay would be a disaster.
 */
export function smtpOutcome(error: unknown): SmtpOutcome {
  const details = error as { responseCode?: number; response?: string; command?: string; code?: string; message?: string };
  const reason = (details.response ?? details.message ?? 'unknown error').slice(0, 300);
  const code = details.responseCode;
  const aboutRecipient =
    details.command === undefined || /^(RCPT|DATA)/i.test(details.command) || details.code === 'EENVELOPE' || details.code === 'EMESSAGE';
  if (code !== undefined && code >= 500 && code < 600 && aboutRecipient && details.code !== 'EAUTH') {
    return { kind: 'permanent', reason };
  }
  return { kind: 'temporary', reason };
}
