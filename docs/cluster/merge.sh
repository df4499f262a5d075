#!/bin/bash
# docs/cluster/merge.sh: joins the blocks of sweep.sbatch into one file, checked against the
# spec, with its summary (a sensitivity analysis: the indices, from the merged file). Submitted to start once every task of the array succeeded:
#   sbatch --dependency=afterok:$jobid merge.sh
#SBATCH --job-name=parley-merge
#SBATCH --time=00:30:00
#SBATCH --output=logs/merge-%j.log
# If a task failed, this job never starts (DependencyNeverSatisfied): scancel it, resubmit that
# task (sbatch --array=K sweep.sbatch: it continues its block), then submit the merge again.
set -euo pipefail
: "${PARLEY:?set PARLEY to the built CLI, e.g. export PARLEY=~/parley/dist/bundle/bin.js}"
COMMAND=${COMMAND:-sweep}
SPEC=${SPEC:-pace-and-patience}
METHOD=${METHOD:-}
PARTS=${PARTS:-results}
N=${N:-16}
RUNS=${RUNS:-runs.csv}  # the merged file; its summary goes beside it (runs.summary.csv)
parts=()
for ((k = 1; k <= N; k++)); do parts+=("$PARTS/part-$k.csv"); done
if [[ $COMMAND == sensitivity ]]; then
  method=()
  [[ -z $METHOD ]] || method=(--method "$METHOD")
  # --analyse checks every row of the merged file against the spec, then writes the indices.
  node "$PARLEY" merge "${parts[@]}" --out "$RUNS"
  exec node "$PARLEY" sensitivity "$SPEC" "${method[@]}" --analyse "$RUNS"
fi
exec node "$PARLEY" merge "${parts[@]}" --spec "$SPEC" --out "$RUNS"
