import bcrypt from "bcryptjs";

/** Minimum accepted password length (also enforced by the zod schemas). */
export const MIN_PASSWORD_LENGTH = 10;

const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** A hash to compare against for unknown usernames, so they cost the same time as known ones. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash) {
    dummyHash ??= bcrypt.hash("nianbao-unknown-user", COST);
    await bcrypt.compare(password, await dummyHash);
    return false;
  }
  return bcrypt.compare(password, hash);
}
