# suanli-market %preun: what %systemd_preun does (stop and disable on erase, not on upgrade).
if [ "$1" -eq 0 ] && [ -d /run/systemd/system ]; then
    systemctl --no-reload disable --now suanli-relay.service suanli-market.service >/dev/null 2>&1 || :
fi
exit 0
