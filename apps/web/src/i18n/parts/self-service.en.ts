/** English strings of the selfService namespace (issue 15); fr beside it has the same keys. */
export const selfServiceEn = {
  profileTitle: 'Your profile',
  passwordTitle: 'Password',
  emailTitle: 'Email address',
  sessionsTitle: 'Where you are signed in',
  verifyTitle: 'Confirm your email address',
};
