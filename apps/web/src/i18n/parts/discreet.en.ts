/** English strings of the quick exit, on every page's first load (issue 20); fr beside it has the same keys. */
export const discreetEn = {
  quickExit: 'Quick exit',
  quickExitHint: 'Leave this site at once. Pressing Escape three times does the same.',
  /** A discreet member's tab title: the same neutral word on every page, never the site's name. */
  tabTitle: 'Notes',
};
