# syntax=docker/dockerfile:1.7
# Multi-stage build of Evently: Next.js standalone output, run as a non-root user.
# One image, two roles: the default command starts the web server and a jobs worker process side
# by side (scripts/start.ts --standalone, the same supervisor as `npm start`); with
# JOBS_WORKER=off it starts the web server only, and `node --import tsx scripts/worker.ts` runs a
# worker alone (compose.yaml's worker service). The worker runs from the
# TypeScript sources with tsx, like the migrate/seed step: no second bundle to build and keep in step.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN NEXT_OUTPUT=standalone npm run build

FROM node:20-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOST=0.0.0.0 \
    REQUIRE_AUTH_SECRET=true \
    REFUSE_TEST_PAYMENTS=true \
    AUTH_TRUST_HOST=true \
    SEED_DEMO=false
RUN groupadd --system --gid 1001 evently && useradd --system --uid 1001 --gid evently evently
COPY --from=build --chown=evently:evently /app/.next/standalone ./
COPY --from=build --chown=evently:evently /app/.next/static ./.next/static
COPY --from=build --chown=evently:evently /app/public ./public
COPY --from=build --chown=evently:evently /app/drizzle ./drizzle
# The migrate/seed step and the jobs worker run from source with tsx.
COPY --from=build --chown=evently:evently /app/node_modules ./node_modules
COPY --from=build --chown=evently:evently /app/lib ./lib
COPY --from=build --chown=evently:evently /app/emails ./emails
COPY --from=build --chown=evently:evently /app/inngest ./inngest
COPY --from=build --chown=evently:evently /app/scripts ./scripts
COPY --from=build --chown=evently:evently /app/tsconfig.json /app/package.json ./
USER evently
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# The supervisor migrates and seeds, then runs server.js (on HOST:PORT) and the worker, forwards
# SIGTERM to both and exits when either does.
CMD ["node", "--import", "tsx", "scripts/start.ts", "--standalone"]
