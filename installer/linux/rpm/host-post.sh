# suanli-host %post: the state directory (register writes the token there), then what
# %systemd_post does (the unit is enabled only after `register`).
[ -d /var/lib/suanli-host ] || install -d -m 0700 /var/lib/suanli-host
# --userns=auto takes each instance's uid range from the `containers` entries of /etc/subuid
# and /etc/subgid (docs/host.md "Isolation"); added once, never changed.
for f in /etc/subuid /etc/subgid; do
    grep -q '^containers:' "$f" 2>/dev/null || echo 'containers:2147483647:2147483648' >> "$f"
done
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
fi
exit 0
