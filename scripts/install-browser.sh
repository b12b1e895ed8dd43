#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests when it is not there yet (the machine cannot
# download browsers any other way). `npm test` runs this first: when Chromium is present it only
# costs a `command -v`; when it is missing and packages may be installed here (root, or sudo
# without a password) it installs it; otherwise it says in one line what to run, and fails.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  echo "The browser tests need Chromium: run 'sudo bash scripts/install-browser.sh' (Debian's chromium package), then npm test again." >&2
  exit 1
fi
echo "Installing Debian's chromium package for the browser tests (once)..." >&2
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt run (an unattended upgrade) instead of failing on its lock.
$SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq chromium >/dev/null
