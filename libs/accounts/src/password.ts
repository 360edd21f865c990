import argon2 from 'argon2';

/**
 * The test suites register and sign in thousands of members, and each default hash costs ~0.2 s of a shared
 * core (minutes per run): under Jest (NODE_ENV=test) and only when the test setup asks, the cost is the
 * minimum. Both conditions are needed, so a stray variable in production cannot weaken the hashes.
 */
const TEST_COST =
  process.env.NODE_ENV === 'test' && process.env.HARBOUR_FAST_PASSWORD_HASHES === '1' ? { memoryCost: 1024, timeCost: 1 } : {};

/** argon2id with the library's defaults (64 MiB, t=3), which OWASP considers sufficient. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...TEST_COST });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/**
 * Spends the same time as a real check when the account does not exist, so that response times do not
 * tell which usernames and emails are registered.
 */
export async function verifyAgainstNobody(password: string): Promise<false> {
  dummyHash ??= hashPassword('harbour-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
}
