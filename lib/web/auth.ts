import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { ZodError } from "zod";
import { getDb } from "@/lib/db/client";
import { enforceAuthRateLimit, resolveSession, signOut as endSession, startWebSession, verifyEmailAndSignIn } from "@/lib/domain/auth";
import { anonymous, type Ctx, type Role } from "@/lib/domain/context";
import { isDomainError, RateLimited } from "@/lib/domain/errors";
import { env } from "@/lib/env";
import { clientIp, userAgent } from "@/lib/http/client-info";
import { requestIdFrom } from "@/lib/http/request-id";
import { logger, loggerFor } from "@/lib/log/logger";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    /** Our user_sessions row; the cookie is honoured only while it is live. */
    sessionId: string;
    role: Role;
    emailVerified: boolean;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
    role?: Role;
    emailVerified?: boolean;
  }
}

/** Shown on the sign-in form as "too many attempts"; its code reaches the page, the details do not. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

function requestCtx(headers: Headers): Ctx {
  const requestId = requestIdFrom(headers);
  return { actor: anonymous, db: getDb(), requestId, log: loggerFor({ requestId }), now: () => new Date() };
}

/**
 * Auth.js v5 with the Credentials provider and JWT sessions. The drizzle adapter is not used:
 * Auth.js does not persist sessions for credentials sign-ins. Instead `authorize` opens a row
 * in auth.user_sessions (the same table as API sign-ins) and the encrypted JWT cookie carries
 * only its id; every `auth()` resolves that row, so a revoked, expired or idle session is
 * signed out on its next request, and role and verification always come from the database.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: Math.round(env.AUTH_SESSION_MAX_HOURS * 3600) },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials.email === "string" ? credentials.email : "";
        const password = typeof credentials.password === "string" ? credentials.password : "";
        const client = { ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
        try {
          await enforceAuthRateLimit("token", { ip: client.ip, email });
          const { user, sessionId } = await startWebSession({ ctx: requestCtx(request.headers), input: { email, password, client } });
          return { id: user.id, name: user.name, email: user.email, sessionId };
        } catch (error) {
          if (error instanceof RateLimited) throw new SignInRateLimited();
          if (error instanceof ZodError || (isDomainError(error) && error.code === "INVALID_CREDENTIALS")) return null;
          throw error;
        }
      },
    }),
    // Entering the emailed verification code signs its account in: the code proves the mailbox.
    Credentials({
      id: "email-code",
      credentials: { email: { label: "Email", type: "email" }, code: { label: "Code", type: "text" } },
      async authorize(credentials, request) {
        const email = typeof credentials.email === "string" ? credentials.email : "";
        const code = typeof credentials.code === "string" ? credentials.code : "";
        const client = { ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
        try {
          await enforceAuthRateLimit("verify", { ip: client.ip, email });
          const { user, sessionId } = await verifyEmailAndSignIn({ ctx: requestCtx(request.headers), input: { email, code, client } });
          return { id: user.id, name: user.name, email: user.email, sessionId };
        } catch (error) {
          if (error instanceof RateLimited) throw new SignInRateLimited();
          if (error instanceof ZodError || (isDomainError(error) && error.code === "INVALID_CODE")) return null;
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user?.sessionId) return { ...token, sid: user.sessionId };
      if (!token.sid) return null;
      const session = await resolveSession({ db: getDb(), sessionId: token.sid, now: new Date() });
      if (!session || session.user.id !== token.sub) return null;
      return {
        ...token,
        name: session.user.name,
        email: session.user.email,
        role: session.actor.role,
        emailVerified: session.actor.emailVerified,
      };
    },
    async session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: token.sub ?? "", name: token.name, email: token.email ?? "" },
        sessionId: token.sid ?? "",
        role: token.role ?? "attendee",
        emailVerified: token.emailVerified ?? false,
      };
    },
  },
  events: {
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (!token?.sid || !token.sub) return;
      const actor = { type: "user" as const, userId: token.sub, role: token.role ?? "attendee", emailVerified: false, sessionId: token.sid };
      await endSession({ ctx: { ...requestCtx(new Headers()), actor }, input: {} });
    },
  },
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logger.error({ err: error, component: "auth.js" }, "auth.js_error");
    },
    warn(code) {
      logger.warn({ code, component: "auth.js" }, "auth.js_warning");
    },
    debug() {},
  },
});
