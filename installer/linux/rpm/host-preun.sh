# suanli-host %preun: stop and disable on erase (%systemd_preun); containers keep running.
if [ "$1" -eq 0 ] && [ -d /run/systemd/system ]; then
    systemctl --no-reload disable --now suanli-host.service >/dev/null 2>&1 || :
fi
exit 0
