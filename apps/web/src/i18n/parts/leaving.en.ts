/** English strings of the leaving namespace (issue 15); fr beside it has the same keys. */
export const leavingEn = {
  exportTitle: 'Export your data',
  exportIntro:
    'Download everything Harbour holds about you as a zip of open files: your profile and sessions, your posts in Markdown with their earlier versions, your groups, notifications, subscriptions, reports and warnings, and your uploaded picture.',
  exportWarning: 'The file holds your email address and everything you wrote: keep it somewhere safe.',
  password: 'Your password',
  passwordHint: 'Asked again, so that someone at an open session cannot take your data.',
  exportButton: 'Download my data',
  exporting: 'Preparing your file…',
  exportDone: 'Your download has started (harbour-export.zip).',
  deleteTitle: 'Delete your account',
  deleteIntro:
    'Deleting your account is final. Your email address, display name, pronouns, bio, picture, sessions, notifications, blocks, group memberships, two-factor set-up and mailing subscription are erased at once, you are signed out everywhere, and your username becomes free for anyone.',
  exportFirst: 'You may want to export your data first.',
  choiceLegend: 'What becomes of your posts',
  choiceDelete: 'Delete my posts',
  choiceDeleteHelp:
    'Each of your posts becomes a “deleted” placeholder: its words and its edit history are erased, and the topics you started get a neutral title. Replies from others stay where they are.',
  choiceAnonymize: 'Keep my posts, without my name',
  choiceAnonymizeHelp:
    'Your posts stay so that conversations still make sense, signed by an anonymous name (deleted-<number>) with no link to you. Their edit history is erased. Others may have quoted or mentioned you in their own posts: those are their words, and they stay.',
  totp: 'Two-factor code or recovery code',
  deleteButton: 'Delete my account…',
  confirmTitle: 'Delete your account for good?',
  confirmDelete: 'Your posts will be deleted. This cannot be undone.',
  confirmAnonymize: 'Your posts will stay under an anonymous name. This cannot be undone.',
  confirmButton: 'Yes, delete my account',
  cancel: 'Cancel',
  deleted: 'Your account has been deleted. Take care.',
  errors: {
    required: 'Enter your password.',
    wrongPassword: 'That password is not right.',
    wrongCode: 'Enter a current two-factor code or an unused recovery code.',
    lastAdmin: 'You are the site’s only admin: make another member admin before you leave.',
    rateLimited: 'Too many tries. Wait a while and try again.',
    generic: 'That did not work. Try again in a moment.',
  },
  admin: {
    delete: 'Delete account…',
    deletedStatus: 'Deleted',
    confirmTitle: 'Delete {{name}}’s account?',
    confirmIntro:
      'Only at the member’s own request (someone who cannot sign in any more, for example). Everything that identified them is erased in one go and cannot be brought back; the moderation log keeps that you did it, not who they were.',
    // Said to an admin about someone else's posts: third person, unlike the member's own choices above.
    choiceLegend: 'What becomes of their posts',
    choiceDelete: 'Delete their posts',
    choiceDeleteHelp:
      'Each of their posts becomes a “deleted” placeholder: its words and its edit history are erased, and the topics they started get a neutral title. Replies from others stay where they are.',
    choiceAnonymize: 'Keep their posts under an anonymous name',
    choiceAnonymizeHelp:
      'Their posts stay so that conversations still make sense, signed by an anonymous name (deleted-<number>) with no link to them. Their edit history is erased. What others wrote quoting or mentioning them stays.',
    confirmButton: 'Delete the account',
    deleted: 'The account has been deleted.',
  },
};
