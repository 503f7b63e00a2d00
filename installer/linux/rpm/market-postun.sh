# suanli-market %postun: restart on upgrade (%systemd_postun_with_restart); on erase the
# database stays (rpm has no purge; docs/packaging.md says what to remove by hand).
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -ge 1 ]; then
        systemctl try-restart suanli-market.service suanli-relay.service >/dev/null 2>&1 || :
    fi
fi
exit 0
