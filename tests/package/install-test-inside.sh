#!/bin/bash
# The steps of tests/package/install-test.sh that run inside the bookworm root (chrooted, in
# namespaces of their own): install, run, purge. Not meant to be run on a real machine.
set -euo pipefail
. /root-lib.sh # wait_for (its log and die are replaced below)
SECONDS=0
log() { printf '[inside %3ds] %s\n' "$SECONDS" "$*"; }
die() { printf '[inside %3ds] FAIL: %s\n' "$SECONDS" "$*" >&2; exit 1; }
export DEBIAN_FRONTEND=noninteractive

# The value of KEY= in the [Service] section of a unit file (the last one wins, as in systemd).
unit_value() { # unit_value FILE KEY
  awk -v key="$2" '
    /^\[/ { service = ($0 == "[Service]") }
    service && index($0, key "=") == 1 { value = substr($0, length(key) + 2) }
    END { print value }' "$1"
}

# A unit's file where the package put it (bookworm: /lib/systemd/system).
unit_file() {
  local f
  for f in /lib/systemd/system/$1 /usr/lib/systemd/system/$1; do
    [[ -f $f ]] && { echo "$f"; return; }
  done
  die "$1 is not installed in /lib/systemd/system or /usr/lib/systemd/system"
}


step_install() {
  apt-get update -qq
  # apt resolves every dependency of the three files from the archive; Recommends too, as a user's
  # `apt install` would.
  # (No fsync in this throwaway root: dpkg's unsafe-io, as mmdebstrap itself uses.)
  apt-get install -y -q -o DPkg::Options::=--force-unsafe-io /dist/*.deb
  local p
  for p in suanli suanli-host suanli-market; do
    dpkg-query -W -f='${Package} ${Version} ${Status}\n' "$p" | tee -a /tmp/installed
    dpkg-query -W -f='${Status}' "$p" | grep -q 'install ok installed' || die "$p is not installed"
  done
  # What the three packages put on disk, for the purge step (their own files plus the ones their
  # maintainer scripts made: the state folders, the users' entries are checked separately).
  mkdir -p /out
  dpkg -L suanli suanli-host suanli-market | sort -u >/out/files
  log "installed: $(wc -l </out/files) paths from the three packages"
}

step_market() {
  local unit exec user group state line port mode umask_
  unit=$(unit_file suanli-market.service)
  exec=$(unit_value "$unit" ExecStart)
  user=$(unit_value "$unit" User)
  group=$(unit_value "$unit" Group)
  state=$(unit_value "$unit" StateDirectory)
  [[ -n $exec && -n $user && -n $state ]] || die "$unit lacks ExecStart=, User= or StateDirectory="
  [[ $exec != *'$'* && $exec != [-@:+!]* ]] || die "ExecStart= uses a prefix or variable this test does not expand: $exec"
  group=${group:-$(id -gn "$user")}
  log "suanli-market.service: ExecStart=$exec (User=$user Group=$group StateDirectory=$state)"
  id "$user" >/dev/null || die "the unit's user $user does not exist (the package's postinst makes it)"
  # What systemd does for StateDirectory= before it starts the service: /var/lib/NAME, owned by
  # the unit's user and group, mode StateDirectoryMode= (0755 by default); STATE_DIRECTORY is
  # set, and so is the unit's UMask= (systemd's default 0022).
  mode=$(unit_value "$unit" StateDirectoryMode)
  umask_=$(unit_value "$unit" UMask)
  install -d -o "$user" -g "$group" -m "${mode:-0755}" "/var/lib/$state"
  read -ra argv <<<"$exec"
  (
    umask "${umask_:-0022}"
    exec setpriv --reuid="$user" --regid="$group" --init-groups -- \
      env STATE_DIRECTORY="/var/lib/$state" "${argv[@]}"
  ) >/tmp/market.out 2>/tmp/market.err &
  MARKET_PID=$!
  wait_for 300 grep -q 'listening on' /tmp/market.out || {
    cat /tmp/market.out /tmp/market.err >&2
    die "the market does not say it listens"
  }
  line=$(grep -m1 'listening on' /tmp/market.out)
  log "$line"
  port=${line##*:}
  local code
  code=$(curl -s -o /tmp/healthz -w '%{http_code}' "http://127.0.0.1:$port/healthz")
  [[ $code == 200 ]] || die "GET /healthz answered $code: $(cat /tmp/healthz)"
  log "GET /healthz → $code $(cat /tmp/healthz)"
  [[ $(stat -c %U "/var/lib/$state/market.db" 2>/dev/null) == "$user" ]] \
    || die "the market's database is not /var/lib/$state/market.db owned by $user: $(ls -la "/var/lib/$state")"
  log "the database is /var/lib/$state/market.db, owned by $user"
}

step_selftest() {
  local unit config rc=0
  unit=$(unit_file suanli-host.service)
  # The agent's configuration as its unit passes it.
  config=$(unit_value "$unit" ExecStart | grep -o -- '--config [^ ]*' | cut -d' ' -f2)
  [[ -n $config && -f $config ]] || die "suanli-host.service names no installed --config file"
  suanli-host self-test --config "$config" >/tmp/selftest.out 2>&1 || rc=$?
  sed 's/^/  | /' /tmp/selftest.out
  # Documented (docs/host.md): one line per check, ok / warn / FAIL, exit 1 when one failed.
  grep -Ev '^(ok|warn|FAIL) +[a-z0-9 ]+: ' /tmp/selftest.out && die "self-test printed a line that is not a check"
  local name
  for name in 'state folder' address network podman; do
    grep -Eq "^(ok|warn|FAIL) +$name: " /tmp/selftest.out || die "self-test has no '$name' line"
  done
  grep -Eq '^ok +state folder: /var/lib/suanli-host$' /tmp/selftest.out \
    || die "the state folder is not /var/lib/suanli-host"
  if grep -q '^FAIL' /tmp/selftest.out; then
    ((rc == 1)) || die "self-test reported a failure but exited $rc"
  else
    ((rc == 0)) || die "self-test reported no failure but exited $rc"
  fi
  # This root has Podman (a dependency of suanli-host) but none of the images host.ini names:
  # the image check must say so, and that is the one failure expected here.
  grep -Eq '^FAIL +image: .* is not in podman.s storage' /tmp/selftest.out \
    || die "self-test did not report the missing image"
  if grep '^FAIL' /tmp/selftest.out | grep -Ev '^FAIL +image: '; then
    die "self-test failed a check other than the image: the packages lack something"
  fi
  log "suanli-host self-test: $(grep -c . /tmp/selftest.out) checks, exit $rc (the image is not in this root's storage)"
}

# The X server the app is shown on, proven reachable by the app's own user before the app starts.
start_x() {
  Xvfb :7 -screen 0 1600x1000x24 -nolisten tcp -noreset >/tmp/xvfb.log 2>&1 &
  XVFB_PID=$!
  wait_for 100 setpriv --reuid=renter --regid=renter --init-groups -- env DISPLAY=:7 xdpyinfo \
    || die "Xvfb did not start (or renter cannot reach it): $(tr '\n' ' ' </tmp/xvfb.log)"
}

# Why the app is gone, on one line (the end of a long log is what a CI summary keeps): its exit
# status or signal, whether the X server still runs, and the last lines the app printed.
app_gone() {
  local rc=0 x=running
  wait "$APP_PID" || rc=$?
  kill -0 "$XVFB_PID" 2>/dev/null || x="gone ($(tr '\n' ' ' </tmp/xvfb.log | tail -c 300))"
  sed 's/^/  app| /' /tmp/app.log >&2
  ((rc > 128)) && rc="signal $(kill -l $((rc - 128)))"
  echo "status $rc, Xvfb $x, app's last lines: $(grep -v '^$' /tmp/app.log | tail -n 4 | tr '\n' ' ')"
}

step_app() {
  local wid colours
  id renter >/dev/null 2>&1 || useradd --create-home --shell /bin/bash renter
  export DISPLAY=:7
  start_x
  setpriv --reuid=renter --regid=renter --init-groups -- env HOME=/home/renter DISPLAY=:7 \
    XDG_RUNTIME_DIR=/tmp/renter-run suanli --local >/tmp/app.log 2>&1 &
  APP_PID=$!
  wid=
  for _ in $(seq 300); do
    wid=$(xdotool search --onlyvisible --pid "$APP_PID" 2>/dev/null | head -n 1) || true
    [[ -n $wid ]] && break
    kill -0 "$APP_PID" 2>/dev/null || die "suanli --local exited: $(app_gone)"
    sleep 0.1
  done
  [[ -n $wid ]] || { xwininfo -root -tree >&2; die "suanli --local showed no window in 30 s: $(tr '\n' ' ' </tmp/app.log)"; }
  log "window $wid: $(xwininfo -id "$wid" | grep -E 'xwininfo:|Width|Height' | tr -s ' \n' ' ')"
  sleep 3 # the first paint of its pages
  kill -0 "$APP_PID" || die "suanli --local died after showing its window: $(app_gone)"
  import -window "$wid" /out/installed.png
  colours=$(convert /out/installed.png -format %k info:)
  ((colours > 16)) || die "the screenshot has only $colours colours: nothing was drawn"
  log "screenshot: $(identify -format '%wx%h' /out/installed.png), $colours colours"
}

step_run() {
  MARKET_PID='' APP_PID='' XVFB_PID=''
  trap '[[ -z $MARKET_PID ]] || kill $MARKET_PID 2>/dev/null; [[ -z $APP_PID ]] || kill $APP_PID 2>/dev/null; [[ -z $XVFB_PID ]] || kill $XVFB_PID 2>/dev/null' EXIT
  step_market
  step_selftest
  step_app
  kill "$APP_PID" "$MARKET_PID"
  wait "$APP_PID" "$MARKET_PID" 2>/dev/null || true
  MARKET_PID='' APP_PID=''
}

step_purge() {
  apt-get purge -y -q suanli suanli-host suanli-market
  log "dpkg -l after the purge:"
  dpkg -l 'suanli*' 2>&1 | sed 's/^/  | /' || true
  local left=() path
  if dpkg-query -W -f='${Package} ${Status}\n' suanli suanli-host suanli-market 2>/dev/null |
    grep -v 'not-installed' | grep -q .; then
    left+=("dpkg still knows: $(dpkg-query -W -f='${Package}=${Status} ' suanli suanli-host suanli-market 2>/dev/null)")
  fi
  log "what is left of the packages' paths:"
  find /etc/suanli /var/lib/suanli-* /usr/share/doc/suanli* /lib/systemd/system/suanli-* \
    /usr/lib/systemd/system/suanli-* 2>&1 | sed 's/^/  | /' || true
  # Every path a package shipped (directories shared with others excepted) must be gone …
  while read -r path; do
    [[ -e $path && ! -d $path ]] && left+=("$path")
  done </out/files
  # … and so must everything with the project's name, but the user's own files in /home (a purge
  # never touches those), apt's caches and logs.
  while read -r path; do
    left+=("$path")
  done < <(find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /dist -o -path /out \
    -o -path /var/cache/apt -o -path /var/lib/apt/lists -o -path /home \
    -o -path /install-test-inside.sh -o -path /var/log \) -prune -o -iname '*suanli*' -print)
  # Debian policy keeps system users on purge (files they own may survive elsewhere); they stay.
  log "system users kept by policy: $(getent passwd suanli-market suanli-host suanli | cut -d: -f1 | tr '\n' ' ')"
  if ((${#left[@]})); then
    printf '  left: %s\n' "${left[@]}" >&2
    die "the purge left ${#left[@]} paths behind"
  fi
  log "nothing of the three packages is left"
}

case ${1:-} in
  install) step_install ;;
  run) step_run ;;
  purge) step_purge ;;
  *) die "unknown step ${1:-}" ;;
esac
