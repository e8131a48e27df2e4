#!/usr/bin/env bash
# Headless video throughput (decode, detect, track, recognise; no drawing) on the two dataset clips, median of 3 runs
# after a warm-up run, with the CPU time per frame and the load average (the dev machine is shared: compare CPU ms).
#   scripts/video-bench.sh            # the settings of the README's table
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q -ntp -DskipTests -pl face4j-bench -am package
D="${FACE4J_DATASETS:-$ROOT/../shared/datasets}"
H="$D/videos/face_recognition/short_hamilton_clip.mp4"
C="$D/videos/facenet-pytorch/video.mp4"
P="$D/face_recognition-examples/examples/lin-manuel-miranda.png"
run() { java -cp "face4j-bench/target/face4j-bench.jar:face4j-bench/target/lib/*" io.face4j.bench.VideoThroughput "$@" 3; }
#   clip every detect-size min-face threads
run "$H" "$P" 3 960 40 1
run "$H" "$P" 5 960 40 1
run "$C" "$P" 3 960 20 1
run "$C" "$P" 5 640 20 1
