#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is not there yet (the machine cannot
# download browsers any other way). Needs root or sudo; skips quietly when Chromium is present.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
