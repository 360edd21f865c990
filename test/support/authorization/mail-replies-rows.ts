import { sql } from '../database';
import type { TestApp } from '../app';
import { roles, staffOnly, type Row } from './matrix';

/** Makes posts as if they had come by email, with the email kept (the e2e suite mail-replies sends real ones). */
export async function markRepliedByEmail(t: TestApp, postIds: string[], text = 'By email'): Promise<void> {
  await sql(t.databaseUrl, `UPDATE posts SET via_email = true WHERE id = ANY($1::uuid[])`, [postIds]);
  await sql(
    t.databaseUrl,
    `INSERT INTO email_originals (user_id, message_key, post_id, raw)
     SELECT author_id, md5(id::text), id, convert_to('Subject: Re: ' || $2 || chr(10) || chr(10) || $2, 'UTF8') FROM posts WHERE id = ANY($1::uuid[])`,
    [postIds, text],
  );
}

/** Issue 21's route: the email a reply by email was, for whoever moderates its space. */
export const MAIL_REPLIES_ROWS: Row[] = [
  { method: 'GET', path: '/api/moderation/posts/:id/email', url: (f) => `/api/moderation/posts/${f.post}/email`, expect: staffOnly(200) },
  {
    method: 'GET',
    path: '/api/moderation/posts/:id/email',
    url: (f) => `/api/moderation/posts/${f.privatePost}/email`,
    // A private group's post: its moderators and owner and admins read it; others get the 404 of a missing post.
    expect: roles(401, 404, { member: 403, groupModerator: 200, groupOwner: 200, admin: 200 }),
  },
];
