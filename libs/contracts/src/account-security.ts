/** Account security and leaving (api.md 1.1): the member's own sessions, two-factor, blocks, export, deletion. */

/** A signed-in device in `GET /api/me/sessions`. */
export interface SessionDto {
  id: string;
  /** The session this request came from. */
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  /** A short browser and system label ("Firefox on Android"); never an IP address. */
  device: string;
}

/** `POST /api/me/2fa`: the secret to enter in an authenticator app, not active until confirmed. */
export interface TwoFactorSetupDto {
  secret: string;
  otpauthUrl: string;
}

/** `POST /api/me/2fa/confirm`: shown once. */
export interface RecoveryCodesDto {
  recoveryCodes: string[];
}

export const DELETED_POSTS = ['delete', 'anonymize'] as const;
/** What becomes of a deleted member's posts: tombstones, or kept under an anonymous `deleted-<n>` author. */
export type DeletedPosts = (typeof DELETED_POSTS)[number];

// Request bodies

export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

export interface ChangeEmailBody {
  password: string;
  email: string;
}

export interface VerifyEmailBody {
  token: string;
}

export interface PasswordBody {
  password: string;
}

export interface TwoFactorConfirmBody {
  code: string;
}

export interface TwoFactorDisableBody {
  password: string;
  code: string;
}

export interface DeleteMeBody {
  password: string;
  /** Required when two-factor is on: a current code or a recovery code. */
  totp?: string;
  posts: DeletedPosts;
}

/** `DELETE /api/admin/users/:id`: an admin deletes an account at its member's request. */
export interface AdminDeleteUserBody {
  posts: DeletedPosts;
}
