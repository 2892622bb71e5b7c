#!/usr/bin/env bash
# Runs the platform:  ./run.sh [--demo] [platform settings…]
#
# The .NET SDK brings everything the platform needs but one thing: a Chinese font for the
# certificate PDF (docs/certificate.md), without which the platform refuses to start. This script
# installs Debian's fonts-wqy-microhei when no WenQuanYi font is present (apt-get, as root or
# through sudo) and then runs `dotnet run -c Release --project src/DataIp.Web -- "$@"`: SQLite and
# keys under ./data, listening on http://127.0.0.1:5080. A font set with DataIp:Certificates:FontPath (or
# DataIp__Certificates__FontPath) is used instead, and nothing is installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

font_configured() {
  [[ -n "${DataIp__Certificates__FontPath:-}" ]] && return 0
  local arg
  for arg in "$@"; do
    [[ $arg == --DataIp:Certificates:FontPath=* ]] && return 0
  done
  return 1
}

if ! font_configured "$@" && ! compgen -G "/usr/share/fonts/truetype/wqy/wqy-*.ttc" >/dev/null; then
  echo "==> Installing fonts-wqy-microhei (the certificate PDF's Chinese font)" >&2
  install=(sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends fonts-wqy-microhei')
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || {
      echo "run.sh: no Chinese font for certificates. Install one as root: apt-get install fonts-wqy-microhei" >&2
      exit 1
    }
    install=(sudo "${install[@]}")
  fi
  "${install[@]}" >&2 || { echo "run.sh: couldn't install fonts-wqy-microhei; install it and run again" >&2; exit 1; }
fi

# The Release build: what the log reports ("Hosting environment: Production") is then true of the
# build that runs. (A plain `dotnet run` is a Debug build, which reports the same environment.)
exec dotnet run -c Release --project src/DataIp.Web -- "$@"
