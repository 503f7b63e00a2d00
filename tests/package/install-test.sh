#!/usr/bin/env bash
# The install test (docs/packaging.md, "Install test"): the three .deb files of dist/ installed
# into a clean Debian bookworm root made by mmdebstrap, dependencies from the archive only;
# inside it the market runs from its unit's own command line and answers /healthz, the agent's
# self-test runs, the app starts under Xvfb and is photographed, then the packages are purged and
# anything they left fails the test.
#
#   install-test.sh SOURCE_DIR DIST_DIR WORK_DIR
#
# WORK_DIR keeps the bare root as a tarball keyed by its package list (and the .debs apt fetched),
# so a second run skips mmdebstrap. Exit 77 (ctest SKIP_RETURN_CODE) when dist/ has no packages
# or when not run as root (chroot, mount and network namespaces).
set -euo pipefail

[[ $# -eq 3 ]] || { echo "usage: install-test.sh SOURCE_DIR DIST_DIR WORK_DIR" >&2; exit 2; }
src=$(realpath "$1")
dist=$(realpath -m "$2")
work=$(realpath -m "$3")
SECONDS=0
log() { printf '[install-test %3ds] %s\n' "$SECONDS" "$*"; }
die() { printf '[install-test %3ds] FAIL: %s\n' "$SECONDS" "$*" >&2; exit 1; }

debs=()
for p in suanli suanli-host suanli-market; do
  f=$(find "$dist" -maxdepth 1 -name "${p}_*_*.deb" 2>/dev/null | sort | tail -n 1)
  if [[ -z $f ]]; then
    echo "install-test: SKIP: no ${p}_*.deb in $dist (scripts/package builds them)"
    exit 77
  fi
  debs+=("$f")
done
if [[ $(id -u) -ne 0 ]]; then
  echo "install-test: SKIP: needs root (chroot, mount and network namespaces)"
  exit 77
fi
for tool in mmdebstrap unshare chroot ip sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is missing (run scripts/setup)"
done

# The machine's own Debian sources, as scripts/build-base-image uses them.
sources=()
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
  [[ -f $f ]] && grep -Eq '^[^#]*(debian\.org|/debian)' "$f" && sources+=("$f")
done
((${#sources[@]})) || die "no Debian apt source found in /etc/apt"

# The bare root: what a user's bookworm has (apt) plus the tools this test drives it with —
# an X server, window lookup, a screenshot tool and curl. None of them is a Suanli dependency.
tools=xvfb,xauth,xdotool,x11-utils,imagemagick,curl,ca-certificates
mkdir -p "$work/debs"
key=$(printf '%s\n' bookworm apt "$tools" "$(cat "${sources[@]}")" | sha256sum | cut -c1-16)
tarball=$work/root-$key.tar
if [[ ! -s $tarball ]]; then
  log "building the bare bookworm root with mmdebstrap (cached as $tarball)"
  rm -f "$work"/root-*.tar
  # policy-rc.d: in a chroot no package may start a daemon (openssh-server, recommended by
  # suanli-market, would otherwise start an sshd on port 22 of this machine); the standard way.
  # No --dpkgopt path filters: they pass every package through mmtarfilter, several times slower.
  mmdebstrap --mode=root --variant=apt --include="$tools" \
    --skip=download/empty \
    --setup-hook='mkdir -p "$1/var/cache/apt/archives" && { cp '"$work"'/debs/*.deb "$1/var/cache/apt/archives/" 2>/dev/null || true; }' \
    --customize-hook='cp -n "$1"/var/cache/apt/archives/*.deb '"$work"'/debs/ 2>/dev/null || true' \
    --customize-hook='rm -f "$1"/var/cache/apt/archives/*.deb' \
    --customize-hook='printf "#!/bin/sh\nexit 101\n" >"$1/usr/sbin/policy-rc.d" && chmod 755 "$1/usr/sbin/policy-rc.d"' \
    bookworm "${tarball%.tar}.part.tar" "${sources[@]}" >"$work/mmdebstrap.log" 2>&1 \
    || { tail -n 30 "$work/mmdebstrap.log" >&2; die "mmdebstrap failed"; }
  mv "${tarball%.tar}.part.tar" "$tarball"
  log "bare root ready ($(du -h "$tarball" | cut -f1))"
else
  log "bare root from cache: $tarball"
fi

# in_root NETWORK STEP: runs the inside script's STEP chrooted into the root, in mount and PID
# namespaces of its own (a killed run leaves no mount and no process); NETWORK=none adds a
# network namespace with only loopback (the market's port, the X display), NETWORK=host keeps
# this machine's network for apt.
in_root() {
  local net=() up=:
  if [[ $1 == none ]]; then net=(--net); up='ip link set lo up'; fi
  unshare --mount --pid --fork --propagation private "${net[@]}" -- /bin/bash -euc '
    '"$up"'
    r=$1; shift
    mount -t proc proc "$r/proc"
    mount -t sysfs sysfs "$r/sys"
    mount --rbind /dev "$r/dev"
    mount -t tmpfs -o mode=755 tmpfs "$r/run"
    mount -t tmpfs -o mode=1777 tmpfs "$r/tmp"
    mount --bind "$1" "$r/var/cache/apt/archives"
    shift
    exec chroot "$r" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
      /bin/bash /install-test-inside.sh "$@"' in_root "$root" "$work/debs" "${@:2}"
}

# For a look at one step (install, run, purge) in a root kept by SUANLI_INSTALL_TEST_KEEP=1:
# SUANLI_INSTALL_TEST_ROOT=DIR SUANLI_INSTALL_TEST_STEP=run install-test.sh …
if [[ -n ${SUANLI_INSTALL_TEST_STEP:-} ]]; then
  cp "$src/tests/package/install-test-inside.sh" "$SUANLI_INSTALL_TEST_ROOT/install-test-inside.sh"
  root=$SUANLI_INSTALL_TEST_ROOT
  in_root none "$SUANLI_INSTALL_TEST_STEP"
  exit
fi

root=$(mktemp -d /var/tmp/suanli-install.XXXXXX)
cleanup() {
  if [[ -n ${SUANLI_INSTALL_TEST_KEEP:-} ]]; then
    echo "install-test: root kept in $root (SUANLI_INSTALL_TEST_KEEP)" >&2
    return
  fi
  # Every mount lived in the namespaces of unshare below and went with them; nothing to unmount.
  if [[ -n ${root:-} && -d $root ]]; then
    if grep -q " $root" /proc/mounts; then
      echo "install-test: $root still has mounts, left in place" >&2
    else
      rm -rf --one-file-system "$root"
    fi
  fi
}
trap cleanup EXIT
tar -xf "$tarball" -C "$root"
mkdir -p "$root/dist"
cp "${debs[@]}" "$root/dist/"
cp "$src/tests/package/install-test-inside.sh" "$root/install-test-inside.sh"
log "root unpacked in $root: ${debs[*]##*/}"

log "apt-get install ./dist/*.deb (dependencies from the archive)"
in_root host install
log "installed; running the programs (no network but loopback)"
in_root none run
[[ -s $root/out/installed.png ]] || die "no screenshot came out"
cp "$root/out/installed.png" "$work/installed.png"
log "screenshot: $work/installed.png"
if [[ ${SUANLI_UPDATE_SCREENSHOTS:-} == 1 ]]; then
  cp "$root/out/installed.png" "$src/docs/screenshots/installed.png"
  log "screenshot copied to docs/screenshots/installed.png"
fi
log "apt-get purge"
in_root host purge
log "passed in ${SECONDS}s"
