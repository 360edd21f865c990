/**
 * What a deleted account is called: `deleted-<n>` and `deleted-<n>@deleted.invalid` (README, "Leaving"). Nobody
 * may register or move to such a name or address: to pass as a deleted member, or to make a later deletion
 * collide with an address already taken.
 */
export const DELETED_USERNAME = /^(?!deleted-)/i;
export const DELETED_USERNAME_RULE = 'username may not start with deleted-';
export const DELETED_ADDRESS = /^(?!.*@deleted\.invalid$)/i;
export const DELETED_ADDRESS_RULE = 'email may not be at deleted.invalid';
