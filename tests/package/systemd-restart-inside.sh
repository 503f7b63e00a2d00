#!/bin/bash
# The steps of tests/package/systemd-restart-test.sh that run inside the container whose PID 1 is
# systemd, after suanli-host and suanli-market were installed there. Not meant for a real machine.
set -euo pipefail
. /root-lib.sh # wait_for (its log and die are replaced below)
SECONDS=0
log() { printf '[inside %3ds] %s\n' "$SECONDS" "$*"; }
die() {
  printf '[inside %3ds] FAIL: %s\n' "$SECONDS" "$*" >&2
  journalctl --no-pager -n 40 -u suanli-host -u suanli-market >&2 || true
  exit 1
}
json() { jq -r "$2" <<<"$1"; } # json TEXT FILTER

# The market: the package enabled and started it (SQLite in /var/lib/suanli-market).
wait_for 300 systemctl is-active --quiet suanli-market || {
  systemctl start suanli-market || true
  wait_for 100 systemctl is-active --quiet suanli-market || die "suanli-market.service is not active"
}
listen=$(sed -n 's/^listen *= *//p' /etc/suanli/market.conf | tail -n 1)
market=http://${listen:-127.0.0.1:8443}
wait_for 300 curl -sf "$market/healthz" || die "the market does not answer $market/healthz"
log "suanli-market.service active (MainPID $(systemctl show -P MainPID suanli-market)), $market/healthz ok"

# Accounts through the admin commands, as the unit's user (the database is its file).
admin() { runuser -u suanli-market -- suanli-market admin --config /etc/suanli/market.conf "$@"; }
admin create-account lender --roles lender >/dev/null
admin create-account renter --roles renter >/dev/null
lender=$(admin issue-token lender)
renter=$(admin issue-token renter)
admin topup renter 100 --key systemd-test >/dev/null
api() { # api METHOD PATH TOKEN [BODY]
  local args=(-sS -f -X "$1" -H "Authorization: Bearer $3" "$market$2")
  [[ $# -lt 4 ]] || args+=(-H 'Content-Type: application/json' -d "$4")
  curl "${args[@]}"
}

# The instance image: the smallest one the agent accepts, /bin/sh, mkdir, chmod and OpenSSH's
# sshd with their libraries, taken from this root (no registry, nothing downloaded).
img=$(mktemp -d)
mkdir -p "$img/usr/bin" "$img/usr/sbin" "$img/usr/lib" "$img/usr/lib64"
for d in bin sbin lib lib64; do ln -s "usr/$d" "$img/$d"; done # merged /usr, as bookworm
for f in /usr/bin/dash /usr/bin/mkdir /usr/bin/chmod /usr/bin/sleep /usr/sbin/sshd; do
  cp -L --parents "$f" "$img"
  ldd "$f" | grep -o '/[^ ]*' | while read -r lib; do cp -L --parents "$lib" "$img"; done
done
ln -s dash "$img/usr/bin/sh"
mkdir -p "$img/etc" "$img/run" "$img/tmp" "$img/var/empty" "$img/workspace" "$img/root"
printf 'root:x:0:0:root:/root:/bin/sh\nsshd:x:100:65534::/run/sshd:/usr/sbin/nologin\n' >"$img/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$img/etc/group"
ref=localhost/suanli/systemd-test:sshd
tar -C "$img" -c . | podman import -q --change 'CMD ["/bin/sh"]' - "$ref" >/dev/null
rm -rf "$img"
log "instance image $ref: $(podman image inspect --format '{{.Size}}' "$ref") bytes (vfs storage, runc)"

# The agent: host.ini is the operator's file (a conffile); this host lends the image above, small.
# runtime = runc: the agent hands podman a containers.conf of its own (CONTAINERS_CONF), which
# hides the system's runc and cgroupfs; with runc named the agent picks cgroupfs itself (runc
# with the systemd cgroup manager cannot start containers on cgroup v1; docs/host.md).
cat >>/etc/suanli/host.ini <<EOF

; Written by tests/package/systemd-restart-inside.sh.
[images]
size = 1
1\\ref = $ref
1\\title = sshd only
EOF
sed -i -e "s|^;url = .*|url = $market|" -e 's|^;memory_mb = .*|memory_mb = 256|' \
  -e 's|^;pids_limit = .*|pids_limit = 128|' -e 's|^;cpus = .*|cpus = 1|' \
  -e 's|^;usage_interval_s = .*|usage_interval_s = 1|' -e 's|^;mode = .*|mode = direct|' \
  -e 's|^;stop_timeout_s = .*|stop_timeout_s = 2|' -e 's|^;runtime = .*|runtime = runc|' \
  /etc/suanli/host.ini
# The documented register step (docs/packaging.md), then the unit.
host_id=$(suanli-host register --config /etc/suanli/host.ini --market "$market" --token "$lender" \
  --name systemd-rig 2>&1 | tee /tmp/register.out | grep -Eo '[0-9]+' | tail -n 1) \
  || die "register failed: $(cat /tmp/register.out)"
[[ -s /var/lib/suanli-host/host.token ]] || die "register wrote no /var/lib/suanli-host/host.token: $(cat /tmp/register.out)"
log "registered host $host_id: $(tr '\n' ' ' </tmp/register.out)"
systemctl enable --now suanli-host
online() { [[ $(json "$(api GET /api/v1/hosts "$lender")" ".hosts[] | select(.id == $host_id) | .online") == true ]]; }
wait_for 300 online || die "the agent did not connect to the market"
log "suanli-host.service active (MainPID $(systemctl show -P MainPID suanli-host)), online at the market"

# An instance, launched by the renter through the REST API (docs/market.md).
offers=$(api GET /api/v1/offers "$renter")
offer=$(json "$offers" "[.offers[] | select(.host_id == $host_id) | .id][0]")
[[ $offer =~ ^[0-9]+$ ]] || die "no offer of host $host_id in $offers"
key=$(ssh-keygen -q -t ed25519 -N '' -f /tmp/renter_key >/dev/null && cat /tmp/renter_key.pub)
created=$(api POST /api/v1/instances "$renter" "{\"offer_id\":$offer,\"gpu_count\":0,\"image\":\"$ref\",\"disk_gb\":1,\"ssh_public_key\":\"$key\"}") \
  || die "POST /api/v1/instances failed"
instance=$(json "$created" '(.instance // .) | .id')
[[ $instance =~ ^[0-9]+$ ]] || die "no instance id in $created"
state() { json "$(api GET "/api/v1/instances/$instance" "$renter")" '(.instance // .) | .state'; }
for _ in $(seq 600); do
  s=$(state)
  [[ $s == running || $s == failed ]] && break
  sleep 0.1
done
[[ $s == running ]] || die "instance $instance is $s, not running: $(api GET "/api/v1/instances/$instance" "$renter")"
container=$(podman ps --format '{{.Names}}' --filter "label=suanli.instance=$instance")
[[ -n $container ]] || die "no container of instance $instance: $(podman ps -a)"
before=$(podman inspect --format '{{.Id}} {{.State.StartedAt}} {{.State.Pid}}' "$container")
agent_before=$(systemctl show -P MainPID suanli-host)
log "instance $instance running: container $container ($before)"

# The restart. KillMode= of the unit decides whether the container survives it.
log "systemctl restart suanli-host (KillMode=$(systemctl show -P KillMode suanli-host))"
systemctl restart suanli-host
agent_after=$(systemctl show -P MainPID suanli-host)
[[ $agent_after != "$agent_before" && $agent_after != 0 ]] || die "the agent did not restart ($agent_before → $agent_after)"
kill -0 "$agent_before" 2>/dev/null && die "the old agent $agent_before still runs"
wait_for 300 online || die "the restarted agent did not reconnect"
# The market must have heard from the new process: its state is per connection.
reconnected() { journalctl -u suanli-host --no-pager -o cat "_PID=$agent_after" | grep -qi 'welcome\|connected'; }
wait_for 300 reconnected || die "the new agent ($agent_after) logged no connection to the market"
after=$(podman inspect --format '{{.Id}} {{.State.StartedAt}} {{.State.Pid}}' "$container" 2>&1) \
  || die "the container $container is gone after the restart"
[[ $(podman inspect --format '{{.State.Status}}' "$container") == running ]] \
  || die "the container $container is not running after the restart"
[[ $after == "$before" ]] || die "the container changed across the restart: $before → $after"
sleep 2 # a usage report of the new agent (usage_interval_s = 1)
s=$(state)
[[ $s == running ]] || die "the market sees instance $instance as $s after the agent's restart"
log "after the restart: agent $agent_before → $agent_after, container $container unchanged ($after), the market says $s"

# The instance still answers as a renter sees it: sshd's banner on its published port.
port=$(podman port "$container" 22/tcp | head -n 1)
banner=$(timeout 5 bash -c "exec 3<>/dev/tcp/${port%:*}/${port##*:}; head -c 7 <&3") || true
[[ $banner == SSH-2.0 ]] || die "the instance's sshd on $port does not answer ($banner)"
log "the instance's sshd answers on $port"
api DELETE "/api/v1/instances/$instance" "$renter" >/dev/null || die "DELETE failed"
wait_for 300 bash -c "! podman container exists $container" || die "the destroyed instance's container stays"
log "destroyed; passed"
