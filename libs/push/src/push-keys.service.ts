import { Inject, Injectable } from '@nestjs/common';
import webpush from 'web-push';
import { HARBOUR_CONFIG, type HarbourConfig } from '@harbour/config';
import { PushRepository } from './push.repository';

export interface VapidDetails {
  subject: string;
  publicKey: string;
  privateKey: string;
}

/**
 * The site's VAPID identity: from VAPID_PUBLIC_KEY / VAPID_PRIVATE_KEY, else the pair generated once and kept
 * in the database (so the API processes and the worker sign alike). The private key is never logged nor sent.
 */
@Injectable()
export class PushKeys {
  private details: Promise<VapidDetails> | null = null;

  constructor(
    private readonly repository: PushRepository,
    @Inject(HARBOUR_CONFIG) private readonly config: HarbourConfig,
  ) {}

  vapid(): Promise<VapidDetails> {
    this.details ??= this.load().catch((error: unknown) => {
      this.details = null; // a database hiccup must not stick: the next call tries again
      throw error;
    });
    return this.details;
  }

  async publicKey(): Promise<string> {
    return (await this.vapid()).publicKey;
  }

  private async load(): Promise<VapidDetails> {
    const pair = this.config.vapidKeys ?? (await this.repository.keys(() => webpush.generateVAPIDKeys()));
    // Push services want a way to reach the sender: the given subject, else the site itself (an https one
    // as it is; a development site's http address is not accepted by web-push, so a mailto: of its host).
    const subject =
      this.config.vapidSubject ??
      (this.config.publicUrl.startsWith('https://') ? this.config.publicUrl : `mailto:push@${new URL(this.config.publicUrl).hostname}`);
    return { subject, ...pair };
  }
}
