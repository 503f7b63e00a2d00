#include "relaysshd.h"

#include "sshdfixture.h"

#include "ssh/sshkey.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpSocket>
#include <QThread>

#include <csignal>
#include <cstdlib>
#include <sys/stat.h>

using namespace Qt::StringLiterals;

namespace suanli::bench {

namespace {

bool writeFile(const QString &path, const QByteArray &data, QFile::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size())
        return false;
    file.close();
    return file.setPermissions(permissions);
}

} // namespace

QList<qint64> processTree(qint64 pid)
{
    QList<qint64> tree{pid};
    // Parent of every process, once; then the descendants breadth first.
    QHash<qint64, qint64> parent;
    const QDir proc(u"/proc"_s);
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const qint64 child = entry.toLongLong(&numeric);
        if (!numeric)
            continue;
        QFile stat(u"/proc/%1/stat"_s.arg(child));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        parent.insert(child, fields.value(1).toLongLong());
    }
    for (qsizetype i = 0; i < tree.size(); ++i) {
        for (auto it = parent.cbegin(); it != parent.cend(); ++it) {
            if (it.value() == tree[i])
                tree.append(it.key());
        }
    }
    return tree;
}

RelaySshd::RelaySshd()
{
    // sshd checks that the AuthorizedKeysCommand and every directory above it belong to root
    // and are not writable by others: /tmp fails that, /run (root's, 0755) passes.
    QByteArray name = "/run/suanli-relay-bench.XXXXXX";
    if (::mkdtemp(name.data())) {
        m_dir = QString::fromLocal8Bit(name);
        ::chmod(name.constData(), 0755);
    }
}

RelaySshd::~RelaySshd()
{
    stop();
    if (!m_dir.isEmpty())
        QDir(m_dir).removeRecursively();
}

bool RelaySshd::ensureUsers(QString *error)
{
    for (const QString &user : {u"suanli-host"_s, u"suanli"_s}) {
        QProcess process;
        process.start(u"sh"_s,
                      {u"-c"_s, u"id -u %1 >/dev/null 2>&1 || useradd --system "
                                "--no-create-home --shell /usr/sbin/nologin %1"_s.arg(user)});
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            *error = u"could not make the relay user %1: %2"_s.arg(
                user, QString::fromLocal8Bit(process.readAllStandardError()));
            return false;
        }
    }
    return true;
}

bool RelaySshd::setKeys(const QString &user, const QStringList &lines)
{
    return writeFile(m_dir + u"/keys."_s + user, lines.join(u'\n').toUtf8() + '\n',
                     QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

QString RelaySshd::handWrittenConfig() const
{
    // The same options as `suanli-market relay-config` (docs/relay.md).
    return uR"(Port %1
ListenAddress 127.0.0.1
HostKey %2/relay_host_ed25519
PidFile %2/relay.pid
AuthorizedKeysFile none
AuthorizedKeysCommand %2/authorize %u %t %k
AuthorizedKeysCommandUser nobody
AllowUsers suanli suanli-host
PubkeyAuthentication yes
AuthenticationMethods publickey
PasswordAuthentication no
KbdInteractiveAuthentication no
HostbasedAuthentication no
PermitEmptyPasswords no
PermitRootLogin no
UsePAM yes
PermitTTY no
ForceCommand /bin/true
PermitUserRC no
PermitUserEnvironment no
X11Forwarding no
AllowAgentForwarding no
AllowStreamLocalForwarding no
PermitTunnel no
GatewayPorts no
AllowTcpForwarding no
PrintMotd no
PrintLastLog no
UseDNS no
ClientAliveInterval 15
ClientAliveCountMax 4
TCPKeepAlive yes
MaxStartups 100:30:1000
MaxSessions 100
Match User suanli-host
    AllowTcpForwarding remote
Match User suanli
    AllowTcpForwarding local
)"_s.arg(m_port)
        .arg(m_dir);
}

bool RelaySshd::start(const QString &market, QString *error)
{
    if (m_dir.isEmpty()) {
        *error = u"no directory under /run"_s;
        return false;
    }
    auto hostKey = ssh::generateEd25519Key(u"relay-bench-relay"_s);
    if (!hostKey || !ssh::saveKeyPair(*hostKey, m_dir + u"/relay_host_ed25519"_s)) {
        *error = u"could not make the relay's host key"_s;
        return false;
    }
    m_hostKeyLine = hostKey->publicKeyLine.section(u' ', 0, 1);
    // relay-authorize's stand-in: the line set for this user and key, if any (no line: sshd
    // refuses the key).
    const QByteArray authorize =
        "#!/bin/sh\n"
        "# relay-bench: the answer relay-authorize would give (USER TYPE KEY)\n"
        "f=\"" +
        m_dir.toLocal8Bit() +
        "/keys.$1\"\n"
        "[ -f \"$f\" ] || exit 0\n"
        "awk -v t=\"$2\" -v k=\"$3\" '$(NF-1) == t && $NF == k { print; exit }' \"$f\"\n"
        "exit 0\n";
    if (!writeFile(m_dir + u"/authorize"_s, authorize,
                   QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup |
                       QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther)) {
        *error = u"could not write the authorize script"_s;
        return false;
    }
    ::mkdir("/run/sshd", 0755);

    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = ssh::test::freeLoopbackPort();
        m_config.clear();
        m_configSource = u"hand-written (the options of relay-config)"_s;
        if (!market.isEmpty() && QFile::exists(market)) {
            QProcess printer;
            printer.start(market,
                          {u"relay-config"_s, u"--db"_s, u"sqlite:"_s + m_dir + u"/unused.db"_s,
                           u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_port), u"--host-key"_s,
                           m_dir + u"/relay_host_ed25519"_s, u"--pid-file"_s,
                           m_dir + u"/relay.pid"_s, u"--command-user"_s, u"nobody"_s});
            if (printer.waitForFinished(30000) && printer.exitCode() == 0) {
                QStringList lines = QString::fromUtf8(printer.readAllStandardOutput()).split(u'\n');
                int replaced = 0;
                for (QString &line : lines) {
                    if (line.startsWith("AuthorizedKeysCommand "_L1)) {
                        line = u"AuthorizedKeysCommand %1/authorize %u %t %k"_s.arg(m_dir);
                        ++replaced;
                    }
                }
                if (replaced == 1) {
                    m_config = lines.join(u'\n');
                    m_configSource = u"suanli-market relay-config (AuthorizedKeysCommand "
                                     "replaced by the benchmark's answers)"_s;
                }
            }
        }
        if (m_config.isEmpty())
            m_config = handWrittenConfig();
        if (!writeFile(m_dir + u"/sshd_config"_s, m_config.toUtf8(),
                       QFile::ReadOwner | QFile::WriteOwner)) {
            *error = u"could not write sshd_config"_s;
            return false;
        }
        QProcess check;
        check.setProcessChannelMode(QProcess::MergedChannels);
        check.start(u"/usr/sbin/sshd"_s, {u"-t"_s, u"-f"_s, m_dir + u"/sshd_config"_s});
        if (!check.waitForFinished(30000) || check.exitCode() != 0) {
            *error =
                u"sshd -t refused the relay config: "_s + QString::fromLocal8Bit(check.readAll());
            return false;
        }
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->setStandardOutputFile(m_dir + u"/sshd.log"_s, QIODevice::Append);
        m_process->start(u"/usr/sbin/sshd"_s,
                         {u"-D"_s, u"-e"_s, u"-f"_s, m_dir + u"/sshd_config"_s});
        if (!m_process->waitForStarted(5000)) {
            *error = u"sshd did not start: "_s + m_process->errorString();
            return false;
        }
        // Benchmark set-up: poll until sshd listens (or died on a port taken meanwhile).
        const QDeadlineTimer deadline(10000);
        while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(200) && probe.waitForReadyRead(2000) &&
                probe.peek(4) == "SSH-")
                return true;
            QThread::msleep(20);
        }
        stop();
    }
    *error = u"the relay sshd did not come up:\n"_s + log();
    return false;
}

void RelaySshd::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        // The per-connection sshd processes outlive the listener: end them too.
        const QList<qint64> tree = processTree(m_process->processId());
        for (qsizetype i = 1; i < tree.size(); ++i)
            ::kill(pid_t(tree[i]), SIGTERM);
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

QString RelaySshd::log() const
{
    QFile file(m_dir + u"/sshd.log"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QList<qint64> RelaySshd::pids() const
{
    if (!m_process || m_process->state() != QProcess::Running)
        return {};
    return processTree(m_process->processId());
}

} // namespace suanli::bench
