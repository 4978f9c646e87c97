#!/usr/bin/env bash
# Makes sure the system packages bandtimer builds against are present.
#
# simpleaudio-patched compiles a small C extension against ALSA, so a fresh Debian or Ubuntu
# machine needs gcc, the Python headers, venv support and libasound2-dev. The spoken coaching
# uses espeak-ng (bandtimer runs without it, with beeps only; the voice tests need it). When something is
# missing we install it with apt-get (as root, or through sudo without a password prompt);
# otherwise we print the exact command and stop, rather than failing later inside pip.
set -euo pipefail

missing=()
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
[ -f /usr/include/alsa/asoundlib.h ] || missing+=(libasound2-dev)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
pyinc=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
[ -f "$pyinc/Python.h" ] || missing+=(python3-dev)
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
# `make bench` also drives the app in a real terminal, so it asks for tmux with --bench.
if [ "${1:-}" = "--bench" ]; then
    command -v tmux >/dev/null 2>&1 || missing+=(tmux)
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "bandtimer needs: ${missing[*]} (Debian/Ubuntu package names); please install them." >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    echo "bandtimer needs system packages. Please run:" >&2
    echo "    sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi
echo "Installing system packages: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
