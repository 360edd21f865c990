import { Injectable } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { NotFoundError } from '@harbour/common';
import type { OutboxItemDto } from '@harbour/contracts';
import { MailTransport } from './mail.transport';

const EML_NAME = /^[\w.-]+\.eml$/;

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const match = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
  return decodeMimeWords((match?.[1] ?? '').replace(/\r?\n[ \t]+/g, ' ').trim());
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?...?=` / `?Q?`) so French subjects read well. */
function decodeMimeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*/g, (_all, _charset: string, kind: string, text: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

/** The first text/plain part of a message written by nodemailer, with its transfer encoding undone. */
function plainTextPart(raw: string): string {
  const part = /Content-Type: text\/plain[^\n]*\n(?:Content-Transfer-Encoding: ([\w-]+)\n)?\n([\s\S]*?)(?:\n--|$)/i.exec(raw);
  if (!part) return '';
  const [, encoding = '7bit', body = ''] = part;
  if (encoding.toLowerCase() === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding.toLowerCase() !== 'quoted-printable') return body;
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The .eml files written when there is no SMTP server: admins read them in the client. */
@Injectable()
export class OutboxService {
  constructor(private readonly transport: MailTransport) {}

  list(): { enabled: boolean; items: OutboxItemDto[] } {
    const dir = this.transport.outboxDir;
    if (!dir) return { enabled: false, items: [] };
    if (!existsSync(dir)) return { enabled: true, items: [] };
    const items = readdirSync(dir)
      .filter((name) => EML_NAME.test(name))
      .sort()
      .reverse()
      .slice(0, 200)
      .map((name) => {
        const raw = readFileSync(join(dir, name), 'utf8');
        return { id: name, to: header(raw, 'To'), subject: header(raw, 'Subject'), date: header(raw, 'Date') };
      });
    return { enabled: true, items };
  }

  /**
   * Deletes the messages addressed to, or naming, any of `words` (case ignored; a deleted member's mail, README
   * "Leaving"): the outbox is a copy of mail already handed over, kept for admins to read, not a record.
   */
  forget(words: string[]): number {
    const dir = this.transport.outboxDir;
    const needles = words.filter((word) => word.length > 0).map((word) => word.toLowerCase());
    if (!dir || !existsSync(dir) || needles.length === 0) return 0;
    let forgotten = 0;
    for (const name of readdirSync(dir).filter((file) => EML_NAME.test(file))) {
      const raw = readFileSync(join(dir, name), 'utf8');
      const readable = `${raw}\n${header(raw, 'To')}\n${header(raw, 'Subject')}\n${plainTextPart(raw)}`.toLowerCase();
      if (needles.some((needle) => readable.includes(needle))) {
        rmSync(join(dir, name), { force: true });
        forgotten += 1;
      }
    }
    return forgotten;
  }

  /** The message's source, and its plain-text part decoded so that links can be read and followed. */
  read(id: string): { id: string; raw: string; text: string } {
    const dir = this.transport.outboxDir;
    if (!dir || !EML_NAME.test(id) || basename(id) !== id || !existsSync(join(dir, id))) throw new NotFoundError();
    const raw = readFileSync(join(dir, id), 'utf8');
    return { id, raw, text: plainTextPart(raw) };
  }
}
