/** English strings of the mailProblem namespace (issue 21: mail to the member's address bounced or was marked as spam). */
export const mailProblemEn = {
  bounced: 'Emails to {{email}} have been coming back undelivered since {{date}}, so we stopped sending them.',
  complained: 'An email from us to {{email}} was marked as spam on {{date}}, so we stopped sending them.',
  securityStill: 'Password resets and address confirmations still go out when you ask for them.',
  change: 'Change my email address',
  works: 'My address works again',
  failed: 'That did not work. Please try again.',
};
