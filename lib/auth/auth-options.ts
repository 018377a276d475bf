import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { appDb } from "@/lib/db";
import { loadAuthState } from "./auth-state";
import { authorizeCredentials } from "./authorize-credentials";
import { authSecret, cookieOptions, sessionTimes } from "./session-config";
import { withinAbsoluteLifetime } from "./session-token";
import { invalidateAuthState } from "./auth-state-cache";

/**
 * NextAuth 4, credentials + JWT. The token carries sub (user id), role (a hint for the UI
 * only), sv (session version) and authTime (sign-in time). requireUser re-checks all of them
 * against the database on every request; the callbacks here cover NextAuth's own routes.
 */
export function authOptions(): NextAuthOptions {
  const { idleSeconds } = sessionTimes();
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: idleSeconds },
    jwt: { maxAge: idleSeconds },
    cookies: cookieOptions(),
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Username and password",
        credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
        authorize: (raw, req) => authorizeCredentials(appDb(), raw, req.headers ?? {}),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as { id: string; role?: string; sessionVersion?: number };
          return { sub: u.id, name: token.name, role: u.role ?? "user", sv: u.sessionVersion ?? 0, authTime: Math.floor(Date.now() / 1000) };
        }
        // /api/auth/session re-signs the token; throwing makes NextAuth clear the cookie instead.
        const now = Math.floor(Date.now() / 1000);
        const state = typeof token.sub === "string" ? await loadAuthState(token.sub) : null;
        if (!state || state.disabledAt || state.sessionVersion !== token.sv || typeof token.authTime !== "number" || !withinAbsoluteLifetime(token.authTime, now)) {
          throw new Error("session ended");
        }
        return { ...token, role: state.role };
      },
      async session({ session, token }) {
        return { ...session, user: { name: token.name, id: token.sub, role: token.role } };
      },
    },
    events: {
      // Signing out ends every session of the account: JWTs have no per-device record to delete,
      // so a cookie captured before sign-out must fail on the version check.
      async signOut({ token }) {
        if (typeof token?.sub === "string" && typeof token.sv === "number") {
          await appDb().user.updateMany({ where: { id: token.sub, sessionVersion: token.sv }, data: { sessionVersion: { increment: 1 } } });
          invalidateAuthState(token.sub);
        }
      },
    },
  };
}
