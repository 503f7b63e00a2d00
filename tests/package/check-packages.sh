#!/usr/bin/env bash
# The packages' checkers (docs/packaging.md, "Checks"): lintian on every .deb, the contents of
# every .deb and .rpm, their dependencies (dpkg-shlibdeps, rpm autoreq), desktop-file-validate,
# appstreamcli validate, systemd-analyze verify of every unit, each binary's --version, the man
# pages. Usage: check-packages.sh DIST VERSION
set -euo pipefail

dist=$1
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok    $*"; }

declare -A deb rpm
for p in suanli suanli-host suanli-market; do
  deb[$p]=$dist/${p}_${version}_amd64.deb
  rpm[$p]=$dist/$p-$version-1.x86_64.rpm
  for f in "${deb[$p]}" "${rpm[$p]}"; do
    [[ -f $f ]] || { echo "FAIL: missing $f"; ls -l "$dist"; exit 1; }
  done
done

# --- lintian: no error, no warning (each one fixed or overridden in installer/linux/lintian) ---
# One lintian run for the three (its start-up is most of its time); tags name their package.
lintian --tag-display-limit 0 --display-info --show-overrides \
  "${deb[suanli]}" "${deb[suanli-host]}" "${deb[suanli-market]}" >"$work/lintian.txt" 2>&1 || true
grep -v 'running with root privileges' "$work/lintian.txt" | sed 's/^/  lintian: /' || true
for p in suanli suanli-host suanli-market; do
  out=$work/lintian-$p.txt
  grep -E "^[A-Z]: $p( \(|:)" "$work/lintian.txt" >"$out" || true
  if grep -Eq '^[EW]: ' "$out"; then
    fail "lintian $p: $(grep -Ec '^E: ' "$out") error(s), $(grep -Ec '^W: ' "$out") warning(s)"
  else
    ok "lintian $p: no errors, no warnings ($(grep -Ec '^O: ' "$out" || true) overridden, $(grep -Ec '^I: ' "$out" || true) info)"
  fi
done

# --- contents ----------------------------------------------------------------------------------
expect_files() { # NAME LISTING FILE…
  local name=$1 listing=$2
  shift 2
  local f
  for f in "$@"; do
    grep -qxF "$f" "$listing" || fail "$name lacks $f"
  done
}
for p in suanli suanli-host suanli-market; do
  dpkg-deb -c "${deb[$p]}" | awk '{print $6}' | sed 's|^\./|/|; s|/$||' >"$work/deb-$p.txt"
  rpm -qlp "${rpm[$p]}" 2>/dev/null >"$work/rpm-$p.txt"
  mkdir -p "$work/root-$p"
  dpkg-deb -x "${deb[$p]}" "$work/root-$p"
done
icons=()
for s in 16 24 32 48 64 128 256 512; do
  icons+=("/usr/share/icons/hicolor/${s}x$s/apps/org.suanli.Suanli.png")
done
app_files=(/usr/bin/suanli /usr/share/applications/org.suanli.Suanli.desktop
  /usr/share/metainfo/org.suanli.Suanli.metainfo.xml
  /usr/share/icons/hicolor/scalable/apps/org.suanli.Suanli.svg "${icons[@]}"
  /usr/share/suanli/autostart/org.suanli.Suanli.desktop /usr/share/man/man1/suanli.1.gz)
host_files=(/usr/bin/suanli-host /etc/suanli/host.ini /usr/share/man/man8/suanli-host.8.gz)
market_files=(/usr/bin/suanli-market /etc/suanli/market.conf
  /usr/share/man/man8/suanli-market.8.gz)
expect_files "suanli.deb" "$work/deb-suanli.txt" "${app_files[@]}"
expect_files "suanli.rpm" "$work/rpm-suanli.txt" "${app_files[@]}"
expect_files "suanli-host.deb" "$work/deb-suanli-host.txt" "${host_files[@]}" \
  /lib/systemd/system/suanli-host.service
expect_files "suanli-host.rpm" "$work/rpm-suanli-host.txt" "${host_files[@]}" \
  /usr/lib/systemd/system/suanli-host.service
expect_files "suanli-market.deb" "$work/deb-suanli-market.txt" "${market_files[@]}" \
  /lib/systemd/system/suanli-market.service /lib/systemd/system/suanli-relay.service
expect_files "suanli-market.rpm" "$work/rpm-suanli-market.txt" "${market_files[@]}" \
  /usr/lib/systemd/system/suanli-market.service /usr/lib/systemd/system/suanli-relay.service
# Nothing of one package in another, nothing outside the FHS places.
for p in suanli suanli-host suanli-market; do
  # (/usr/lib/.build-id: rpm's links from each binary's build id to the binary.)
  if grep -Ev '^/(usr/(bin|share)|etc/suanli|lib/systemd/system|usr/lib/systemd/system|usr/lib/\.build-id)(/|$)|^/$|^/(usr|etc|lib|usr/lib|usr/lib/systemd|lib/systemd)$' \
    "$work/deb-$p.txt" "$work/rpm-$p.txt"; then
    fail "$p installs files outside /usr/bin, /usr/share, /etc/suanli and the unit directory"
  fi
done
[[ $failures -eq 0 ]] && ok "contents of the 3 .deb and 3 .rpm as expected"
grep -qx '/etc/suanli/market.conf' <(dpkg-deb --ctrl-tarfile "${deb[suanli-market]}" | tar -xO ./conffiles) ||
  fail "market.conf is not a conffile"
grep -qx '/etc/suanli/host.ini' <(dpkg-deb --ctrl-tarfile "${deb[suanli-host]}" | tar -xO ./conffiles) ||
  fail "host.ini is not a conffile"
rpm -qpc "${rpm[suanli-market]}" 2>/dev/null | grep -qx /etc/suanli/market.conf ||
  fail "market.conf is not %config in the rpm"

# --- dependencies found by the tools -------------------------------------------------------
for p in suanli suanli-host suanli-market; do
  depends=$(dpkg-deb -f "${deb[$p]}" Depends)
  requires=$(rpm -qpR "${rpm[$p]}" 2>/dev/null | tr '\n' ' ')
  echo "  $p.deb Depends: $depends"
  echo "  $p.rpm Requires: $requires"
  [[ $depends == *libqt6core6* && $depends == *libc6* ]] ||
    fail "$p.deb: dpkg-shlibdeps did not find Qt and libc ($depends)"
  [[ $requires == *'libQt6Core.so.6()(64bit)'* && $requires == *'libc.so.6'* ]] ||
    fail "$p.rpm: autoreq did not find Qt and libc"
done
[[ $(dpkg-deb -f "${deb[suanli-host]}" Depends) == *podman* ]] || fail "suanli-host.deb: no podman"
# Qt's SQL drivers are plugins (dlopen): hand-listed, dpkg-shlibdeps cannot see them.
for p in suanli suanli-host suanli-market; do
  [[ $(dpkg-deb -f "${deb[$p]}" Depends) == *libqt6sql6-sqlite* ]] || fail "$p.deb: no SQLite driver"
done
[[ $(dpkg-deb -f "${deb[suanli-market]}" Depends) == *libqt6sql6-psql* ]] ||
  fail "suanli-market.deb: no PostgreSQL driver"
[[ $(dpkg-deb -f "${deb[suanli]}" Depends) == *libqt6widgets6* ]] || fail "suanli.deb: no QtWidgets"
[[ $(dpkg-deb -f "${deb[suanli-market]}" Recommends) == *openssh-server* ]] ||
  fail "suanli-market.deb: openssh-server not recommended"
rpm -qpR "${rpm[suanli-host]}" 2>/dev/null | grep -qx podman || fail "suanli-host.rpm: no podman"
# The table inet suanli (docs/host.md, "Isolation") needs nft on the lender's machine.
[[ $(dpkg-deb -f "${deb[suanli-host]}" Depends) == *nftables* ]] || fail "suanli-host.deb: no nftables"
rpm -qpR "${rpm[suanli-host]}" 2>/dev/null | grep -qx nftables || fail "suanli-host.rpm: no nftables"
for p in suanli suanli-host suanli-market; do
  [[ $(dpkg-deb -f "${deb[$p]}" Version) == "$version" ]] || fail "$p.deb version"
  [[ $(rpm -qp --qf '%{VERSION}' "${rpm[$p]}" 2>/dev/null) == "$version" ]] || fail "$p.rpm version"
done

# --- desktop entry and AppStream metainfo --------------------------------------------------
app=$work/root-suanli
if desktop-file-validate "$app/usr/share/applications/org.suanli.Suanli.desktop" \
  "$app/usr/share/suanli/autostart/org.suanli.Suanli.desktop"; then
  ok "desktop-file-validate: the desktop entry and the autostart template"
else
  fail "desktop-file-validate"
fi
if appstreamcli validate --no-net --explain "$app/usr/share/metainfo/org.suanli.Suanli.metainfo.xml"; then
  ok "appstreamcli validate --no-net"
else
  fail "appstreamcli validate"
fi

# --- systemd units: systemd-analyze verify in a root holding the packages' files -------------
root=$work/sysroot
mkdir -p "$root/lib/systemd" "$root/usr/share/man" "$root/usr/bin" "$root/usr/sbin" "$root/bin" "$root/etc"
cp -a /lib/systemd/system "$root/lib/systemd/" # the targets the units are ordered after
for p in suanli-host suanli-market; do cp -a "$work/root-$p/." "$root/"; done
for tool in /bin/sh /bin/mkdir /bin/kill /usr/sbin/sshd /usr/bin/ssh-keygen; do
  cp "$(readlink -f "$tool")" "$root$tool"
done
mkdir -p "$root/usr/share/man/man8"
cp /usr/share/man/man8/sshd.8.gz "$root/usr/share/man/man8/" # the relay unit's Documentation
units=()
for p in suanli-host suanli-market; do
  while read -r u; do units+=("$root$u"); done < <(grep '\.service$' "$work/deb-$p.txt")
done
if MANPATH=$root/usr/share/man systemd-analyze verify --root="$root" "${units[@]}" 2>&1 | tee "$work/verify.txt" &&
  ! grep -q . "$work/verify.txt"; then
  ok "systemd-analyze verify: ${units[*]##*/}"
else
  fail "systemd-analyze verify"
fi

# --- the binaries: --version from CMake, --help, man pages ----------------------------------
for p in suanli suanli-host suanli-market; do
  bin=$work/root-$p/usr/bin/$p
  got=$(QT_QPA_PLATFORM=offscreen HOME=$work XDG_RUNTIME_DIR=$work "$bin" --version 2>/dev/null)
  [[ $got == "$p $version" ]] && ok "$p --version: $got" || fail "$p --version printed '$got'"
  QT_QPA_PLATFORM=offscreen HOME=$work "$bin" --help >"$work/help-$p.txt" 2>&1 || fail "$p --help"
done
for p in suanli-market suanli-host; do
  for cmd in serve admin relay-config relay-authorize register run self-test status; do
    case $p:$cmd in
      suanli-market:serve | suanli-market:admin | suanli-market:relay-config | suanli-market:relay-authorize | \
        suanli-host:register | suanli-host:run | suanli-host:self-test | suanli-host:status)
        grep -q "^  $cmd " "$work/help-$p.txt" || fail "$p --help does not describe $cmd" ;;
    esac
  done
done
for page in suanli/usr/share/man/man1/suanli.1.gz suanli-host/usr/share/man/man8/suanli-host.8.gz \
  suanli-market/usr/share/man/man8/suanli-market.8.gz; do
  file=$work/root-$page
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l "$file" 2>&1 >/dev/null || true)
  text=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$file" 2>/dev/null | col -b)
  name=${page##*/}
  name=${name%%.*}
  if [[ -z $warnings && $text == *"$version"* && $text == *--help* ]]; then
    ok "man page $name renders, names version $version"
  else
    fail "man page $name: ${warnings:-no version/--help in it}"
  fi
done

# --- the shipped conffiles are read by the shipped binaries --------------------------------
market=$work/root-suanli-market
conf=$market/etc/suanli/market.conf
if out=$("$market/usr/bin/suanli-market" admin --config "$conf" --db "sqlite:$work/m.db" \
  create-account packaged 2>&1); then
  ok "market.conf: admin --config reads it (account $out)"
else
  fail "market.conf: admin --config: $out"
fi
# The relay unit's ExecStartPre: relay-config from market.conf, then `sshd -t` on the result.
ssh-keygen -q -t ed25519 -N '' -C suanli-relay -f "$work/relay_key"
if "$market/usr/bin/suanli-market" relay-config --config "$conf" --listen 127.0.0.1:2222 \
  --host-key "$work/relay_key" --pid-file "$work/sshd.pid" >"$work/sshd_config" 2>"$work/relay.err" &&
  mkdir -p /run/sshd && /usr/sbin/sshd -t -f "$work/sshd_config" 2>>"$work/relay.err"; then
  ok "suanli-relay.service's config: relay-config --config market.conf, sshd -t accepts it"
else
  fail "relay config: $(cat "$work/relay.err")"
fi
hostini=$work/root-suanli-host/etc/suanli/host.ini
out=$("$work/root-suanli-host/usr/bin/suanli-host" status --config "$hostini" 2>&1 || true)
if [[ $out == *"no journal at /var/lib/suanli-host/journal.db"* ]]; then
  ok "host.ini: read by suanli-host (state_dir /var/lib/suanli-host)"
else
  fail "host.ini: suanli-host status --config said: $out"
fi
out=$("$work/root-suanli-host/usr/bin/suanli-host" run --config "$hostini" 2>&1 || true)
[[ $out == *"run needs --market"* ]] || fail "suanli-host run without [market] url: $out"

echo "check-packages: $failures failure(s)"
[[ $failures -eq 0 ]]
