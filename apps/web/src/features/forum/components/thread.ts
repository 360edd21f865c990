import type { PostDto } from '@harbour/contracts';

export interface ThreadNode {
  post: PostDto;
  replies: ThreadNode[];
}

/**
 * Arranges posts as a tree by parentId, each level in reading order. A post whose parent is not loaded
 * (yet) stands at the top level rather than disappearing.
 */
export function buildThread(posts: PostDto[]): ThreadNode[] {
  const nodes = new Map(posts.map((post) => [post.id, { post, replies: [] as ThreadNode[] }]));
  const roots: ThreadNode[] = [];
  // A reply held for review has no number until it is approved: it waits at the end.
  const place = (post: PostDto) => post.number ?? Number.MAX_SAFE_INTEGER;
  for (const post of [...posts].sort((a, b) => place(a) - place(b))) {
    const node = nodes.get(post.id)!;
    const parent = post.parentId ? nodes.get(post.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}
