# syntax=docker/dockerfile:1
#
# The application image: built in one stage, run from a slim one without compilers,
# TypeScript or dev dependencies, as the unprivileged `node` user.
#
#   docker build -t khuyencong-workflow .
#   docker run -p 3000:3000 -v khuyencong-data:/data -e AUTH_JWT_SECRET=... -e AUTH_ISSUER=... -e AUTH_AUDIENCE=... khuyencong-workflow
#
# Configuration is environment variables only (see README); DATA_DIR is /data, a volume.
# Node.js 24 is the current LTS (Node.js 20 reached its end of life on 30 April 2026).

ARG NODE_VERSION=24.22

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 is a native module: compilers in case no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
# The console is an npm workspace: its manifest is installed with the rest.
COPY web/package.json ./web/package.json
# No dependency's install script runs but the one native build the product needs, whatever
# npm the image ships (package.json allowScripts says the same to an npm that reads it).
RUN npm ci --no-audit --no-fund --ignore-scripts \
 && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
RUN npm run build:web
RUN npm run build && npm prune --omit=dev

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/web/dist ./web/dist
# A new named volume takes this directory's owner, so the node user can write to it.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
# /health answers 503 when the event store is down; Node has fetch, the slim image has no curl.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
