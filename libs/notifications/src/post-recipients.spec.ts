import { postRecipients, type PostAudience } from './post-recipients';

const base: PostAudience = {
  authorId: 'author',
  firstPost: false,
  mentionedUserIds: [],
  quotedAuthorIds: [],
  repliedToId: null,
  levels: new Map(),
};

describe('who hears of a new post', () => {
  it('tells each member once, for the most personal reason', () => {
    const chosen = postRecipients({
      ...base,
      mentionedUserIds: ['ana', 'bo'],
      quotedAuthorIds: ['bo', 'cy'],
      repliedToId: 'cy',
      levels: new Map([
        ['ana', 'watching'],
        ['dee', 'watching'],
        ['eli', 'tracking'],
      ]),
    });
    expect(Object.fromEntries(chosen)).toEqual({ ana: 'mention', bo: 'mention', cy: 'quote', dee: 'watched_topic_post' });
  });

  it('never tells the author, nor a member who muted the topic', () => {
    const chosen = postRecipients({
      ...base,
      mentionedUserIds: ['author', 'muter'],
      repliedToId: 'author',
      levels: new Map([
        ['muter', 'muted'],
        ['author', 'watching'],
      ]),
    });
    expect(chosen.size).toBe(0);
  });

  it('tells the watchers of a category of a new topic, not of a new post', () => {
    const chosen = postRecipients({ ...base, firstPost: true, levels: new Map([['ana', 'watching']]) });
    expect(Object.fromEntries(chosen)).toEqual({ ana: 'watched_category_topic' });
  });
});
