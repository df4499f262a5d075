#!/bin/bash
# docs/cluster/local.sh: the same sweep on one big machine without Slurm, JOBS blocks at a time
# (xargs -P), then the merge. Run it again after a stop or a failure: each block continues.
set -euo pipefail
: "${PARLEY:?set PARLEY to the built CLI, e.g. export PARLEY=~/parley/dist/bundle/bin.js}"
COMMAND=${COMMAND:-sweep}                                     # or sensitivity
SPEC=${SPEC:-pace-and-patience}
METHOD=${METHOD:-}                                            # sensitivity: morris or sobol
PARTS=${PARTS:-results}
N=${N:-16}
RUNS=${RUNS:-runs.csv}
JOBS=${JOBS:-4}                                               # blocks running at once
WORKERS=${WORKERS:-$(($(getconf _NPROCESSORS_ONLN) / JOBS))}  # threads a block
((WORKERS >= 1)) || WORKERS=1
method=()
[[ -z $METHOD ]] || method=(--method "$METHOD")
mkdir -p "$PARTS"
seq 1 "$N" | xargs -P "$JOBS" -I{} node "$PARLEY" "$COMMAND" "$SPEC" "${method[@]}" \
  --shard "{}/$N" --workers "$WORKERS" --out "$PARTS/part-{}.csv" --resume --quiet
parts=()
for ((k = 1; k <= N; k++)); do parts+=("$PARTS/part-$k.csv"); done
if [[ $COMMAND == sensitivity ]]; then
  node "$PARLEY" merge "${parts[@]}" --out "$RUNS"
  node "$PARLEY" sensitivity "$SPEC" "${method[@]}" --analyse "$RUNS"
else
  node "$PARLEY" merge "${parts[@]}" --spec "$SPEC" --out "$RUNS"
fi
