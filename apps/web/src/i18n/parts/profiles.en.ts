/** English strings of the profiles namespace (issue 15); fr beside it has the same keys. */
export const profilesEn = {
  title: 'Profile',
};
