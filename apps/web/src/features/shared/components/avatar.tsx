import { useState } from 'react';
import type { UserDto } from '@harbour/contracts';

/** The stored sizes (server side); a picture is asked at twice its shown size for sharp screens. */
const STORED = [64, 128, 256];

/**
 * A member's picture beside their name: decorative (the name next to it says who), so its text alternative
 * is empty. Served from this site only; if it cannot load (a member who left), a letter stands in.
 */
export function Avatar({ user, size = 32 }: { user: Pick<UserDto, 'avatarUrl' | 'username'> | null; size?: number }) {
  const [failed, setFailed] = useState(false);
  const style = { width: size, height: size };
  if (!user || failed) {
    return (
      <span className="avatar avatar-fallback" style={{ ...style, fontSize: size / 2 }} aria-hidden="true">
        {user?.username.charAt(0).toUpperCase() ?? '?'}
      </span>
    );
  }
  const wanted = STORED.find((stored) => stored >= size * 2) ?? 256;
  return (
    <img
      className="avatar"
      src={`${user.avatarUrl}&size=${wanted}`}
      alt=""
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
      onError={() => setFailed(true)}
    />
  );
}
