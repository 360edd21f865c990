/** English strings of the twoFactor namespace (issue 15); fr beside it has the same keys. */
export const twoFactorEn = {
  title: 'Two-factor authentication',
};
