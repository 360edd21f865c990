import { createTransport } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { InboundSmtpListener } from '@harbour/inbound';
import { startTestApp, type TestApp, type TestAppOptions } from './app';

/** The domain of reply+ and bounce+ addresses in the suites. */
export const REPLY_DOMAIN = 'reply.harbour.test';

/** A test app with its inbound SMTP listener on a free loopback port. */
export async function startInboundApp(options: TestAppOptions = {}): Promise<TestApp> {
  return startTestApp({ ...options, env: { INBOUND_SMTP_PORT: '0', INBOUND_SMTP_HOST: '127.0.0.1', REPLY_DOMAIN, ...options.env } });
}

/** The port the app's inbound listener took. */
export function inboundPort(t: TestApp): number {
  const port = t.app.get(InboundSmtpListener).port;
  if (port === null) throw new Error('the inbound listener is not listening');
  return port;
}

/** What the listener answered: accepted, or refused with its SMTP code and words. */
export type SmtpAnswer = { accepted: true } | { accepted: false; code: number; message: string };

/**
 * Sends one message to the listener with nodemailer, as a mail server would (plain SMTP, no TLS), and says how
 * it was answered. `envelope.from: ''` sends with the null sender, as bounces come.
 */
export async function sendInbound(port: number, message: Mail.Options): Promise<SmtpAnswer> {
  const transport = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true, connectionTimeout: 10_000 });
  try {
    await transport.sendMail(message);
    return { accepted: true };
  } catch (error) {
    const details = error as { responseCode?: number; response?: string; message: string };
    return { accepted: false, code: details.responseCode ?? 0, message: details.response ?? details.message };
  } finally {
    transport.close();
  }
}
