#!/usr/bin/env bash
# Prepares the unprivileged user the rootless host-agent test runs as (tests/host/
# tst_host_rootless, docs/host.md "Rootless"). Run as root; idempotent and quick once done.
#
#   tests/host/rootless-user.sh [USER]      (default: suanli-rootless)
#
# - creates the system user with its own home (its podman storage lives there),
# - gives it subordinate uid/gid ranges in /etc/subuid and /etc/subgid (rootless podman maps
#   the container's users onto them with newuidmap/newgidmap from the uidmap package),
# - makes its XDG_RUNTIME_DIR (/run/user/UID; no systemd-logind here to make it),
# - selects the overlay storage driver for it (the kernel's rootless overlay; podman 4.3 would
#   otherwise fall back to vfs, a full copy of the image per container),
# - loads localhost/suanli/base:bookworm into its storage (podman images are per user) from
#   root's storage, when missing.
# Prints the first thing that stops rootless podman here and exits 1.
set -euo pipefail

user=${1:-suanli-rootless}
image=localhost/suanli/base:bookworm

if [[ $(id -u) -ne 0 ]]; then
  echo "rootless-user: run as root (it creates the user $user)" >&2
  exit 1
fi
for tool in newuidmap newgidmap slirp4netns podman runuser; do
  command -v "$tool" >/dev/null || { echo "rootless-user: $tool is missing (run scripts/setup)" >&2; exit 1; }
done

if ! id "$user" >/dev/null 2>&1; then
  useradd --system --create-home --home-dir "/var/lib/$user" --shell /usr/sbin/nologin "$user"
fi
home=$(getent passwd "$user" | cut -d: -f6)
uid=$(id -u "$user")

# 65536 ids above every range already given out below 2^31: scripts/setup gives Podman's
# --userns=auto the `containers` range from 2^31 - 1 to the top of the 32-bit id space, and a
# range above it would not fit (an entry written in %g form, such as 4.29497e+09, by an older
# version of this script is replaced).
ranges_changed=false
for file in /etc/subuid /etc/subgid; do
  touch "$file"
  grep -q "^$user:[0-9]*\.[0-9]*e+[0-9]*:" "$file" && ranges_changed=true
  sed -i "/^$user:[0-9]*\.[0-9]*e+[0-9]*:/d" "$file"
  if ! grep -q "^$user:" "$file"; then
    start=$(awk -F: 'BEGIN { m = 100000 } $1 != "containers" { e = $2 + $3; if (e > m) m = e } END { printf "%d", m }' "$file")
    if (( start + 65536 > 2147483647 )); then
      echo "rootless-user: no room for $user's ids below 2^31 in $file" >&2
      exit 1
    fi
    echo "$user:$start:65536" >> "$file"
    ranges_changed=true
  fi
done

run_dir=/run/user/$uid
install -d -m 0700 -o "$user" -g "$(id -g "$user")" "$run_dir"

conf_dir=$home/.config/containers
if [[ ! -f $conf_dir/storage.conf ]]; then
  install -d -m 0755 -o "$user" -g "$(id -g "$user")" "$home/.config" "$conf_dir"
  printf '[storage]\ndriver = "overlay"\n' > "$conf_dir/storage.conf"
  chown "$user:" "$conf_dir/storage.conf"
fi

# slirp4netns (rootless networking) opens /dev/net/tun. Debian's udev makes it 0666; a container
# without udev (this CI VM) leaves it 0600 and rootless containers cannot start.
if [[ -c /dev/net/tun ]] && [[ $(stat -c %a /dev/net/tun) != 666 ]]; then
  chmod 0666 /dev/net/tun
fi

as_user() {
  (cd / && runuser -u "$user" -- env -i HOME="$home" XDG_RUNTIME_DIR="$run_dir" \
    PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin "$@")
}

# Podman keeps the user namespace it first made; new ranges take effect after a migrate.
if $ranges_changed && [[ -d $home/.local/share/containers ]]; then
  as_user podman system migrate
fi

if ! as_user podman image exists "$image"; then
  if ! podman image exists "$image"; then
    "$(dirname "$0")/../../scripts/build-base-image"
  fi
  echo "rootless-user: loading $image into $user's storage"
  podman save "$image" | as_user podman load -q >/dev/null
fi
echo "rootless-user: $user (uid $uid) ready, $image present"
