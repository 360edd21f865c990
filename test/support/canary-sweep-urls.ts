/** The private space's ids the canary sweep asks about (test/e2e/canary.e2e-spec.ts). */
export interface CanaryIds {
  topic: string;
  post: string;
  reply: string;
  category: string;
  group: string;
  groupSlug: string;
}

/** Every route an outsider or a visitor can call that could show something of the private space. */
export const privateSpaceSweepUrls = (ids: CanaryIds, canary: string): string[] => [
  '/api/categories',
  `/api/categories/${ids.category}`,
  `/api/categories/${ids.category}/topics`,
  '/api/topics',
  // Every topic list (issue 18): the canary's private topic is busy, new and unread to its members only.
  '/api/topics?filter=new',
  '/api/topics?filter=unread',
  '/api/topics?filter=top&period=day',
  `/api/categories/${ids.category}/topics?filter=top&period=year`,
  `/api/topics/${ids.topic}`,
  `/api/topics/${ids.topic}/posts`,
  `/api/topics/${ids.topic}/notices`,
  `/api/posts/${ids.post}`,
  `/api/posts/${ids.reply}`,
  `/api/posts/${ids.post}/revisions`,
  // The email a private reply came as (issue 21): for its space's moderators only.
  `/api/moderation/posts/${ids.reply}/email`,
  '/api/groups',
  `/api/groups/${ids.groupSlug}`,
  `/api/groups/${ids.groupSlug}/members`,
  `/api/search?q=${canary}`,
  `/api/search?q=${canary}&groupId=${ids.group}`,
  `/api/search?q=${canary}&categoryId=${ids.category}`,
  `/api/search?q=about`,
  '/api/bookmarks',
  '/api/invitations',
  '/api/me',
  '/api/notifications',
  '/api/notifications?unread=true',
  '/api/notifications/unread-count',
  '/api/me/blocks',
];
