/** English strings of drafts (issue 18); fr beside it has the same keys. */
export const draftsEn = {
  saving: 'Saving draft…',
  saved: 'Draft saved',
  failed: 'Draft not saved: your text is only on this page for now.',
  offer: 'You have a draft saved on {{when}}.',
  restore: 'Restore draft',
  discard: 'Discard draft',
  restored: 'Draft restored.',
  discarded: 'Draft discarded.',
  leave: 'Your text is not saved yet. Leave this page anyway?',
};
