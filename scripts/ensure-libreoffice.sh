#!/usr/bin/env bash
# Makes sure LibreOffice (`soffice`) is installed: tests read the .docx files figcheck writes
# (`check --annotate`) back with LibreOffice headless, and CI must run them, not skip them.
# Idempotent: does nothing when soffice is already on the PATH; otherwise installs Debian's
# libreoffice-writer-nogui (Writer without the GUI toolkits) and CJK fonts with apt-get.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y libreoffice-writer-nogui fonts-noto-cjk
command -v soffice >/dev/null 2>&1 || { echo "ensure-libreoffice: soffice still missing after install" >&2; exit 1; }
