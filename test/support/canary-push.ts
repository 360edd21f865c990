import type { TestApp } from './app';
import { queuesIdle } from './database';
import type { TestMember } from './factories';
import { PushSink, subscribe } from './push';

/**
 * Web push in the canary sweep: the insider's device (push details off, the default) and the outsider's (details
 * on) are subscribed before the canary is planted; afterwards no push to either may carry the canary word, and
 * the insider must have been pushed something (or the sweep would prove nothing).
 */
export async function plant(t: TestApp, members: { insider: TestMember; outsider: TestMember }): Promise<PushSink> {
  const sink = new PushSink();
  await sink.start();
  await subscribe(t, members.insider, sink.device('insider'));
  await subscribe(t, members.outsider, sink.device('outsider'));
  await t.http().patch('/api/notifications/preferences').set(members.outsider.auth).send({ pushDetails: true }).expect(200);
  return sink;
}

/** The decrypted messages that carry a canary (none may), once every push job has run. */
export async function sweep(t: TestApp, sink: PushSink, ...canaries: string[]): Promise<string[]> {
  try {
    await queuesIdle(t, ['push.send']);
    await sink.waitFor('insider', 1);
    return sink.received.map((push) => JSON.stringify(push)).filter((text) => canaries.some((canary) => text.includes(canary)));
  } finally {
    await sink.stop();
  }
}
