import { JobQueue } from './job-queue.service';

// No database here: pg-boss connects only on start, and an unknown queue is refused before anything is sent.
const jobs = new JobQueue({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', runWorker: false });

/** Never called: the typecheck (npm test) holds these, each @ts-expect-error failing it when its error is gone. */
export function typedByQueueName(): void {
  // @ts-expect-error a payload field the queue does not take
  void jobs.send('notifications.email', { notificationID: 'x' });
  // @ts-expect-error a queue that does not exist
  void jobs.send('mail.sendd', {});
  // @ts-expect-error a queue whose jobs carry a payload cannot run on a schedule
  jobs.schedule('mailing.deliver', '* * * * *');
  // @ts-expect-error a handler reading a field the payload does not have
  jobs.handle('mailing.deliver', (job) => Promise.resolve(void job.mailing));
}

describe('JobQueue', () => {
  it('refuses to send to a queue no lib defined', async () => {
    await expect(jobs.send('mail.send', { to: 'a@example.org', subject: 's', text: 't', html: '<p>t</p>' })).rejects.toThrow(
      'Unknown job queue "mail.send"',
    );
  });
});
