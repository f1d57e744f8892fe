# massive-mock: a local emulator of the Massive AI API, as a container.
#   docker build -t massive-mock .
#   docker run --rm -p 8080:8080 -v massive-mock-data:/data massive-mock
# Debian slim, not Alpine: better-sqlite3 ships prebuilt glibc (and musl) binaries inside its npm
# package, so neither stage needs a compiler.

# ---- build: all dependencies, compile src/ to dist/, then drop the dev dependencies ----
FROM node:24-slim AS build
WORKDIR /app
# Dependencies first, so this layer is reused while only the sources change. --ignore-scripts:
# the package's own `prepare` (npm run build) would run here, before src/ is copied in.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bin ./bin
COPY openapi ./openapi
COPY fixtures ./fixtures
COPY dashboard ./dashboard
# Prune in place rather than a second `npm ci --omit=dev` in the final stage: the same lockfile
# resolution, no second download, and no `prepare` to suppress.
RUN npm run build \
 && npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime: only what the published package holds, plus its production node_modules ----
FROM node:24-slim
# 2 MB young-generation semi-spaces: about 50 MB less resident memory under load, same
# throughput (npm run bench measures the server with this setting).
# glibc keeps memory freed by closed sessions resident unless told to trim it back to the OS. Each
# growth of the heap takes 1 MB more than asked (top pad): trimmed at 128 kB without it, the heap
# shrank and grew again all through a start (~1,500 more page faults, ~50 ms more CPU to the
# first answer), and it keeps at most that 1 MB above what is in use. Its large blocks in
# transparent huge pages where the kernel allows them (glibc 2.35 and newer; others ignore it): a
# start touches ~1,000 fewer fresh pages (the bundle and its copy as text are 2 MB each), and
# resident memory under load was no higher. package.json's start script sets the same.
ENV NODE_ENV=production \
    NODE_OPTIONS=--max-semi-space-size=2 \
    MALLOC_ARENA_MAX=2 \
    MALLOC_TRIM_THRESHOLD_=131072 \
    MALLOC_TOP_PAD_=1048576 \
    GLIBC_TUNABLES=glibc.malloc.hugetlb=1 \
    HOST=0.0.0.0 \
    PORT=8080 \
    MASSIVE_MOCK_DATABASE=/data/massive-mock.db \
    MASSIVE_MOCK_URL_FILE=/tmp/massive-mock.url
WORKDIR /app
# Owned by root and read-only to the `node` user that runs the server, but for /data (below).
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/bin ./bin
COPY --from=build /app/openapi ./openapi
COPY --from=build /app/fixtures ./fixtures
COPY --from=build /app/dashboard ./dashboard
# Node's compile cache (which the bin switches on, and where it keeps the bundle's code cache) in
# a folder of its own, warmed here by running the bin once: a new container's first start reads the
# command's compiled code instead of compiling its 2.5 MB bundle and the functions its start runs.
# Elsewhere the cache would be in /tmp, empty in every new container. It is the only place besides
# /data that `node` writes. The bin takes the bundle's cache once a run has answered its first
# GET /ai (bin/massive-mock.js): this one answers one, then stops on SIGTERM.
ENV NODE_COMPILE_CACHE=/app/.node-compile-cache
RUN mkdir -p /data /app/.node-compile-cache && chown node:node /data /app/.node-compile-cache
VOLUME /data
USER node
RUN node -e "const c=require('child_process').spawn(process.execPath,['bin/massive-mock.js','--port','8089','--database','/tmp/warm.db','--url-file','/tmp/warm.url'],{stdio:['ignore','pipe','inherit']});c.stdout.once('data',()=>fetch('http://127.0.0.1:8089/ai?prompt=x',{headers:{authorization:'Bearer warm'}}).then((r)=>r.arrayBuffer()).finally(()=>c.kill('SIGTERM')));c.on('exit',(code)=>process.exit(code??1))" \
 && ls /app/.node-compile-cache/*/massive-mock-*.bin \
 && rm -f /tmp/warm.db /tmp/warm.db-wal /tmp/warm.db-shm
EXPOSE 8080
# No curl in slim images: Node's own fetch asks the health endpoint, at the URL the server wrote
# once listening (so `--port` given as a flag is followed), else at $PORT.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "let u;try{u=require('fs').readFileSync(process.env.MASSIVE_MOCK_URL_FILE,'utf8').trim()}catch{u='http://127.0.0.1:'+(process.env.PORT||8080)}fetch(u+'/__admin/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# Exec form: node is PID 1 and gets SIGTERM itself (it closes gracefully and exits 0).
ENTRYPOINT ["node", "bin/massive-mock.js"]
