/** English strings of unmasking anonymous posts (issue 20, staff screens); fr beside it has the same keys. */
export const unmaskEn = {
  title: 'Request to unmask',
  explain:
    'This asks to learn who wrote this anonymous post. A different admin must approve it; then only you and that admin see the author. The poster will be told, with your reason. Both steps are in the moderation log.',
  reason: 'Why you need to know (the poster will read this)',
  send: 'Send the request',
  sent: 'Request sent. An admin other than you must approve it.',
  listTitle: 'Unmask requests',
  listIntro: 'Requests to learn who wrote an anonymous post. An admin who did not ask approves; only the two of you then see the author.',
  none: 'No unmask request.',
  more: 'Show more requests',
  thePost: 'The post',
  postGone: 'The post is gone',
  someone: 'someone',
  askedBy: 'Asked by {{name}}: “{{reason}}”',
  pending: 'Waiting for an admin’s approval.',
  approvedBy: 'Approved by {{name}}.',
  author: 'Written by {{name}} (@{{username}})',
  approve: 'Approve',
  approveConfirm: 'Approve? You and the requester will see who wrote the post, and the poster will be told why.',
  notification: 'Two staff members were shown that you wrote your anonymous post in “{{topic}}”. The reason given: {{reason}}',
  anonymousHint:
    'Nobody, staff included, sees who wrote an anonymous post. Moderators act on the post itself; learning its author takes a moderator’s request and another admin’s approval, and the poster is told.',
  anonymousReview: 'Hold anonymous posts for review before anyone else sees them',
};
