# One image for every leadwire service; the first argument picks what runs:
#   docker run leadwire capture|enrichment|dedup|scoring|routing|sla-watchdog
#   docker run leadwire migrate|topics|dlq-replay|consumer-groups <args>
# Node 24 runs the TypeScript sources directly (type stripping), so there is no build step:
# the first stage only installs production dependencies, the second copies sources beside them.
# Pin a digest (node:24-bookworm-slim@sha256:...) in a registry you control for reproducible builds.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# pnpm at the version package.json pins (packageManager), through corepack.
ENV COREPACK_ENABLE_DOWNLOAD_PROMPT=0
RUN corepack enable
# Manifests first: the install layer is reused until a manifest or the lockfile changes.
# Every workspace package is listed, or a frozen install would not match the lockfile
# (infra/scripts/check-image.ts fails the tests when one is missing here).
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
COPY bench/package.json bench/
RUN pnpm install --frozen-lockfile --prod --ignore-scripts

FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=3000
COPY --from=deps /app /app
# Sources only (.dockerignore keeps tests, node_modules and local state out); owned by root
# and read-only to the service user, so a compromised process cannot rewrite its own code.
COPY packages packages
COPY services services
COPY infra/scripts infra/scripts
COPY infra/seed infra/seed
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HTTP_PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node is PID 1 and handles SIGTERM itself (graceful shutdown in @leadwire/runtime); run with
# an init (`--init`, compose `init: true`) only if something else must reap children.
ENTRYPOINT ["/bin/sh", "-c", "case \"$0\" in migrate|topics|dlq-replay|consumer-groups) exec node --disable-warning=TimeoutNegativeWarning \"infra/scripts/$0.ts\" \"$@\" ;; *) exec node --disable-warning=TimeoutNegativeWarning \"services/$0/src/main.ts\" \"$@\" ;; esac"]
CMD ["capture"]
