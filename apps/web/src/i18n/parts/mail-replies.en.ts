/** English strings of replies by email (issue 21); fr beside it has the same keys. */
export const mailRepliesEn = {
  byEmail: 'by email',
  showEmail: 'Show the email it came as',
  hideEmail: 'Hide the email',
  emailTitle: 'The email as received',
  receivedAt: 'Received {{date}}. Only the moderators of this space can read it.',
  loading: 'Loading the email…',
  gone: 'This email is no longer kept.',
};
