#!/usr/bin/env bash
# Builds face4j-bench and runs its JMH benchmarks. Extra arguments go to JMH, e.g. a benchmark regex:
#   scripts/bench.sh DetectBenchmark
#   scripts/bench.sh -p minFaceSize=40 Detect
# Datasets: -Dface4j.datasets is set to ../shared/datasets unless FACE4J_DATASETS is set.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q -ntp -DskipTests -pl face4j-bench -am package
DATASETS="${FACE4J_DATASETS:-$ROOT/../shared/datasets}"
exec java -Dface4j.datasets="$DATASETS" -cp "face4j-bench/target/face4j-bench.jar:face4j-bench/target/lib/*" \
  org.openjdk.jmh.Main "$@"
