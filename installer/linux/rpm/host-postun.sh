# suanli-host %postun: restart a running agent on upgrade (%systemd_postun_with_restart).
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -ge 1 ]; then
        systemctl try-restart suanli-host.service >/dev/null 2>&1 || :
    fi
fi
exit 0
