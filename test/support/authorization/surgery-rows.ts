import { everyone, privateRead, roles, staffOnly, type Fixtures, type Row } from './matrix';

/**
 * Matrix rows of issue 19, stream B (topic surgery): split and merge, by those who moderate the spaces, and the
 * notices every reader of a thread sees. Each write acts on topics made for it (a split or merge changes them).
 */
let split = { topicId: '', postId: '' };
const freshSplit = async (f: Fixtures, where: 'public' | 'private'): Promise<string> => {
  split = await f.freshTopicWithReply(where);
  return `/api/topics/${split.topicId}/split`;
};
const freshMerge = async (f: Fixtures, where: 'public' | 'private'): Promise<string> => {
  const [from, into] = [await f.freshTopicWithReply(where), await f.freshTopicWithReply(where)];
  split = into;
  return `/api/topics/${from.topicId}/merge`;
};
/** The private group's moderators and owners moderate its space; the site's moderators may not even see it. */
const privateModerators = (status: number) => roles(401, 404, { member: 403, groupModerator: status, groupOwner: status, admin: status });

export const SURGERY_ROWS: Row[] = [
  {
    method: 'POST',
    path: '/api/topics/:id/split',
    url: (f) => freshSplit(f, 'public'),
    body: () => ({ postIds: [split.postId], title: 'Split in the matrix' }),
    expect: staffOnly(201),
  },
  {
    method: 'POST',
    path: '/api/topics/:id/split',
    url: (f) => freshSplit(f, 'private'),
    body: () => ({ postIds: [split.postId], title: 'Split in the matrix' }),
    expect: privateModerators(201),
  },
  {
    method: 'POST',
    path: '/api/topics/:id/merge',
    url: (f) => freshMerge(f, 'public'),
    body: () => ({ intoTopicId: split.topicId }),
    expect: staffOnly(204),
  },
  {
    method: 'POST',
    path: '/api/topics/:id/merge',
    url: (f) => freshMerge(f, 'private'),
    body: () => ({ intoTopicId: split.topicId }),
    expect: privateModerators(204),
  },
  { method: 'GET', path: '/api/topics/:id/notices', url: (f) => `/api/topics/${f.topic}/notices`, expect: everyone(200) },
  { method: 'GET', path: '/api/topics/:id/notices', url: (f) => `/api/topics/${f.privateTopic}/notices`, expect: privateRead(200) },
];
