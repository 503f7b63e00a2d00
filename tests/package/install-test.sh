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

. "$(dirname "$0")/root-lib.sh"
root_test_init install-test "$@"
root_test_debs suanli suanli-host suanli-market
root_test_need_root "chroot, mount and network namespaces" unshare chroot ip

# The bare root: what a user's bookworm has (apt) plus the tools this test drives it with —
# an X server, window lookup, a screenshot tool and curl. None of them is a Suanli dependency.
# policy-rc.d: in a chroot no package may start a daemon (openssh-server, recommended by
# suanli-market, would otherwise start an sshd on port 22 of this machine); the standard way.
# No --dpkgopt path filters: they pass every package through mmtarfilter, several times slower.
root_test_tarball root xvfb,xauth,xdotool,x11-utils,imagemagick,curl,ca-certificates \
  --customize-hook='printf "#!/bin/sh\nexit 101\n" >"$1/usr/sbin/policy-rc.d" && chmod 755 "$1/usr/sbin/policy-rc.d"'

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
  cp "$src/tests/package/install-test-inside.sh" "$src/tests/package/root-lib.sh" "$SUANLI_INSTALL_TEST_ROOT/"
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
cp "$src/tests/package/install-test-inside.sh" "$src/tests/package/root-lib.sh" "$root/"
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
