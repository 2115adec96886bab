# One image for web, worker and migrations (docker-compose.yml and deploy/kubernetes pick the
# command). Two stages: the build has every dependency (Prisma client generation, next build, the
# bundled CLI); the runtime has production dependencies only and runs as an unprivileged user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm ci --no-audit --no-fund \
 && PRISMA_SCHEMA_ENGINE_BINARY=/usr/local/bin/node npx prisma generate \
 && npm run build -w @bulwark/web \
 && npm run build:cli \
 # what the runtime stage copies must not carry build-time modules or caches
 && rm -rf node_modules apps/*/node_modules packages/*/node_modules e2e/node_modules apps/web/.next/cache

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOME=/tmp \
    npm_config_cache=/tmp/.npm \
    npm_config_update_notifier=false
COPY --from=build /app /app
# Production dependencies of what runs (web, worker, CLI and the packages they use), not of the
# browser tests' workspace.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
      --workspace=@bulwark/web --workspace=@bulwark/worker --workspace=@bulwark/cli --include-workspace-root \
 && rm -rf /tmp/.npm \
 && chown -R 10001:10001 apps/web/.next
USER 10001:10001
EXPOSE 3000 9465
CMD ["npm", "run", "start", "-w", "@bulwark/web"]
