/** English strings of the blocks namespace (issue 15); fr beside it has the same keys. */
export const blocksEn = {
  title: 'Blocked members',
  intro:
    'You get no notifications, mentions or private messages from a member you block, and their posts show collapsed for you. They are not told.',
  empty: 'You have not blocked anyone.',
  loadFailed: 'Your blocked members could not be loaded. Try again.',
  unblock: 'Unblock',
  unblockName: 'Unblock {{name}}',
  unblocked: '{{name}} is no longer blocked.',
  block: 'Block',
  blockName: 'Block {{name}}',
  blockConfirm:
    'Block {{name}}? You will get no notifications, mentions or private messages from them, and their posts will show collapsed for you. They will not be told.',
  blockedNotice: 'You blocked {{name}}. They are not told.',
  failed: 'That did not work. Try again.',
  collapsed: 'Post by a member you blocked.',
  show: 'Show',
  hide: 'Hide again',
  showLabel: 'Show the post by a member you blocked',
  collapsedHit: 'Result from a member you blocked.',
};
