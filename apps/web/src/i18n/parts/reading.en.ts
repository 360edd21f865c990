/** English strings of reading a topic (issue 18): post links, paging up and down, the post's action bar; fr beside it has the same keys. */
export const readingEn = {
  /** The post's number, shown as its link. */
  number: '#{{number}}',
  linkTo: 'Link to post {{number}}',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  copyFailed: 'The link could not be copied. Here it is: {{url}}',
  moreActions: 'More actions for post {{number}}',
  removeBookmark: 'Remove the bookmark',
  moreActionsPlain: 'More actions',
  loadEarlier: 'Show earlier posts',
  loading: 'Loading posts…',
};
