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
import { component } from "@/lib/http/openapi-component";

const role = z.enum(["attendee", "organizer", "admin"]);

const userSchema = component(
  "User",
  z.object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role,
    emailVerified: z.boolean(),
    createdAt: z.string().describe("ISO 8601"),
  }),
);

const userResponse = z.object({ user: userSchema });

const tokenPair = component(
  "TokenPair",
  z.object({
    accessToken: z.string().describe(`JWT (HS256), valid ${ACCESS_TOKEN_TTL_SECONDS / 60} minutes`),
    refreshToken: z.string().describe("Opaque; single use: each refresh returns a new one"),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().describe("Seconds until the access token expires"),
  }),
);

const EMAIL = "ann@example.com";
const PASSWORD = "correct horse battery staple";
const userExample = {
  id: "5f0c6a4e-7a8b-4c1d-9e2f-3a4b5c6d7e8f",
  email: EMAIL,
  name: "Ann Example",
  role: "organizer",
  emailVerified: true,
  createdAt: "2026-11-02T10:15:00.000Z",
} as const;
const tokenPairExample = {
  accessToken: "eyJhbGciOiJIUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiI1ZjBjIn0.c2lnbmF0dXJl",
  refreshToken: "rt_4f9d0c2b7e1a4b8c9d3e6f2a1b5c8d7e",
  tokenType: "Bearer",
  expiresIn: ACCESS_TOKEN_TTL_SECONDS,
} as const;

const accepted = z.object({ status: z.literal("verification_sent") });
const idParams = z.object({ id: z.string() });

export const registerRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/register",
  operationId: "registerUser",
  tokenScope: null,
  summary: "Create an account; a 6-digit code is emailed (an existing address gets a notice instead, same answer)",
  tags: ["auth"],
  auth: "none",
  body: registerUserInput,
  bodyExample: { email: EMAIL, password: PASSWORD, name: "Ann Example", role: "organizer" },
  responses: { 202: { description: "Verification sent (whether or not the address already had an account)", schema: accepted, example: { status: "verification_sent" } } },
  errors: { 422: ["WEAK_PASSWORD"], 429: ["RATE_LIMITED"] },
});

export const verifyRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/verify",
  operationId: "verifyEmail",
  tokenScope: null,
  summary: "Confirm the email address with its code (10 minutes, 5 tries)",
  tags: ["auth"],
  auth: "none",
  body: z.object({ email: emailSchema, code: z.string().trim().max(32) }),
  bodyExample: { email: EMAIL, code: "482913" },
  responses: { 200: { description: "Verified", schema: userResponse, example: { user: userExample } } },
  errors: { 400: ["INVALID_CODE"], 429: ["RATE_LIMITED"] },
});

export const resendRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/resend",
  operationId: "resendVerification",
  tokenScope: null,
  summary: "Send a new verification code (the previous one dies)",
  tags: ["auth"],
  auth: "none",
  body: z.object({ email: emailSchema }),
  bodyExample: { email: EMAIL },
  responses: { 202: { description: "Sent if the address has an unverified account; the answer is the same either way", schema: accepted, example: { status: "verification_sent" } } },
  errors: { 429: ["RATE_LIMITED"] },
});

export const passwordResetRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/password-reset",
  operationId: "requestPasswordReset",
  tokenScope: null,
  summary: "Email a single-use 6-digit reset code (and a link carrying it), valid 30 minutes",
  tags: ["auth"],
  auth: "none",
  body: z.object({ email: emailSchema }),
  bodyExample: { email: EMAIL },
  responses: { 202: { description: "Sent if the address has an account; the answer is the same either way", schema: z.object({ status: z.literal("reset_requested") }), example: { status: "reset_requested" } } },
  errors: { 429: ["RATE_LIMITED"] },
});

export const passwordResetConfirmRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/password-reset/confirm",
  operationId: "confirmPasswordReset",
  tokenScope: null,
  summary: "Set a new password with the emailed code; every session of the account is revoked",
  tags: ["auth"],
  auth: "none",
  body: z.object({ email: emailSchema, code: z.string().trim().max(32), password: z.string().max(PASSWORD_MAX_LENGTH) }),
  bodyExample: { email: EMAIL, code: "482913", password: PASSWORD },
  responses: { 204: { description: "Password replaced; every session ended" } },
  errors: { 400: ["INVALID_CODE"], 422: ["WEAK_PASSWORD"], 429: ["RATE_LIMITED"] },
});

export const tokenRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/token",
  operationId: "signIn",
  tokenScope: null,
  summary: "Sign in: an API session with an access token and a refresh token",
  tags: ["auth"],
  auth: "none",
  body: z.object({ email: emailSchema, password: z.string().min(1).max(1024) }),
  bodyExample: { email: EMAIL, password: PASSWORD },
  responses: { 200: { description: "Signed in", schema: tokenPair, example: tokenPairExample } },
  errors: { 401: ["INVALID_CREDENTIALS"], 429: ["RATE_LIMITED"] },
});

export const refreshRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/refresh",
  operationId: "refreshTokens",
  tokenScope: null,
  summary: "Exchange a refresh token for a new pair; presenting a spent one ends the session (REFRESH_TOKEN_REUSED)",
  tags: ["auth"],
  auth: "none",
  body: z.object({ refreshToken: z.string().min(1).max(512) }),
  bodyExample: { refreshToken: tokenPairExample.refreshToken },
  responses: { 200: { description: "New pair; the presented refresh token is spent", schema: tokenPair, example: tokenPairExample } },
  errors: { 401: ["INVALID_REFRESH_TOKEN", "REFRESH_TOKEN_REUSED"] },
});

export const logoutRoute = defineRoute({
  method: "POST",
  path: "/api/v1/auth/logout",
  operationId: "signOut",
  tokenScope: null,
  summary: "End the current session (and the refresh token's, if sent)",
  tags: ["auth"],
  auth: "user",
  body: z.object({ refreshToken: z.string().min(1).max(512).optional() }),
  bodyExample: { refreshToken: tokenPairExample.refreshToken },
  responses: { 204: { description: "Session revoked" } },
});

export const meRoute = defineRoute({
  method: "GET",
  path: "/api/v1/me",
  operationId: "getMe",
  tokenScope: null,
  summary: "The signed-in user",
  tags: ["account"],
  auth: "user",
  responses: { 200: { description: "The user", schema: userResponse, example: { user: userExample } } },
});

export const updateMeRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/me",
  operationId: "updateMe",
  tokenScope: null,
  summary: "Change your name and/or password; a new password needs the current one and ends every other session",
  tags: ["account"],
  auth: "user",
  body: z.object({
    name: userNameSchema.optional(),
    password: z.string().max(PASSWORD_MAX_LENGTH).optional(),
    currentPassword: z.string().max(1024).optional(),
  }),
  bodyExample: { name: "Ann B. Example" },
  responses: { 200: { description: "The updated user", schema: userResponse, example: { user: userExample } } },
  errors: { 401: ["INVALID_CREDENTIALS"], 422: ["WEAK_PASSWORD", "CURRENT_PASSWORD_REQUIRED"], 429: ["RATE_LIMITED"] },
});

export const deleteMeRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/me",
  operationId: "deleteMe",
  tokenScope: null,
  summary:
    "Delete your account: name and email erased, password removed, sessions revoked; bookings stay for the organizers' books as \"Deleted user\". 409 LAST_ADMIN for the last admin, 409 ORGANIZER_HAS_EVENTS while you have upcoming published events",
  tags: ["account"],
  auth: "user",
  body: z.object({ password: z.string().min(1).max(1024) }),
  bodyExample: { password: PASSWORD },
  responses: { 204: { description: "Deleted; every token of the account stops working" } },
  errors: { 401: ["INVALID_CREDENTIALS"], 409: ["LAST_ADMIN", "ORGANIZER_HAS_EVENTS"], 429: ["RATE_LIMITED"] },
});

export const exportMeRoute = defineRoute({
  method: "GET",
  path: "/api/v1/me/export",
  operationId: "exportMe",
  tokenScope: null,
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
        apiTokens: z.array(z.record(z.string(), z.unknown())).describe("Live API tokens, without their secrets"),
        bookings: z.array(z.record(z.string(), z.unknown())),
        waitlistEntries: z.array(z.record(z.string(), z.unknown())),
        organizedEvents: z.array(z.record(z.string(), z.unknown())),
        securityEvents: z.array(z.record(z.string(), z.unknown())),
      }), example: { exportedAt: "2026-12-06T12:00:00.000Z", user: userExample, sessions: [], apiTokens: [], bookings: [], waitlistEntries: [], organizedEvents: [], securityEvents: [] } },
  },
});

export const changeMyEmailRoute = defineRoute({
  method: "POST",
  path: "/api/v1/me/email",
  operationId: "requestEmailChange",
  tokenScope: null,
  summary: "Start changing your email: a 6-digit code goes to the new address (30 minutes, 5 tries); nothing changes until it comes back",
  tags: ["account"],
  auth: "user",
  body: z.object({ email: emailSchema, password: z.string().min(1).max(1024) }),
  bodyExample: { email: "ann.new@example.com", password: PASSWORD },
  responses: {
    202: {
      description: "Code sent, unless the address already has an account; the answer is the same either way",
      schema: accepted, example: { status: "verification_sent" } },
  },
  errors: { 401: ["INVALID_CREDENTIALS"], 422: ["SAME_EMAIL"], 429: ["RATE_LIMITED"] },
});

export const confirmMyEmailRoute = defineRoute({
  method: "POST",
  path: "/api/v1/me/email/confirm",
  operationId: "confirmEmailChange",
  tokenScope: null,
  summary: "Finish an email change with the code sent to the new address",
  tags: ["account"],
  auth: "user",
  body: z.object({ code: z.string().trim().max(32) }),
  bodyExample: { code: "482913" },
  responses: { 200: { description: "The user with the new, verified address", schema: userResponse, example: { user: { ...userExample, email: "ann.new@example.com" } } } },
  errors: { 400: ["INVALID_CODE"], 409: ["EMAIL_TAKEN"], 429: ["RATE_LIMITED"] },
});

export const mySessionsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/me/sessions",
  operationId: "listMySessions",
  tokenScope: null,
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
      }), example: { data: [{ id: "9a1e2b3c-4d5e-4f60-8a7b-6c5d4e3f2a1b", kind: "api", createdAt: "2026-12-06T09:00:00.000Z", lastSeenAt: "2026-12-06T11:58:00.000Z", userAgent: "curl/8.5.0", ip: "203.0.113.7", current: true }] } },
  },
});

export const revokeMySessionRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/me/sessions/{id}",
  operationId: "revokeMySession",
  tokenScope: null,
  summary: "Revoke a session: its access and refresh tokens stop working at once",
  tags: ["account"],
  auth: "user",
  params: idParams,
  responses: { 204: { description: "Revoked" } },
  errors: { 404: ["SESSION_NOT_FOUND"] },
});

export const adminListUsersRoute = defineRoute({
  method: "GET",
  path: "/api/v1/admin/users",
  operationId: "adminListUsers",
  tokenScope: null,
  summary: "Users, newest first, searchable by email or name (admin)",
  tags: ["admin"],
  auth: "user",
  permission: "user:manage",
  query: listUsersInput,
  responses: { 200: { description: "A page of users", schema: z.object({ data: z.array(userSchema), nextCursor: z.string().nullable() }), example: { data: [userExample], nextCursor: null } } },
});

export const adminChangeRoleRoute = defineRoute({
  method: "PATCH",
  path: "/api/v1/admin/users/{id}",
  operationId: "adminChangeUserRole",
  tokenScope: null,
  summary: "Change a user's role (admin); the last admin cannot be demoted (409 LAST_ADMIN)",
  tags: ["admin"],
  auth: "user",
  permission: "user:manage",
  params: idParams,
  body: z.object({ role }),
  bodyExample: { role: "organizer" },
  responses: { 200: { description: "The user with the new role", schema: userResponse, example: { user: userExample } } },
  errors: { 404: ["USER_NOT_FOUND"], 409: ["LAST_ADMIN"] },
});

export const adminSecurityEventsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/admin/security-events",
  operationId: "adminListSecurityEvents",
  tokenScope: null,
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
      }), example: { data: [{ id: "2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f", type: "api_token_created", userId: userExample.id, actorId: userExample.id, sessionId: null, email: null, ip: "203.0.113.7", userAgent: "Firefox", requestId: "req_01", details: { name: "CRM sync" }, createdAt: "2026-12-06T12:00:00.000Z" }], nextCursor: null } },
  },
});
