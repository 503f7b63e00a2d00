#include "sshdfixture.h"

#include "ssh/sshkey.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QMultiHash>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

namespace suanli::ssh::test {

QList<pid_t> descendantProcesses(pid_t root)
{
    QMultiHash<pid_t, pid_t> children;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool ok = false;
        const pid_t pid = pid_t(entry.toInt(&ok));
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // "pid (comm) state ppid …"; comm may hold spaces, so read after the last ')'.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[0] != "Z") // a zombie is gone already
            children.insert(pid_t(fields[1].toInt()), pid);
    }
    QList<pid_t> found;
    QList<pid_t> queue{root};
    while (!queue.isEmpty()) {
        const pid_t parent = queue.takeFirst();
        for (pid_t child : children.values(parent)) {
            found.append(child);
            queue.append(child);
        }
    }
    return found;
}

void killProcessTree(pid_t root)
{
    ::kill(root, SIGSTOP);
    for (int round = 0; round < 50; ++round) {
        const QList<pid_t> children = descendantProcesses(root);
        if (children.isEmpty())
            break;
        for (pid_t child : children)
            ::kill(child, SIGKILL);
        QThread::msleep(20);
    }
    ::kill(root, SIGKILL);
}

quint16 freeLoopbackPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

SshdFixture::SshdFixture() = default;

SshdFixture::~SshdFixture()
{
    stop();
}

QString SshdFixture::user() const
{
    const passwd *pw = ::getpwuid(::getuid());
    return pw ? QString::fromLocal8Bit(pw->pw_name) : QString::fromLocal8Bit(qgetenv("USER"));
}

QString SshdFixture::log() const
{
    QFile file(m_dir.path() + QStringLiteral("/sshd.log"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool SshdFixture::rewriteAuthorizedKeys(const QString &lines)
{
    QFile authorized(m_dir.path() + QStringLiteral("/authorized_keys"));
    return authorized.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           authorized.write(lines.toUtf8()) >= 0;
}

bool SshdFixture::start(QString *error)
{
    if (!m_dir.isValid()) {
        *error = QStringLiteral("no temporary directory");
        return false;
    }
    const QString dir = m_dir.path();
    auto hostKey = generateEd25519Key(QStringLiteral("test-host"));
    auto clientKey = generateEd25519Key(QStringLiteral("test-client"));
    if (!hostKey || !clientKey || !saveKeyPair(*hostKey, dir + QStringLiteral("/host_ed25519")) ||
        !saveKeyPair(*clientKey, clientKeyPath())) {
        *error = QStringLiteral("could not make keys");
        return false;
    }
    m_hostKeyLine = hostKey->publicKeyLine.section(u' ', 0, 1);
    m_clientPublicKeyLine = clientKey->publicKeyLine;
    if (!rewriteAuthorizedKeys(m_authorizedKeys.isEmpty() ? clientKey->publicKeyLine + u'\n'
                                                          : m_authorizedKeys)) {
        *error = QStringLiteral("could not write authorized_keys");
        return false;
    }
    // sshd as root insists on its privilege-separation directory.
    if (::getuid() == 0)
        QDir().mkpath(QStringLiteral("/run/sshd"));

    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freeLoopbackPort();
        const QString config =
            QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2/host_ed25519\n"
                           "AuthorizedKeysFile %2/authorized_keys\nStrictModes no\nUsePAM no\n"
                           "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                           "PubkeyAuthentication yes\nPermitRootLogin prohibit-password\n"
                           "AllowTcpForwarding yes\nPidFile none\nMaxStartups 100\n"
                           "Subsystem sftp internal-sftp\nMaxSessions 64\n"
                           "LogLevel VERBOSE\n")
                .arg(m_port)
                .arg(dir) +
            m_extraConfig;
        QFile file(dir + QStringLiteral("/sshd_config"));
        if (!file.open(QIODevice::WriteOnly) || file.write(config.toUtf8()) < 0) {
            *error = QStringLiteral("could not write sshd_config");
            return false;
        }
        file.close();

        if (launch(error))
            return true;
        if (!error->isEmpty())
            return false;
        stop();
    }
    *error = QStringLiteral("sshd did not come up:\n") + log();
    return false;
}

bool SshdFixture::launch(QString *error)
{
    const QString dir = m_dir.path();
    error->clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setStandardOutputFile(dir + QStringLiteral("/sshd.log"), QIODevice::Append);
    m_process->start(QStringLiteral("/usr/sbin/sshd"),
                     {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
                      dir + QStringLiteral("/sshd_config")});
    if (!m_process->waitForStarted(5000)) {
        *error = QStringLiteral("sshd did not start: ") + m_process->errorString();
        return false;
    }
    // Test support only: poll until sshd listens (or has died on a port taken meanwhile).
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        QThread::msleep(20);
    }
    stop();
    return false;
}

bool SshdFixture::restart(QString *error)
{
    stop();
    // The port was just released; sshd binds it again (SO_REUSEADDR).
    if (launch(error))
        return true;
    if (error->isEmpty())
        *error = QStringLiteral("sshd did not come back:\n") + log();
    return false;
}

void SshdFixture::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    killProcessTree(pid_t(m_process->processId()));
    m_process->waitForFinished(5000);
    m_process.reset();
}

void SshdFixture::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
        m_process->waitForFinished(5000);
    }
    m_process.reset();
}

} // namespace suanli::ssh::test
