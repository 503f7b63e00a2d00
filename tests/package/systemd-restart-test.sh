#!/usr/bin/env bash
# The systemd restart test (docs/packaging.md, "Install test"): suanli-host.service promises
# that `systemctl restart suanli-host` keeps the running instances (its KillMode). A real
# systemd boots as PID 1 of a rootful, privileged Podman container made of a bookworm root with
# systemd and Podman; the packages suanli-market and suanli-host are installed there, the market
# and the registered agent run as their units, an instance is launched through the market's REST
# API into the nested Podman (vfs storage, runc, cgroupfs), and the agent is restarted: the
# instance's container must be the same one, started at the same time, still running, and the
# market must see it running once the new agent process has reconnected.
#
#   systemd-restart-test.sh SOURCE_DIR DIST_DIR WORK_DIR
#
# WORK_DIR keeps the root as a tarball keyed by its package list and the .debs apt fetched.
# Exit 77 (ctest SKIP_RETURN_CODE) when dist/ has no packages or not run as root.
set -euo pipefail

. "$(dirname "$0")/root-lib.sh"
root_test_init systemd-test "$@"
root_test_debs suanli-host suanli-market
root_test_need_root "a privileged Podman container booting systemd" podman

# systemd as init, Podman with runc for the nested containers (crun cannot create containers on
# this machine's hybrid cgroups, docs/host.md), iptables for its port mappings, e2fsprogs for the
# agent's per-instance quota, openssh-server for the instance image's sshd, curl and jq for the
# API. No daemon starts in mmdebstrap's chroot (policy-rc.d there only, removed again).
root_test_tarball systemd-root \
  systemd,systemd-sysv,dbus,podman,runc,iptables,e2fsprogs,openssh-server,curl,jq,ca-certificates,iproute2,procps \
  --setup-hook='mkdir -p "$1/usr/sbin" && printf "#!/bin/sh\nexit 101\n" >"$1/usr/sbin/policy-rc.d" && chmod 755 "$1/usr/sbin/policy-rc.d"' \
  --customize-hook='rm -f "$1/usr/sbin/policy-rc.d" "$1"/etc/ssh/ssh_host_*' \
  --customize-hook='echo suanli-systemd-test >"$1/etc/hostname"'

# systemd mounts every cgroup v1 controller the kernel has. One that this machine has not mounted
# (here: net_cls,net_prio, perf_event, hugetlb; PID 1 is not systemd) would become a hierarchy
# of its own, which the kernel keeps after the container is gone, and every later rootful Podman
# container or pod with the cgroupfs manager would then fail ("creating cgroup path for
# net_cls: mkdir /sys/fs/cgroup/net_cls/libpod_parent: read-only file system"). So they are
# mounted here first, where and as systemd mounts them on a machine it runs; they stay mounted.
mount_cgroup_controllers() {
  [[ -d /sys/fs/cgroup/unified || ! -f /sys/fs/cgroup/cgroup.controllers ]] || return 0 # v2 only
  local missing=() c dir
  while read -r c _ _ enabled; do
    [[ $c == \#* || $enabled != 1 ]] && continue
    [[ -e /sys/fs/cgroup/$c ]] && mountpoint -q "$(realpath "/sys/fs/cgroup/$c")" && continue
    missing+=("$c")
  done </proc/cgroups
  ((${#missing[@]})) || return 0
  local groups=() seen=" "
  for c in "${missing[@]}"; do
    case $c in
      net_cls | net_prio) dir=net_cls,net_prio ;;
      cpu | cpuacct) dir=cpu,cpuacct ;;
      *) dir=$c ;;
    esac
    [[ $seen == *" $dir "* ]] || { groups+=("$dir"); seen+="$dir "; }
  done
  log "mounting the cgroup controllers this machine had not: ${groups[*]}"
  local ro=0
  grep -Eq '^[^ ]+ /sys/fs/cgroup tmpfs ro[, ]' /proc/mounts && ro=1
  if ((ro)); then mount -o remount,rw /sys/fs/cgroup; fi
  for dir in "${groups[@]}"; do
    mkdir -p "/sys/fs/cgroup/$dir"
    mount -t cgroup -o "nosuid,nodev,noexec,$dir" cgroup "/sys/fs/cgroup/$dir" \
      || die "cannot mount the cgroup controllers $dir"
    if [[ $dir == *,* ]]; then
      for c in ${dir//,/ }; do [[ -e /sys/fs/cgroup/$c ]] || ln -s "$dir" "/sys/fs/cgroup/$c"; done
    fi
  done
  # An if, not `((ro)) && …`: as the function's last command that would return 1 when /sys/fs/cgroup
  # was writable, and set -e ended the test right after mounting (a fresh machine's first run).
  if ((ro)); then mount -o remount,ro /sys/fs/cgroup; fi
}
mount_cgroup_controllers

name=suanli-pkgtest-systemd-$$
net=suanli-pkgtest-$$
tmp=$(mktemp -d /var/tmp/suanli-systemd.XXXXXX)
cid=
cleanup() {
  set +e
  if podman container exists "$name" 2>/dev/null; then
    if ((${KEEP_LOGS:-1})); then
      podman exec "$name" journalctl --no-pager -n 60 -u suanli-host -u suanli-market \
        >"$work/systemd-journal.log" 2>&1
    fi
    podman rm -f -t 0 "$name" >/dev/null 2>&1
  fi
  # The cgroups systemd and the nested Podman made below the container's own (empty now).
  if [[ -n ${cid:-} ]]; then
    local d
    for d in /sys/fs/cgroup/*/libpod_parent/*"$cid"*; do
      [[ -d $d ]] && find "$d" -depth -type d -exec rmdir {} + 2>/dev/null
    done
  fi
  podman network exists "$net" 2>/dev/null && podman network rm -f "$net" >/dev/null 2>&1
  [[ -d $tmp ]] && rm -rf --one-file-system "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/root"
tar -xf "$tarball" -C "$tmp/root"
mkdir -p "$tmp/root/dist"
cp "${debs[@]}" "$tmp/root/dist/"
# Nested Podman: vfs storage (no overlay on overlay), cgroupfs, runc, events in a file.
cat >"$tmp/root/etc/containers/storage.conf" <<'EOF'
[storage]
driver = "vfs"
runroot = "/run/containers/storage"
graphroot = "/var/lib/containers/storage"
EOF
cat >"$tmp/root/etc/containers/containers.conf" <<'EOF'
[engine]
cgroup_manager = "cgroupfs"
runtime = "runc"
events_logger = "file"
EOF
log "root unpacked in $tmp/root"

# The container's own network (apt reaches the machine's Debian mirror through it; nothing else
# leaves it). systemd wants a writable cgroup tree and /run, /tmp as tmpfs: --systemd=always.
podman network create "$net" >/dev/null
# runc and the inherited ulimits: what the agent does on this machine too (crun cannot create
# containers on hybrid cgroups, and the default nofile ulimit needs CAP_SYS_RESOURCE; docs/host.md).
# The whole cgroup tree (-v /sys/fs/cgroup): on cgroup v1 the container shares this machine's
# cgroup namespace, so /proc/self/cgroup names paths from the top, and the nested runc finds
# them only there (with the container's own subtree mounted it fails: stat
# /sys/fs/cgroup/libpod-…: no such file or directory).
printf '[containers]\ndefault_ulimits = []\n' >"$tmp/containers.conf"
CONTAINERS_CONF=$tmp/containers.conf podman --runtime runc run -d --name "$name" --hostname suanli-systemd-test --network "$net" \
  --privileged -v /sys/fs/cgroup:/sys/fs/cgroup:rw \
  --systemd=always -v "$work/debs:/var/cache/apt/archives" \
  --rootfs "$tmp/root" /sbin/init >/dev/null
cid=$(podman inspect --format '{{.Id}}' "$name")
inx() { podman exec "$name" "$@"; }
state=
for _ in $(seq 300); do
  state=$(inx systemctl is-system-running 2>/dev/null) || true
  [[ $state == running || $state == degraded ]] && break
  sleep 0.2
done
[[ $state == running || $state == degraded ]] || die "systemd did not come up: '$state'"
log "systemd $(inx systemctl --version | head -n 1 | cut -d' ' -f2) is PID 1 of $name ($state)"
[[ $state == running ]] || inx systemctl --failed --no-pager | sed 's/^/  | /'

log "apt-get install ./dist/suanli-host ./dist/suanli-market"
inx bash -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -q /dist/*.deb' \
  >"$work/systemd-apt.log" 2>&1 || { tail -n 30 "$work/systemd-apt.log" >&2; die "apt-get install failed"; }

cp "$src/tests/package/systemd-restart-inside.sh" "$src/tests/package/root-lib.sh" "$tmp/root/"
inx bash /systemd-restart-inside.sh
log "passed in ${SECONDS}s"
