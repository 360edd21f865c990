import { REPLY_MARKER } from '@harbour/mail';
import { replyText } from './reply-text';

describe('replyText: what the member wrote, without what they answered', () => {
  it('cuts at our marker, quoted or not, and drops the "On … wrote:" line above it', () => {
    const email = `I'll bring naloxone.\n\nOn Tue, Dec 1, 2026 at 10:00 Harbour <reply+abc@reply.example> wrote:\n> ${REPLY_MARKER.en}\n> Sam replied in “Kits”\n`;
    expect(replyText(email)).toBe("I'll bring naloxone.");
    expect(replyText(`Yes\r\n${REPLY_MARKER.en}\r\nSam replied`)).toBe('Yes');
  });

  it('reads French mail clients: "Le … a écrit :" and "Envoyé de mon iPhone"', () => {
    expect(
      replyText(`Merci, j'y serai.\n\nEnvoyé de mon iPhone\n\nLe mar. 1 déc. 2026 à 10:00, Harbour a écrit :\n> ${REPLY_MARKER.fr}\n`),
    ).toBe("Merci, j'y serai.");
  });

  it('removes a "-- " signature and keeps the paragraphs above it', () => {
    expect(replyText('First point.\n\nSecond point.\n\n-- \nSam\nOutreach worker, 555-0100\n')).toBe('First point.\n\nSecond point.');
  });

  it('keeps a ">" that is the member\'s own words, and answers "" for a reply that was only a quote', () => {
    expect(replyText('Doses > 2 mg need care\n')).toBe('Doses > 2 mg need care');
    expect(replyText(`> ${REPLY_MARKER.en}\n> quoted\n`)).toBe('');
  });

  it('reads at most 100,000 characters however long the message', () => {
    expect(replyText('a'.repeat(300_000)).length).toBeLessThanOrEqual(100_000);
  });
});
