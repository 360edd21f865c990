import { smtpOutcome } from './smtp-outcome';

describe('smtpOutcome', () => {
  it('treats a 5xx about the recipient as a permanent bounce', () => {
    expect(smtpOutcome({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 No such user' })).toEqual({
      kind: 'permanent',
      reason: '550 5.1.1 No such user',
    });
    expect(smtpOutcome({ code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 rejected' }).kind).toBe('permanent');
  });

  it('retries 4xx replies, timeouts, lost connections and refusals of the relay itself', () => {
    expect(smtpOutcome({ code: 'EENVELOPE', responseCode: 451, command: 'RCPT TO', response: '451 try later' }).kind).toBe('temporary');
    expect(smtpOutcome({ code: 'ETIMEDOUT', message: 'Timeout' }).kind).toBe('temporary');
    expect(smtpOutcome({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }).kind).toBe('temporary');
    expect(smtpOutcome({ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN', response: '535 bad credentials' }).kind).toBe(
      'temporary',
    );
    expect(smtpOutcome(new Error('socket hang up')).kind).toBe('temporary');
  });
});
