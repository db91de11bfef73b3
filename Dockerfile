# One image for every leadwire service; the command picks which one runs.
# Node 24 runs the TypeScript sources directly (type stripping), so there is no build step.
FROM node:24-slim AS deps
WORKDIR /app
RUN corepack enable
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY packages/contracts/package.json packages/contracts/
COPY packages/playbook/package.json packages/playbook/
COPY packages/runtime/package.json packages/runtime/
COPY infra/scripts/package.json infra/scripts/
COPY services/capture/package.json services/capture/
COPY services/enrichment/package.json services/enrichment/
COPY services/dedup/package.json services/dedup/
COPY services/scoring/package.json services/scoring/
COPY services/routing/package.json services/routing/
COPY services/sla-watchdog/package.json services/sla-watchdog/
COPY tests/package.json tests/
RUN pnpm install --frozen-lockfile --prod

FROM node:24-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app /app
COPY packages packages
COPY services services
COPY infra/scripts infra/scripts
COPY infra/seed infra/seed
USER node
CMD ["node", "services/capture/src/main.ts"]
