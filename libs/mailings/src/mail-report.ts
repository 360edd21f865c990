import type { ParsedMail } from 'mailparser';

/**
 * What a message sent to a return path says, read from its machine-readable part only (the human text of a
 * report is in any language and any shape):
 * - `hard`: RFC 3464 delivery status, a recipient `failed` with a permanent (5.x.x) status;
 * - `soft`: a recipient `delayed`, or `failed` for now (4.x.x: a full mailbox, a server down for days);
 * - `complaint`: an RFC 5965 feedback report (a member pressed "this is spam");
 * - `other`: anything else (a success notice, a person's reply, an auto-reply): accepted and dropped.
 */
export type MailReport =
  | { kind: 'hard' | 'soft'; status: string; diagnostic: string; embeddedToken: string | null }
  | { kind: 'complaint'; feedbackType: string; embeddedToken: string | null }
  | { kind: 'other' };

/** A report's machine-readable part is a few hundred bytes; more is not a report we need to read whole. */
const MAX_FIELDS_BYTES = 64 * 1024;
/** Where the original's headers are looked for: the report's text and the original's head come first. */
const MAX_RAW_SCAN_BYTES = 256 * 1024;
/** Feedback types that are not complaints: a "this is not spam" and a DMARC authentication failure. */
const NOT_COMPLAINTS = new Set(['not-spam', 'auth-failure']);

export function readMailReport(parsed: Pick<ParsedMail, 'attachments'>, raw: Buffer): MailReport {
  const part = (type: string) => parsed.attachments.find((attachment) => attachment.contentType.toLowerCase() === type);
  const feedback = part('message/feedback-report');
  if (feedback) {
    const [fields] = fieldGroups(feedback.content);
    const feedbackType = (fields?.get('feedback-type') ?? 'abuse').toLowerCase();
    if (NOT_COMPLAINTS.has(feedbackType)) return { kind: 'other' };
    return { kind: 'complaint', feedbackType, embeddedToken: tokenIn(fields?.get('original-mail-from')) ?? embeddedToken(raw) };
  }
  const status = part('message/delivery-status');
  if (!status) return { kind: 'other' };
  // The first group is about the message (Reporting-MTA…), each later one about a recipient.
  const recipients = fieldGroups(status.content).filter((group) => group.has('action') || group.has('final-recipient'));
  const failures = recipients.map(failureOf).filter((failure) => failure !== null);
  const failure = failures.find((f) => f.kind === 'hard') ?? failures[0];
  if (!failure) return { kind: 'other' };
  return { ...failure, embeddedToken: embeddedToken(raw) };
}

function failureOf(group: Map<string, string>): { kind: 'hard' | 'soft'; status: string; diagnostic: string } | null {
  const action = (group.get('action') ?? '').toLowerCase();
  const status = /\b([245])\.\d{1,3}\.\d{1,3}\b/.exec(group.get('status') ?? '')?.[0] ?? '';
  // The Diagnostic-Code is the remote server's words, stored for staff as the bounce reason (bounded).
  const diagnostic = (group.get('diagnostic-code') ?? group.get('status') ?? '').replace(/^smtp;\s*/i, '').slice(0, 300);
  if (action === 'failed') return { kind: status.startsWith('4') ? 'soft' : 'hard', status: status || '5.0.0', diagnostic };
  if (action === 'delayed') return { kind: 'soft', status: status || '4.0.0', diagnostic };
  return null; // delivered, relayed, expanded: good news
}

/**
 * Groups of `Name: value` fields (RFC 3464 §2.1, RFC 5965 §3.1): continuation lines unfolded, groups split on
 * blank lines, names lower-cased, the first of a repeated name kept.
 */
export function fieldGroups(content: Buffer | string): Map<string, string>[] {
  const text = (typeof content === 'string' ? content : content.subarray(0, MAX_FIELDS_BYTES).toString('utf8')).replace(/\r\n?/g, '\n');
  return text
    .split(/\n[ \t]*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.replace(/\n[ \t]+/g, ' ').split('\n')) {
        const match = /^([A-Za-z0-9-]{1,80}):\s*(.*)$/.exec(line);
        if (match?.[1] && !fields.has(match[1].toLowerCase())) fields.set(match[1].toLowerCase(), (match[2] ?? '').trim());
      }
      return fields;
    })
    .filter((fields) => fields.size > 0);
}

/**
 * Our bounce token in the report's copy of the original message (its full text or its headers): the
 * Return-Path a receiving server wrote from our envelope. How a feedback loop's report, sent to one fixed
 * address, or a report sent to a return path that is not the message's, still finds whose mail it was.
 * Read from the raw text after the report's own headers: mailparser folds an `inline` message/rfc822 part
 * into the text and drops its Return-Path (a message part is never base64, so the raw line is there).
 */
function embeddedToken(raw: Buffer): string | null {
  const text = raw.subarray(0, MAX_RAW_SCAN_BYTES).toString('latin1');
  const body = text.slice(Math.max(0, text.search(/\r?\n\r?\n/)));
  return /^Return-Path:[ \t]*<?bounce\+([a-z0-9-]{8,56})@/im.exec(body)?.[1]?.toLowerCase() ?? null;
}

function tokenIn(address: string | undefined): string | null {
  return /\bbounce\+([a-z0-9-]{8,56})@/i.exec(address ?? '')?.[1]?.toLowerCase() ?? null;
}
