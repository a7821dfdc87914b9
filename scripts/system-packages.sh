#!/usr/bin/env bash
# Installs the Debian packages Rancang needs, only those missing:
#   Pango and HarfBuzz for WeasyPrint, Cairo for the charts of the Word books (cairosvg), poppler-utils (pdftotext/pdftoppm) and qpdf (structure check) for the book tests,
#   gettext for the translations, Chromium for the browser tests.
set -euo pipefail
PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libcairo2 fontconfig poppler-utils qpdf gettext chromium)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "Missing packages (${missing[*]}) and no root or sudo: install them with apt-get." >&2; exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
