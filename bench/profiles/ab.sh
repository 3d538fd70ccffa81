#!/bin/bash
# A/B of builds kept with PROFILE_DIST. usage: ab.sh rounds name=dist[:renderer] ...
# Prints the wall total and the CPU time of the page's main thread and highlighting worker (from a
# trace) per run, then medians per name.
cd "$(dirname "$0")/../.."
rounds=$1; shift
log=$(mktemp)
for r in $(seq "$rounds"); do for spec in "$@"; do
  name=${spec%%=*}; rest=${spec#*=}; dist=${rest%%:*}; renderer=rivulet
  [ "$rest" != "$dist" ] && renderer=${rest#*:}
  out=$(PROFILE_TRACE=1 PROFILE_RENDERER=$renderer PROFILE_DIST=$dist PROFILE_SKIP_BUILD=1 npx tsx bench/profiles/profile.ts 2>&1)
  total=$(echo "$out" | grep -oE 'total [0-9]+' | grep -oE '[0-9]+')
  main=$(echo "$out" | grep -oE 'main thread: busy +[0-9]+ ms wall, +[0-9]+ ms cpu' | grep -oE '[0-9]+ ms cpu' | grep -oE '[0-9]+')
  worker=$(echo "$out" | grep -E 'DedicatedWorker' | grep -oE '[0-9]+ ms cpu' | grep -oE '[0-9]+')
  elements=$(echo "$out" | grep -oE 'streamed DOM: [0-9]+' | grep -oE '[0-9]+')
  static=$(echo "$out" | grep -oE 'static [0-9]+' | grep -oE '[0-9]+')
  echo "$name total=$total main_cpu=$main worker_cpu=${worker:-0} elements=$elements static=$static" | tee -a "$log"
done; done
python3 - "$log" <<'PY'
import sys, statistics, collections
d = collections.defaultdict(lambda: collections.defaultdict(list))
for line in open(sys.argv[1]):
    name, *pairs = line.split()
    for pair in pairs:
        key, value = pair.split('=')
        if value: d[name][key].append(int(value))
for name, m in d.items(): print(f"{name:8}", '  '.join(f"{k} {statistics.median(v):.0f}" for k, v in m.items()))
PY
rm -f "$log"
