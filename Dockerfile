# One image for web, worker and migrations (docker-compose.yml picks the command).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
RUN npm ci --no-audit --no-fund \
 && PRISMA_SCHEMA_ENGINE_BINARY=/usr/local/bin/node npx prisma generate \
 && npm run build -w @bulwark/web
EXPOSE 3000
