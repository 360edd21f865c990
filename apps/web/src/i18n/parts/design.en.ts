/** English strings of the visual system (issue 18): theme, keyboard shortcuts, empty states; fr has the same keys. */
export const designEn = {
  theme: {
    label: 'Theme',
    system: 'System',
    light: 'Light',
    dark: 'Dark',
  },
  shortcuts: {
    title: 'Keyboard shortcuts',
    open: 'Keyboard shortcuts',
    intro: 'Shortcuts work anywhere except while you type in a field. Press ? to see this list again.',
    close: 'Close',
    then: 'then',
    groups: {
      site: 'Everywhere',
      topic: 'In a topic',
      moderation: 'In the review queue',
    },
    search: 'Search',
    help: 'Show this list',
    home: 'Go to the home page',
    notifications: 'Go to notifications',
    messages: 'Go to messages',
    bookmarks: 'Go to bookmarks',
    quickExit: 'Leave the site at once (quick exit), even while typing',
    nextPost: 'Next post',
    previousPost: 'Previous post',
    reply: 'Reply (to the post that has focus, else to the topic)',
    nextItem: 'Next item',
    previousItem: 'Previous item',
  },
  /** A scrolling table's region: not the page's own name (its heading), so the two landmarks differ. */
  table: '{{name}} (table)',
  empty: {
    notifications: 'No notifications yet',
    notificationsHint: 'Replies to your posts, mentions of your name and news from topics you watch will appear here.',
    inboxHint: 'Private conversations with other members or with a group’s staff appear here.',
    groupsHint: 'Groups you can see will be listed here.',
    searchHint: 'Try other words, fewer filters, or check the spelling.',
    queueHint: 'Reported and held posts and messages arrive here. All caught up.',
    log: 'No moderation actions yet',
  },
};
