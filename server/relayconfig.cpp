#include "relayconfig.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace suanli::server {

namespace {

/// A value sshd reads as one word: no whitespace, quotes or backslashes; '%' doubled, since
/// sshd expands %-tokens in AuthorizedKeysCommand.
Result<QString> word(const QString &what, const QString &value)
{
    for (const QChar c : value) {
        if (c.isSpace() || c == u'"' || c == u'\'' || c == u'\\' || c == u'#')
            return makeError(
                u"invalid_value"_s,
                u"%1 cannot contain spaces, quotes, '\\' or '#': %2"_s.arg(what, value));
    }
    if (value.isEmpty())
        return makeError(u"invalid_value"_s, u"%1 is empty"_s.arg(what));
    return QString(value).replace(u"%"_s, u"%%"_s);
}

} // namespace

Result<QString> relaySshdConfig(const RelaySshdOptions &o)
{
    QStringList checked;
    for (const auto &[what, value] :
         {std::pair{u"the program path"_s, o.program}, std::pair{u"--db"_s, o.db},
          std::pair{u"--listen"_s, o.listenHost}, std::pair{u"--host-key"_s, o.hostKeyPath},
          std::pair{u"--pid-file"_s, o.pidFile}, std::pair{u"--command-user"_s, o.commandUser}}) {
        auto w = word(what, value);
        if (!w)
            return w.error();
        checked.append(*w);
    }
    QString relayArg;
    if (!o.relay.isEmpty()) {
        auto w = word(u"--relay"_s, o.relay);
        if (!w)
            return w.error();
        relayArg = u" --relay "_s + *w;
    }
    const QString &program = checked[0];
    const QString &db = checked[1];
    // ListenAddress takes IPv6 addresses in brackets when a port follows; none follows here.
    const QString listen = QString(o.listenHost).remove(u'[').remove(u']');
    const QString commandUser = o.commandUser;

    QString text;
    text +=
        u"# sshd_config of a Suanli relay, printed by `suanli-market relay-config`\n"
        "# (docs/market.md, \"Relay\"). A dedicated sshd: it only relays TCP between agents'\n"
        "# reverse forwards and renters' ProxyJump; suanli-market relay-authorize decides,\n"
        "# key by key, which relay port each key may listen on or open.\n"
        "#\n"
        "# The relay users must exist (system users, no shell, no home):\n"
        "#   id -u suanli-host || useradd --system --no-create-home --shell /usr/sbin/nologin "
        "suanli-host\n"
        "#   id -u suanli || useradd --system --no-create-home --shell /usr/sbin/nologin suanli\n"_s;
    if (commandUser != "root"_L1)
        text +=
            u"#   id -u %1 || useradd --system --no-create-home --shell /usr/sbin/nologin %1\n"
            "# (%1 runs relay-authorize: it needs read access to the market's database.)\n"_s.arg(
                commandUser);
    text += u"#\n"
            "# Run it as root, next to (not instead of) the machine's own sshd:\n"
            "#   mkdir -p /run/sshd\n"
            "#   /usr/sbin/sshd -t -f THIS_FILE      # check\n"
            "#   /usr/sbin/sshd -f THIS_FILE -D -e   # run in the foreground, log to stderr\n"
            "# The program named by AuthorizedKeysCommand and every directory above it must be\n"
            "# owned by root and not writable by group or others.\n\n"_s;
    text += u"Port %1\n"_s.arg(o.listenPort);
    text += u"ListenAddress %1\n"_s.arg(listen);
    text += u"HostKey %1\n"_s.arg(checked[3]);
    text += u"PidFile %1\n\n"_s.arg(checked[4]);
    text += u"# Keys come only from the market, per connection.\n"
            "AuthorizedKeysFile none\n"
            "AuthorizedKeysCommand %1 relay-authorize --db %2%3 %u %t %k\n"
            "AuthorizedKeysCommandUser %4\n"
            "AllowUsers suanli suanli-host\n\n"_s.arg(program, db, relayArg, checked[5]);
    text += u"# Public keys only.\n"
            "PubkeyAuthentication yes\n"
            "AuthenticationMethods publickey\n"
            "PasswordAuthentication no\n"
            "KbdInteractiveAuthentication no\n"
            "HostbasedAuthentication no\n"
            "PermitEmptyPasswords no\n"
            "PermitRootLogin no\n"
            "# PAM's account check: without it sshd refuses the relay users, whose password\n"
            "# field is locked (\"!\", as useradd leaves it); PAM does not, and no password is\n"
            "# ever asked.\n"
            "UsePAM yes\n\n"_s;
    text +=
        u"# No shells, no commands, no PTYs, nothing but TCP forwards on the relay's loopback.\n"
        "PermitTTY no\n"
        "ForceCommand /bin/true\n"
        "PermitUserRC no\n"
        "PermitUserEnvironment no\n"
        "X11Forwarding no\n"
        "AllowAgentForwarding no\n"
        "AllowStreamLocalForwarding no\n"
        "PermitTunnel no\n"
        "GatewayPorts no\n"
        "AllowTcpForwarding no\n"
        "PrintMotd no\n"
        "PrintLastLog no\n"
        "UseDNS no\n\n"_s;
    text += u"# Dead links are dropped within a minute; agents reconnect.\n"
            "ClientAliveInterval 15\n"
            "ClientAliveCountMax 4\n"
            "TCPKeepAlive yes\n"
            "MaxStartups 100:30:1000\n"
            "MaxSessions 100\n\n"_s;
    text += u"# Agents only listen (reverse forwards), renters only open (ProxyJump, ssh -W).\n"
            "Match User suanli-host\n"
            "    AllowTcpForwarding remote\n"
            "Match User suanli\n"
            "    AllowTcpForwarding local\n"_s;
    return text;
}

} // namespace suanli::server
