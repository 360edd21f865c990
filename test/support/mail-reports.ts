/**
 * Real-shaped reports about a message we sent, as a relay or a mailbox provider writes them: an RFC 3464
 * delivery status notification and an RFC 5965 feedback report, each with the original's headers.
 */
export interface ReportOptions {
  /** The bounce+ address the original went out with (its Return-Path as the receiving server wrote it). */
  returnPath: string;
  recipient: string;
  messageId?: string;
  reportId?: string;
}

export function deliveryStatusReport(
  options: ReportOptions & { action: 'failed' | 'delayed' | 'delivered'; status: string; diagnostic?: string },
): string {
  const id = options.reportId ?? `<dsn.${Math.random().toString(36).slice(2)}@mx.example.net>`;
  return [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
    `To: ${options.returnPath}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: ${id}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status;',
    '\tboundary="B0UND"',
    '',
    '--B0UND',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.example.net. I am sorry to have to inform you that your message',
    'could not be delivered to one or more recipients.',
    '',
    '--B0UND',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    'X-Postfix-Queue-ID: 4Zx1Y2abcD',
    'Arrival-Date: Thu,  3 Dec 2026 22:00:00 +0000 (UTC)',
    '',
    `Final-Recipient: rfc822; ${options.recipient}`,
    `Original-Recipient: rfc822;${options.recipient}`,
    `Action: ${options.action}`,
    `Status: ${options.status}`,
    'Remote-MTA: dns; mail.example.org',
    `Diagnostic-Code: smtp; ${options.diagnostic ?? `${options.status.startsWith('5') ? '550' : '452'} ${options.status} mailbox`}`,
    '    unavailable',
    '',
    '--B0UND',
    'Content-Type: text/rfc822-headers',
    '',
    `Return-Path: <${options.returnPath}>`,
    'From: Harbour <no-reply@harbour.test>',
    `To: ${options.recipient}`,
    'Subject: News',
    `Message-ID: ${options.messageId ?? '<m.1@harbour.test>'}`,
    '',
    '--B0UND--',
    '',
  ].join('\r\n');
}

export function feedbackReport(options: ReportOptions & { feedbackType?: string }): string {
  return [
    'From: Abuse Desk <fbl@mailbox.example.com>',
    `To: ${options.returnPath}`,
    'Subject: Abuse report',
    `Message-ID: ${options.reportId ?? `<arf.${Math.random().toString(36).slice(2)}@mailbox.example.com>`}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=feedback-report; boundary="part1"',
    '',
    '--part1',
    'Content-Type: text/plain; charset="US-ASCII"',
    '',
    'This is an email abuse report for an email message received from IP 192.0.2.1.',
    '',
    '--part1',
    'Content-Type: message/feedback-report',
    '',
    `Feedback-Type: ${options.feedbackType ?? 'abuse'}`,
    'User-Agent: SomeGenerator/1.0',
    'Version: 1',
    `Original-Mail-From: <${options.returnPath}>`,
    `Original-Rcpt-To: <${options.recipient}>`,
    'Arrival-Date: Thu, 3 Dec 2026 22:00:00 +0000',
    'Source-IP: 192.0.2.1',
    '',
    '--part1',
    'Content-Type: message/rfc822',
    'Content-Disposition: inline',
    '',
    `Return-Path: <${options.returnPath}>`,
    'From: Harbour <no-reply@harbour.test>',
    `To: ${options.recipient}`,
    'Subject: News',
    `Message-ID: ${options.messageId ?? '<m.1@harbour.test>'}`,
    '',
    'The news.',
    '',
    '--part1--',
    '',
  ].join('\r\n');
}
