import { simpleParser } from 'mailparser';
import { deliveryStatusReport, feedbackReport } from '../../../test/support/mail-reports';
import { readMailReport } from './mail-report';

const TOKEN = 'm2s-0123456789abcdef';
const base = { returnPath: `bounce+${TOKEN}@reply.harbour.test`, recipient: 'gone@example.org' };

async function read(raw: string) {
  return readMailReport(await simpleParser(raw, { keepDeliveryStatus: true }), Buffer.from(raw));
}

describe('reading a report about a message we sent', () => {
  it('reads a permanent failure (RFC 3464) as hard, with the remote server’s words and the original’s return path', async () => {
    expect(
      await read(
        deliveryStatusReport({ ...base, action: 'failed', status: '5.1.1', diagnostic: '550 5.1.1 <gone@example.org>: user unknown' }),
      ),
    ).toEqual({
      kind: 'hard',
      status: '5.1.1',
      diagnostic: '550 5.1.1 <gone@example.org>: user unknown unavailable',
      embeddedToken: TOKEN,
    });
  });

  it('reads a delay or a failure for now (4.x.x) as soft, and a success notice as nothing', async () => {
    expect(await read(deliveryStatusReport({ ...base, action: 'delayed', status: '4.4.1' }))).toMatchObject({
      kind: 'soft',
      status: '4.4.1',
    });
    expect(await read(deliveryStatusReport({ ...base, action: 'failed', status: '4.2.2' }))).toMatchObject({ kind: 'soft' });
    expect(await read(deliveryStatusReport({ ...base, action: 'delivered', status: '2.0.0' }))).toEqual({ kind: 'other' });
  });

  it('reads a feedback report (RFC 5965) as a complaint, except "not spam" and authentication failures', async () => {
    expect(await read(feedbackReport(base))).toEqual({ kind: 'complaint', feedbackType: 'abuse', embeddedToken: TOKEN });
    expect(await read(feedbackReport({ ...base, feedbackType: 'not-spam' }))).toEqual({ kind: 'other' });
    expect(await read(feedbackReport({ ...base, feedbackType: 'auth-failure' }))).toEqual({ kind: 'other' });
  });

  it('finds the token in the original’s Return-Path when the report does not name it elsewhere', async () => {
    const raw = feedbackReport(base).replace(/Original-Mail-From: .*\r\n/, '');
    expect(await read(raw)).toMatchObject({ kind: 'complaint', embeddedToken: TOKEN });
  });

  it('reads a person’s reply, an auto-reply and a malformed report as nothing', async () => {
    expect(await read('From: a@example.org\r\nSubject: Re: News\r\n\r\nPlease stop.\r\n')).toEqual({ kind: 'other' });
    expect(await read('From: a@example.org\r\nAuto-Submitted: auto-replied\r\nSubject: Out of office\r\n\r\nAway.\r\n')).toEqual({
      kind: 'other',
    });
    const broken = deliveryStatusReport({ ...base, action: 'failed', status: '5.1.1' })
      .replace(/Action: failed\r\n/, '')
      .replace(/Final-Recipient: .*\r\n/, '');
    expect(await read(broken)).toEqual({ kind: 'other' });
    const noStatus =
      'Content-Type: multipart/report; report-type=delivery-status; boundary=x\r\n\r\n--x\r\nContent-Type: message/delivery-status\r\n\r\n\x00\xff::\r\n\r\n--x--\r\n';
    expect(await read(noStatus)).toEqual({ kind: 'other' });
  });
});
