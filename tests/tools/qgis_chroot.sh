#!/bin/bash
# Run a command in a fresh clone of this repository inside another Debian with its own QGIS:
#   trixie  Debian 13: QGIS 3.40 LTR, Python 3.13, urllib3 2, GDAL 3.10, numpy 2
#   sid     Debian unstable: the newest QGIS Debian has (3.44 when written), Python 3.13/3.14
#
#   tests/tools/qgis_chroot.sh trixie                     # make test
#   tests/tools/qgis_chroot.sh trixie 'make test && make demo'
#   EO_CHROOT_KEEP=1 ...                                  # keep the clone afterwards (its path is printed)
#
# The chroot is built with debootstrap from Debian's packages the first time (a few minutes, then reused) under
# $EO_CHROOT_DIR (default /var/cache/eo-connector-chroot); it needs root, as the project's machines and CI have.
# Everything is mounted in a private mount namespace, so the mounts vanish when the command ends, however it ends.
# What runs is the committed HEAD (a clone), never uncommitted changes: the same thing CI would see.
set -euo pipefail

suite=${1:?usage: qgis_chroot.sh trixie|sid [command]}
shift
command=${*:-make test}
case "$suite" in trixie | sid) ;; *) echo "qgis_chroot.sh: the suite is trixie or sid" >&2; exit 2 ;; esac
[ "$(id -u)" = 0 ] || { echo "qgis_chroot.sh: needs root (debootstrap, chroot, mount)" >&2; exit 2; }

repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
root=${EO_CHROOT_DIR:-/var/cache/eo-connector-chroot}/$suite
ready=$root/.eo-connector-ready
packages="qgis python3-qgis python3-venv python3-pip xvfb git make ca-certificates"

log() { echo "qgis_chroot.sh [$suite]: $*" >&2; }

host_files_into_chroot() {
  # The same package index, proxy and trust store as the host, so pip and apt inside reach what the host reaches.
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/ca-certificates.crt" 2>/dev/null || true
  if [ -f /etc/pip.conf ]; then cp /etc/pip.conf "$root/etc/pip.conf"; fi
  for file in /etc/apt/apt.conf.d/*proxy*; do [ -f "$file" ] && cp "$file" "$root/etc/apt/apt.conf.d/"; done
  return 0
}

in_chroot() {
  # $1: the shell command to run inside. proc, dev and a fresh /tmp exist only in this private namespace.
  unshare --mount --propagation private bash -s -- "$root" "$1" <<'INNER'
set -e
root=$1
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
mount -t tmpfs tmpfs "$root/tmp"
exec chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin CI="${CI:-}" \
  DEBIAN_FRONTEND=noninteractive SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
  REQUESTS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt PIP_CERT=/etc/ssl/certs/ca-certificates.crt \
  bash -c "$2"
INNER
}

build() {
  log "building Debian $suite with QGIS in $root (once per machine, a few minutes)"
  command -v debootstrap >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null; }
  rm -rf "$root"
  mkdir -p "$root"
  if ! debootstrap --variant=minbase "$suite" "$root" http://deb.debian.org/debian >"$root.debootstrap.log" 2>&1; then
    tail -5 "$root.debootstrap.log" >&2
    return 1
  fi
  # A mirror snapshot may serve Release files past their Valid-Until date (sid's often are).
  echo 'Acquire::Check-Valid-Until "false";' >"$root/etc/apt/apt.conf.d/99no-valid-until"
  host_files_into_chroot
  if ! in_chroot "apt-get update -q && apt-get install -y -q $packages" >"$root.apt.log" 2>&1; then
    tail -5 "$root.apt.log" >&2
    return 1
  fi
  in_chroot "python3 -c 'import qgis.core'" || return 1
  touch "$ready"
}

[ -f "$ready" ] || build || { log "could not build the chroot (logs: $root.*.log)"; exit 1; }
host_files_into_chroot

work=$(mktemp -d "$root/root/run.XXXXXX")
cleanup() {
  if [ -n "${EO_CHROOT_KEEP:-}" ]; then log "clone kept in $work/project"; else rm -rf "$work"; fi
}
trap cleanup EXIT
git clone -q "$repo" "$work/project"
# The protocol references and seeds sit beside the repository on every machine: give the clone the same neighbour.
if [ -d "$repo/../shared" ]; then cp -r "$repo/../shared" "$work/shared"; fi
inner=/root/$(basename "$work")/project
log "$(in_chroot "python3 -c 'import qgis.core, sys; print(\"QGIS\", qgis.core.Qgis.QGIS_VERSION, \"Python\", sys.version.split()[0])'" 2>/dev/null | tail -1)"
log "running: $command"
in_chroot "cd '$inner' && $command"
