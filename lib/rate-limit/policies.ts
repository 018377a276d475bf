import type { WindowPolicy } from "./window";

const MINUTE = 60_000;

/**
 * The limits (docs/auth.md "Brute force"). Per account well under ASVS 2.2.1's 100 failures an
 * hour; per IP looser, since many users can share one address.
 */
export const POLICIES = {
  loginPerAccount: { limit: 10, windowMs: 15 * MINUTE },
  loginPerIp: { limit: 50, windowMs: 15 * MINUTE },
  resetPerAddress: { limit: 5, windowMs: 60 * MINUTE },
  resetPerIp: { limit: 20, windowMs: 60 * MINUTE },
  registerPerIp: { limit: 20, windowMs: 60 * MINUTE },
  // Share links: a page view is a handful of requests (polling every 2 s while jobs run), so
  // generous for a person, and still a hard stop on guessing tokens from one address.
  sharePerIp: { limit: 600, windowMs: 10 * MINUTE },
} satisfies Record<string, WindowPolicy>;

export const limitKeys = {
  loginAccount: (usernameKey: string) => `login:user:${usernameKey}`,
  loginIp: (ip: string) => `login:ip:${ip}`,
  resetAddress: (email: string) => `reset:email:${email}`,
  resetIp: (ip: string) => `reset:ip:${ip}`,
  registerIp: (ip: string) => `register:ip:${ip}`,
  shareIp: (ip: string) => `share:ip:${ip}`,
};
