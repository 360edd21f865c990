import { User } from '@harbour/accounts';
import type { PostCan } from '@harbour/contracts';
import { categoryAccessColumns, categoryRefFrom } from './category.repository';
import { NO_POST_CAN, toPostDto } from './forum.mappers';
import { Post } from './post.entity';

const author = Object.assign(new User(), { id: 'a1', username: 'ana', displayName: 'Ana', role: 'member', createdAt: new Date(0) });
const extras = {
  reactions: new Map([['p1', { '👍': 2 }]]),
  mine: new Map(),
  bookmarked: new Set<string>(),
  blockedAuthors: new Set<string>(),
};
const can: PostCan = { edit: true, delete: true, react: true, flag: false, quote: true };

function post(changes: Partial<Post>): Post {
  return Object.assign(new Post(), {
    id: 'p1',
    topicId: 't1',
    number: 2,
    authorId: 'a1',
    parentId: null,
    body: 'words',
    html: '<p>words</p>',
    contentWarning: 'cw',
    wiki: false,
    hidden: false,
    pendingReview: false,
    createdAt: new Date(0),
    editedAt: null,
    revision: 0,
    deletedAt: null,
    anonymousNumber: null,
    author,
    ...changes,
  });
}

describe('toPostDto', () => {
  it('answers the caller’s can as given, and a hidden post’s words only to who may see hidden posts', () => {
    expect(toPostDto(post({ hidden: true }), { extras, can, seesHidden: true })).toMatchObject({
      body: 'words',
      contentWarning: 'cw',
      can,
    });
    expect(toPostDto(post({ hidden: true }), { extras, can: NO_POST_CAN, seesHidden: false })).toMatchObject({
      body: '',
      html: '',
      contentWarning: null,
      hidden: true,
      can: NO_POST_CAN,
    });
  });

  it('makes a deleted post a tombstone for everyone, moderators included', () => {
    expect(toPostDto(post({ deletedAt: new Date(1) }), { extras, can, seesHidden: true })).toMatchObject({
      author: null,
      body: '',
      reactions: {},
      deleted: true,
    });
  });
});

describe('toPostDto and blocks', () => {
  const blocking = { ...extras, blockedAuthors: new Set(['a1']) };

  it('marks a post whose author the caller blocked, and no other', () => {
    expect(toPostDto(post({}), { extras: blocking, can, seesHidden: false }).blockedAuthor).toBe(true);
    expect(toPostDto(post({ authorId: 'a2' }), { extras: blocking, can, seesHidden: false }).blockedAuthor).toBe(false);
    expect(toPostDto(post({}), { extras, can, seesHidden: false }).blockedAuthor).toBe(false);
  });

  it('leaves a tombstone unmarked: it names no author to collapse', () => {
    expect(toPostDto(post({ deletedAt: new Date(1) }), { extras: blocking, can, seesHidden: false }).blockedAuthor).toBe(false);
  });
});

describe('toPostDto and anonymity', () => {
  it('names nobody for an anonymous post, to anyone, and never marks it as a blocked author’s', () => {
    const blocking = { ...extras, blockedAuthors: new Set(['a1']) };
    const seen = toPostDto(post({ anonymousNumber: 3 }), { extras: blocking, can, seesHidden: true });
    expect(seen).toMatchObject({ author: null, anonymousLabel: 'Anonymous 3', blockedAuthor: false, can });
    expect(JSON.stringify(seen)).not.toContain('ana');
    expect(toPostDto(post({}), { extras, can, seesHidden: false })).not.toHaveProperty('anonymousLabel');
  });

  it('fails closed for a post read without its anonymity', () => {
    const unread = post({});
    delete (unread as Partial<Post>).anonymousNumber;
    expect(() => toPostDto(unread, { extras, can, seesHidden: false })).toThrow('anonymous_number');
  });
});

describe('categoryAccessColumns', () => {
  it('selects the access fields under a prefix that categoryRefFrom reads back', () => {
    expect(categoryAccessColumns('c', 'c_')).toBe(
      'c.group_id AS c_group_id, c.shared_group_ids AS c_shared_group_ids, c.see_access AS c_see_access, c.start_access AS c_start_access, c.reply_access AS c_reply_access, c.topics_visible_to AS c_topics_visible_to',
    );
    const row = {
      c_group_id: 'g1',
      c_shared_group_ids: ['g2'],
      c_see_access: 'members',
      c_start_access: 'moderators',
      c_reply_access: 'members',
      c_topics_visible_to: 'author',
    };
    expect(categoryRefFrom(row, 'c_')).toEqual({
      groupId: 'g1',
      sharedGroupIds: ['g2'],
      seeAccess: 'members',
      startAccess: 'moderators',
      replyAccess: 'members',
      topicsVisibleTo: 'author',
    });
  });
});
