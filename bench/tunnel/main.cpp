// tunnel-bench: measures our libssh2 local forward against OpenSSH's `ssh -L` on loopback, in
// the same run and against the same sshd: throughput of a large transfer each way, and the
// round-trip latency of small requests (p50/p99), next to a direct connection without tunnel.
#include "loadclient.h"
#include "sshdfixture.h"

#include "ssh/session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <cstdio>
#include <map>
#include <thread>

#include <unistd.h>

using namespace suanli;
using namespace suanli::bench;

namespace {

struct Path
{
    QString name;
    quint16 port = 0;
    QList<double> upload;   // MB/s per round
    QList<double> download; // MB/s per round
    QList<double> rtt;      // µs
    QString cpuStat;        // /proc file of the tunnel client: our session thread, or ssh
    QList<double> uploadCpu;   // client CPU seconds per GB, per round
    QList<double> downloadCpu; // same for downloads
};

/// CPU seconds (user + system) used so far by the task whose /proc/…/stat this is. On a
/// machine shared with other work, CPU per byte moves far less than MB/s does.
double cpuSeconds(const QString &statPath)
{
    QFile file(statPath);
    if (statPath.isEmpty() || !file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    // Fields after the command name, which is in parentheses and may hold spaces.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

/// The stat file of this process's thread with the given name ("ssh-session").
QString threadStat(const QByteArray &name)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly) && comm.readAll().trimmed() == name)
            return QStringLiteral("/proc/%1/task/%2/stat").arg(QCoreApplication::applicationPid()).arg(tid);
    }
    return {};
}

std::unique_ptr<QProcess> startOpenSsh(const ssh::test::SshdFixture &sshd, quint16 localPort,
                                       quint16 target, const QStringList &extra)
{
    const QString knownHosts = sshd.dir() + QStringLiteral("/bench_known_hosts");
    QFile file(knownHosts);
    if (file.open(QIODevice::WriteOnly))
        file.write(QStringLiteral("[127.0.0.1]:%1 %2\n")
                       .arg(sshd.port())
                       .arg(sshd.hostKeyLine())
                       .toUtf8());
    file.close();
    auto process = std::make_unique<QProcess>();
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(
        QStringLiteral("ssh"),
        QStringList{QStringLiteral("-F"), QStringLiteral("/dev/null"), QStringLiteral("-N"),
                    QStringLiteral("-o"), QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
                    QStringLiteral("ExitOnForwardFailure=yes"), QStringLiteral("-o"),
                    QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"),
                    QStringLiteral("UserKnownHostsFile=") + knownHosts, QStringLiteral("-o"),
                    QStringLiteral("IdentitiesOnly=yes"), QStringLiteral("-i"),
                    sshd.clientKeyPath(), QStringLiteral("-p"), QString::number(sshd.port()),
                    QStringLiteral("-L"),
                    QStringLiteral("127.0.0.1:%1:127.0.0.1:%2").arg(localPort).arg(target)} +
            extra + QStringList{sshd.user() + QStringLiteral("@127.0.0.1")});
    process->waitForStarted();
    const QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired() && process->state() == QProcess::Running && !echoWorks(localPort))
        QThread::msleep(50);
    return process;
}

QString cell(double value, int precision = 0)
{
    return value > 0 ? QString::number(value, 'f', precision) : QStringLiteral("-");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Our libssh2 forward vs OpenSSH ssh -L on loopback."));
    parser.addHelpOption();
    const QCommandLineOption mibOption(QStringLiteral("mib"),
                                       QStringLiteral("Transfer size in MiB (default 1024)."),
                                       QStringLiteral("n"), QStringLiteral("1024"));
    const QCommandLineOption roundsOption(
        QStringLiteral("rounds"),
        QStringLiteral("Transfers per direction and path; the median is shown (default 3)."),
        QStringLiteral("n"), QStringLiteral("3"));
    const QCommandLineOption requestsOption(
        QStringLiteral("requests"), QStringLiteral("Echo round trips per path (default 20000)."),
        QStringLiteral("n"), QStringLiteral("20000"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Bytes per echo request (default 64)."),
                                        QStringLiteral("n"), QStringLiteral("64"));
    const QCommandLineOption cipherOption(
        QStringLiteral("cipher"),
        QStringLiteral("Cipher for our session and the matching ssh -L (default: ours, "
                       "aes128-ctr)."),
        QStringLiteral("name"), QStringLiteral("aes128-ctr"));
    const QCommandLineOption macOption(
        QStringLiteral("mac"),
        QStringLiteral("MAC for our session and the matching ssh -L (default: ours, "
                       "hmac-sha2-256)."),
        QStringLiteral("name"), QStringLiteral("hmac-sha2-256"));
    parser.addOptions({mibOption, roundsOption, requestsOption, sizeOption, cipherOption,
                       macOption});
    parser.process(app);
    const quint64 bytes = parser.value(mibOption).toULongLong() * 1024 * 1024;
    const int rounds = parser.value(roundsOption).toInt();
    const int requests = parser.value(requestsOption).toInt();
    const int requestSize = parser.value(sizeOption).toInt();
    const QString cipher = parser.value(cipherOption);
    const QString mac = parser.value(macOption);

    ssh::test::SshdFixture sshd;
    QString error;
    if (!sshd.start(&error)) {
        std::fprintf(stderr, "sshd: %s\n", qPrintable(error));
        return 1;
    }
    TargetServer target;

    ssh::SessionOptions options;
    options.ciphers = cipher.toLatin1();
    options.macs = mac.toLatin1();
    ssh::Session session(
        {QStringLiteral("127.0.0.1"), sshd.port(), sshd.user(), sshd.hostKeyLine()},
        {sshd.clientKeyPath(), {}}, options);
    auto forward = session.addForward({0, QStringLiteral("127.0.0.1"), target.port()});
    session.open();
    {
        // Benchmark code: block until the session is up.
        const QDeadlineTimer deadline(10000);
        while (session.state() != ssh::SessionState::Connected && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!forward || session.state() != ssh::SessionState::Connected) {
            std::fprintf(stderr, "our session did not come up: %s\n",
                         qPrintable(session.lastError().message));
            return 1;
        }
    }
    const quint16 opensshPort = ssh::test::freeLoopbackPort();
    auto openssh = startOpenSsh(sshd, opensshPort, target.port(), {});
    const quint16 opensshAesPort = ssh::test::freeLoopbackPort();
    auto opensshAes = startOpenSsh(sshd, opensshAesPort, target.port(),
                                   {QStringLiteral("-c"), cipher, QStringLiteral("-m"), mac});
    if (!echoWorks(opensshPort) || !echoWorks(opensshAesPort)) {
        std::fprintf(stderr, "ssh -L did not come up\n");
        return 1;
    }

    std::vector<Path> paths = {{QStringLiteral("direct (no tunnel)"), target.port(), {}, {}, {}, {}, {}, {}},
                               {QStringLiteral("suanli (libssh2)"), forward->localPort, {}, {}, {}, {}, {}, {}},
                               {QStringLiteral("ssh -L (default cipher)"), opensshPort, {}, {}, {}, {}, {}, {}},
                               {QStringLiteral("ssh -L same cipher"), opensshAesPort, {}, {}, {}, {}, {}, {}}};
    paths[1].cpuStat = threadStat("ssh-session");
    paths[2].cpuStat = QStringLiteral("/proc/%1/stat").arg(openssh->processId());
    paths[3].cpuStat = QStringLiteral("/proc/%1/stat").arg(opensshAes->processId());
    std::thread measure([&] {
        const double mb = double(bytes) / 1e6;
        for (int round = 0; round < rounds; ++round) {
            for (Path &path : paths) {
                double cpu = cpuSeconds(path.cpuStat);
                path.upload.append(mb / uploadSeconds(path.port, bytes));
                double now = cpuSeconds(path.cpuStat);
                path.uploadCpu.append((now - cpu) / (mb / 1000));
                cpu = now;
                path.download.append(mb / downloadSeconds(path.port, bytes));
                path.downloadCpu.append((cpuSeconds(path.cpuStat) - cpu) / (mb / 1000));
                std::fprintf(stderr, "round %d %-24s up %8.0f MB/s  down %8.0f MB/s\n", round + 1,
                             qPrintable(path.name), path.upload.last(), path.download.last());
            }
        }
        for (Path &path : paths) {
            roundTrips(path.port, 500, requestSize); // warm-up
            path.rtt = roundTrips(path.port, requests, requestSize);
        }
        QMetaObject::invokeMethod(&app, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    app.exec();
    measure.join();

    QTextStream out(stdout);
    out << "\nTunnel benchmark: " << bytes / (1024 * 1024) << " MiB per transfer, median of "
        << rounds << " rounds; " << requests << " echo round trips of " << requestSize
        << " bytes\n";
    out << "ours and ssh -L same cipher: " << cipher << " + " << mac
        << " (libssh2 1.10 has no GCM/chacha20); ssh -L default: OpenSSH's choice\n\n";
    const double direct50 = percentile(paths[0].rtt, 50);
    out << qSetFieldWidth(26) << Qt::left << "path" << qSetFieldWidth(14) << Qt::right
        << "upload MB/s"
        << "download MB/s"
        << "p50 µs"
        << "p99 µs"
        << "p50 added µs"
        << "up CPU s/GB"
        << "down CPU s/GB" << qSetFieldWidth(0) << "\n";
    for (const Path &path : paths) {
        const double p50 = percentile(path.rtt, 50);
        out << qSetFieldWidth(26) << Qt::left << path.name << qSetFieldWidth(14) << Qt::right
            << cell(percentile(path.upload, 50)) << cell(percentile(path.download, 50))
            << cell(p50, 1) << cell(percentile(path.rtt, 99), 1) << cell(p50 - direct50, 1)
            << cell(percentile(path.uploadCpu, 50), 2) << cell(percentile(path.downloadCpu, 50), 2)
            << qSetFieldWidth(0) << "\n";
    }
    const auto ratio = [&](int ours, int theirs, bool upload) {
        const auto &a = upload ? paths[ours].upload : paths[ours].download;
        const auto &b = upload ? paths[theirs].upload : paths[theirs].download;
        return percentile(a, 50) / percentile(b, 50);
    };
    out << "\nsuanli / ssh -L (default):   upload " << QString::number(ratio(1, 2, true), 'f', 2)
        << "x  download " << QString::number(ratio(1, 2, false), 'f', 2)
        << "x   (target >= 0.90x)\n";
    out << "suanli / ssh -L (same cipher): upload " << QString::number(ratio(1, 3, true), 'f', 2)
        << "x  download " << QString::number(ratio(1, 3, false), 'f', 2) << "x\n";
    const auto cpuRatio = [&](int ours, int theirs, bool upload) {
        const auto &a = upload ? paths[ours].uploadCpu : paths[ours].downloadCpu;
        const auto &b = upload ? paths[theirs].uploadCpu : paths[theirs].downloadCpu;
        return percentile(a, 50) / percentile(b, 50);
    };
    out << "client CPU per byte, suanli / ssh -L (default): upload "
        << QString::number(cpuRatio(1, 2, true), 'f', 2) << "x  download "
        << QString::number(cpuRatio(1, 2, false), 'f', 2) << "x; (same cipher): upload "
        << QString::number(cpuRatio(1, 3, true), 'f', 2) << "x  download "
        << QString::number(cpuRatio(1, 3, false), 'f', 2) << "x\n";
    out << "suanli p50 added latency: "
        << QString::number((percentile(paths[1].rtt, 50) - direct50) / 1000.0, 'f', 3)
        << " ms   (target <= 1 ms)\n";
    openssh->terminate();
    opensshAes->terminate();
    openssh->waitForFinished();
    opensshAes->waitForFinished();
    return 0;
}
