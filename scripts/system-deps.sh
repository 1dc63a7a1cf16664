#!/usr/bin/env bash
# Install the system packages foi-audit uses outside Python (Debian/Ubuntu names):
#   tesseract-ocr (+eng, osd)     OCR of scanned pages (ingest)
#   chromium chromium-driver      the HTML report's browser tests (test suite only)
# Usage: scripts/system-deps.sh [ocr|all]   (default: all)
set -uo pipefail
want=${1:-all}
packages=()
# (osd: orientation data, which turns pages scanned sideways or upside down upright)
tesseract --list-langs 2>/dev/null | grep -qx osd || packages+=(tesseract-ocr tesseract-ocr-eng tesseract-ocr-osd)
if [ "$want" = all ]; then
  command -v chromium >/dev/null 2>&1 || packages+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || packages+=(chromium-driver)
fi
[ ${#packages[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="none"; fi
if command -v apt-get >/dev/null 2>&1 && [ "$sudo" != none ]; then
  echo "Installing system packages: ${packages[*]}" >&2
  $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null && exit 0
fi
echo "Could not install ${packages[*]} automatically." >&2
echo "Install them with your package manager (Debian/Ubuntu: sudo apt-get install ${packages[*]};" >&2
echo "macOS: brew install tesseract chromium). Scanned pages are reported 'needs OCR' until then." >&2
[ "${CI:-}" = true ] && exit 1   # CI must really run the OCR and browser tests
exit 0
