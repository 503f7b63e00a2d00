# suanli-market %post (docs/packaging.md): the users, then what %systemd_post does.
getent passwd suanli-market >/dev/null || useradd --system --user-group -p '*' --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin --comment "Suanli market" suanli-market
for user in suanli-host suanli; do
    getent passwd "$user" >/dev/null || useradd --system --user-group -p '*' --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin --comment "Suanli relay login" "$user"
done
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || :
    if [ "$1" -eq 1 ]; then
        systemctl --no-reload preset suanli-market.service suanli-relay.service >/dev/null 2>&1 || :
    fi
fi
exit 0
