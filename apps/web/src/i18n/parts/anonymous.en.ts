/** English strings of anonymous posting (issue 20) a reader or a poster needs; fr beside it has the same keys. */
export const anonymousEn = {
  label: 'Anonymous {{number}}',
  postAnonymously: 'Post anonymously',
  postAnonymouslyHint: 'Nobody will see your name on this post, moderators and admins included.',
  required: 'Every post here is anonymous: nobody will see your name, moderators and admins included.',
  unmaskRequest: 'Request to unmask',
  unmaskRequests: 'Unmask requests',
};
