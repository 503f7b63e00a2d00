# Sourced by the tests that install the packages into a bookworm root (install-test.sh,
# systemd-restart-test.sh; docs/packaging.md, "Install test"). Not a program.
#
#   root_test_init NAME "$@"        SOURCE_DIR DIST_DIR WORK_DIR → $src $dist $work, log, die
#   root_test_debs PACKAGE…         the newest PACKAGE_*_*.deb of $dist each → $debs (else 77)
#   root_test_need_root WHY TOOL…   exit 77 unless root; die unless each TOOL is on PATH
#   root_test_tarball PREFIX PACKAGES [MMDEBSTRAP_OPTION…]
#                                   $tarball: a bookworm root (variant apt, PACKAGES added) built
#                                   once by mmdebstrap from this machine's Debian sources and
#                                   kept in $work, keyed by the packages, the sources and the
#                                   options; the .debs apt fetched are kept in $work/debs
#   wait_for TENTHS COMMAND…        COMMAND succeeds within TENTHS tenths of a second

root_test_init() {
  local name=$1
  shift
  [[ $# -eq 3 ]] || { echo "usage: $name.sh SOURCE_DIR DIST_DIR WORK_DIR" >&2; exit 2; }
  src=$(realpath "$1")
  dist=$(realpath -m "$2")
  work=$(realpath -m "$3")
  root_test_name=$name
  SECONDS=0
}
log() { printf '[%s %3ds] %s\n' "$root_test_name" "$SECONDS" "$*"; }
die() { printf '[%s %3ds] FAIL: %s\n' "$root_test_name" "$SECONDS" "$*" >&2; exit 1; }

root_test_debs() {
  local p f
  debs=()
  for p in "$@"; do
    f=$(find "$dist" -maxdepth 1 -name "${p}_*_*.deb" 2>/dev/null | sort | tail -n 1)
    if [[ -z $f ]]; then
      echo "$root_test_name: SKIP: no ${p}_*.deb in $dist (scripts/package builds them)"
      exit 77
    fi
    debs+=("$f")
  done
}

root_test_need_root() {
  local why=$1 tool
  shift
  if [[ $(id -u) -ne 0 ]]; then
    echo "$root_test_name: SKIP: needs root ($why)"
    exit 77
  fi
  for tool in mmdebstrap sha256sum "$@"; do
    command -v "$tool" >/dev/null || die "$tool is missing (run scripts/setup)"
  done
}

root_test_tarball() {
  local prefix=$1 packages=$2 f key
  shift 2
  # The machine's own Debian sources, as scripts/build-base-image uses them.
  local sources=()
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list; do
    [[ -f $f ]] && grep -Eq '^[^#]*(debian\.org|/debian)' "$f" && sources+=("$f")
  done
  ((${#sources[@]})) || die "no Debian apt source found in /etc/apt"
  mkdir -p "$work/debs"
  key=$(printf '%s\n' bookworm apt "$packages" "$*" "$(cat "${sources[@]}")" | sha256sum | cut -c1-16)
  tarball=$work/$prefix-$key.tar
  if [[ -s $tarball ]]; then
    log "root from cache: $tarball"
    return
  fi
  log "building the bookworm root with mmdebstrap (cached as $tarball)"
  rm -f "$work/$prefix"-*.tar
  # The .debs of earlier builds go into apt's cache first and what apt fetched comes back out:
  # a rebuild (another key) downloads only what changed.
  mmdebstrap --mode=root --variant=apt --include="$packages" --skip=download/empty \
    --setup-hook='mkdir -p "$1/var/cache/apt/archives" && { cp '"$work"'/debs/*.deb "$1/var/cache/apt/archives/" 2>/dev/null || true; }' \
    --customize-hook='cp -n "$1"/var/cache/apt/archives/*.deb '"$work"'/debs/ 2>/dev/null || true' \
    --customize-hook='rm -f "$1"/var/cache/apt/archives/*.deb' \
    "$@" bookworm "${tarball%.tar}.part.tar" "${sources[@]}" >"$work/mmdebstrap-$prefix.log" 2>&1 \
    || { tail -n 30 "$work/mmdebstrap-$prefix.log" >&2; die "mmdebstrap failed"; }
  mv "${tarball%.tar}.part.tar" "$tarball"
  log "root ready ($(du -h "$tarball" | cut -f1))"
}

wait_for() {
  local n=$1
  shift
  while ((n-- > 0)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}
