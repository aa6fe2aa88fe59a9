import { z } from "zod";
import {
  ACCESS_TOKEN_TTL_SECONDS,
  listSecurityEventsInput,
  listUsersInput,
  PASSWORD_MAX_LENGTH,
  userNameSchema,
  registerUserInput,
  securityEventType,
} from "@/lib/domain/auth";
import { emailSchema } from "@/lib/domain/auth";
import { defineRoute } from "@/lib/http/contract";

const role = z.enum(["attendee", "organizer", "admin"]);

const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role,
  emailVerified: z.boolean(),
  createdAt: z.string().describe("ISO 8601"),
});

const userResponse = z.object({ user: userSchema });

const tokenPair = z.object({
  accessToken: z.string().describe(`JWT (HS256), valid ${ACCESS_TOKEN_TTL_SECONDS / 60} minutes`),
  refreshToken: z.string().describe("Opaque; single use: each refresh returns a new one"),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().describe("Seconds until the access token expires"),
});

const accepted = z.object({ status: z.literal("verification_sent") });
const idParams = z.object({ id: z.string() });

export const registerRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/register",
  summary: "Create an account; a 6-digit code is emailed (an existing address gets a notice instead, same answer)",
  tags: ["auth"],
  auth: "none",
  body: registerUserInput,
  responses: { 202: { description: "Verification sent (whether or not the address already had an account)", schema: accepted } },
  errors: [429],
});

export const verifyRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/verify",
  summary: "Confirm the email address with its code (10 minutes, 5 tries)",
  tags: ["auth"],
  auth: "none",
  body: z.object({ email: emailSchema, code: z.string().trim().max(32) }),
  responses: { 200: { description: "Verified", schema: userResponse } },
  errors: [429],
});

export const resendRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/resend",
  summary: "Send a new verification code (the previous one dies)",
  tags: ["auth"],
  auth: "none",
  body: z.object({ email: emailSchema }),
  responses: { 202: { description: "Sent if the address has an unverified account; the answer is the same either way", schema: accepted } },
  errors: [429],
});

export const passwordResetRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/password-reset",
  summary: "Email a single-use 6-digit reset code (and a link carrying it), valid 30 minutes",
  tags: ["auth"],
  auth: "none",
  body: z.object({ email: emailSchema }),
  responses: { 202: { description: "Sent if the address has an account; the answer is the same either way", schema: z.object({ status: z.literal("reset_requested") }) } },
  errors: [429],
});

export const passwordResetConfirmRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/password-reset/confirm",
  summary: "Set a new password with the emailed code; every session of the account is revoked",
  tags: ["auth"],
  auth: "none",
  body: z.object({ email: emailSchema, code: z.string().trim().max(32), password: z.string().max(PASSWORD_MAX_LENGTH) }),
  responses: { 204: { description: "Password replaced; every session ended" } },
  errors: [400, 429],
});

export const tokenRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/token",
  summary: "Sign in: an API session with an access token and a refresh token",
  tags: ["auth"],
  auth: "none",
  body: z.object({ email: emailSchema, password: z.string().min(1).max(1024) }),
  responses: { 200: { description: "Signed in", schema: tokenPair } },
  errors: [401, 429],
});

export const refreshRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/refresh",
  summary: "Exchange a refresh token for a new pair; presenting a spent one ends the session (REFRESH_TOKEN_REUSED)",
  tags: ["auth"],
  auth: "none",
  body: z.object({ refreshToken: z.string().min(1).max(512) }),
  responses: { 200: { description: "New pair; the presented refresh token is spent", schema: tokenPair } },
  errors: [401],
});

export const logoutRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/logout",
  summary: "End the current session (and the refresh token's, if sent)",
  tags: ["auth"],
  auth: "user",
  body: z.object({ refreshToken: z.string().min(1).max(512).optional() }),
  responses: { 204: { description: "Session revoked" } },
});

export const meRoute = defineRoute({
  method: "GET",
  path: "/api/v1/me",
  summary: "The signed-in user",
  tags: ["account"],
  auth: "user",
  responses: { 200: { description: "The user", schema: userResponse } },
});

export const updateMeRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/me",
  summary: "Change your name and/or password; a new password needs the current one and ends every other session",
  tags: ["account"],
  auth: "user",
  body: z.object({
    name: userNameSchema.optional(),
    password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
    currentPassword: z.string().max(1024).optional(),
  }),
  responses: { 200: { description: "The updated user", schema: userResponse } },
  errors: [401, 429],
});

export const deleteMeRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/me",
  summary:
    "Delete your account: name and email erased, password removed, sessions revoked; bookings stay for the organizers' books as \"Deleted user\". 409 LAST_ADMIN for the last admin, 409 ORGANIZER_HAS_EVENTS while you have upcoming published events",
  tags: ["account"],
  auth: "user",
  body: z.object({ password: z.string().min(1).max(1024) }),
  responses: { 204: { description: "Deleted; every token of the account stops working" } },
  errors: [401, 409, 429],
});

export const exportMeRoute = defineRoute({
  method: "GET",
  path: "/api/v1/me/export",
  summary: "Everything stored about you, as one JSON document",
  tags: ["account"],
  auth: "user",
  responses: {
    200: {
      description: "Sent as a download (Content-Disposition: attachment)",
      schema: z.object({
        exportedAt: z.string(),
        user: userSchema,
        sessions: z.array(z.record(z.string(), z.unknown())),
        bookings: z.array(z.record(z.string(), z.unknown())),
        waitlistEntries: z.array(z.record(z.string(), z.unknown())),
        organizedEvents: z.array(z.record(z.string(), z.unknown())),
        securityEvents: z.array(z.record(z.string(), z.unknown())),
      }),
    },
  },
});

export const changeMyEmailRoute = defineRoute({
  method: "POST",
  path: "/api/v1/me/email",
  summary: "Start changing your email: a 6-digit code goes to the new address (30 minutes, 5 tries); nothing changes until it comes back",
  tags: ["account"],
  auth: "user",
  body: z.object({ email: emailSchema, password: z.string().min(1).max(1024) }),
  responses: {
    202: {
      description: "Code sent, unless the address already has an account; the answer is the same either way",
      schema: accepted,
    },
  },
  errors: [401, 429],
});

export const confirmMyEmailRoute = defineRoute({
  method: "POST",
  path: "/api/v1/me/email/confirm",
  summary: "Finish an email change with the code sent to the new address",
  tags: ["account"],
  auth: "user",
  body: z.object({ code: z.string().trim().max(32) }),
  responses: { 200: { description: "The user with the new, verified address", schema: userResponse } },
  errors: [400, 409, 429],
});

export const mySessionsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/me/sessions",
  summary: "Live sessions of the signed-in user, web and API alike",
  tags: ["account"],
  auth: "user",
  responses: {
    200: {
      description: "Most recently used first; `current` marks the one making this request",
      schema: z.object({
        data: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(["web", "api"]),
            createdAt: z.string(),
            lastSeenAt: z.string(),
            userAgent: z.string(),
            ip: z.string(),
            current: z.boolean(),
          }),
        ),
      }),
    },
  },
});

export const revokeMySessionRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/me/sessions/{id}",
  summary: "Revoke a session: its access and refresh tokens stop working at once",
  tags: ["account"],
  auth: "user",
  params: idParams,
  responses: { 204: { description: "Revoked" } },
  errors: [404],
});

export const adminListUsersRoute = defineRoute({
  method: "GET",
  path: "/api/v1/admin/users",
  summary: "Users, newest first, searchable by email or name (admin)",
  tags: ["admin"],
  auth: "user",
  permission: "user:manage",
  query: listUsersInput,
  responses: { 200: { description: "A page of users", schema: z.object({ data: z.array(userSchema), nextCursor: z.string().nullable() }) } },
  errors: [403],
});

export const adminChangeRoleRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/admin/users/{id}",
  summary: "Change a user's role (admin); the last admin cannot be demoted (409 LAST_ADMIN)",
  tags: ["admin"],
  auth: "user",
  permission: "user:manage",
  params: idParams,
  body: z.object({ role }),
  responses: { 200: { description: "The user with the new role", schema: userResponse } },
  errors: [403, 404, 409],
});

export const adminSecurityEventsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/admin/security-events",
  summary: "The security log, newest first (admin)",
  tags: ["admin"],
  auth: "user",
  permission: "security-log:read",
  query: listSecurityEventsInput,
  responses: {
    200: {
      description: "A page of security events",
      schema: z.object({
        data: z.array(
          z.object({
            id: z.string(),
            type: z.enum(securityEventType.enumValues),
            userId: z.string().nullable(),
            actorId: z.string().nullable(),
            sessionId: z.string().nullable(),
            email: z.string().nullable(),
            ip: z.string(),
            userAgent: z.string(),
            requestId: z.string(),
            details: z.record(z.string(), z.unknown()),
            createdAt: z.string(),
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
    },
  },
  errors: [403],
});
