# suanli-host %post: what %systemd_post does (the unit is enabled only after `register`).
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
fi
exit 0
