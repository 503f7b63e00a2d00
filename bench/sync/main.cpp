// sync-bench: the dataset sync engine against sftp and rsync, same sshd, same run, loopback.
// (a) one large file, (b) many small files, (c) re-sync of unchanged (b). See
// docs/benchmarks.md, "Dataset sync (bench/sync)".
#include "sshdfixture.h"
#include "sync/syncjob.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <cstdio>
#include <unistd.h>

using namespace suanli;

namespace {

struct Bench
{
    ssh::test::SshdFixture sshd;
    QString sshCommand; // for rsync -e and sftp
    int sessions = 8;

    double runSuanli(const QString &local, const QString &remote, const QString &journal,
                     sync::SyncReport *out = nullptr)
    {
        sync::SyncOptions options;
        options.localRoot = local;
        options.remoteRoot = remote.toUtf8();
        options.endpoint = {QStringLiteral("127.0.0.1"), sshd.port(), sshd.user(), sshd.hostKeyLine()};
        options.identity = {sshd.clientKeyPath(), {}};
        options.journalPath = journal;
        options.sessions = sessions;
        sync::SyncJob job(options);
        QSignalSpy finished(&job, &sync::SyncJob::finished);
        ::sync();
        QElapsedTimer clock;
        clock.start();
        job.start();
        finished.wait(3600 * 1000);
        const double seconds = clock.elapsed() / 1000.0;
        if (!job.report().ok)
            std::fprintf(stderr, "suanli sync failed: %s\n", qPrintable(job.report().error.message));
        if (out)
            *out = job.report();
        return seconds;
    }

    double runShell(const QString &command)
    {
        ::sync();
        QElapsedTimer clock;
        clock.start();
        const int rc = QProcess::execute(QStringLiteral("sh"), {QStringLiteral("-c"), command});
        if (rc != 0)
            std::fprintf(stderr, "command failed (%d): %s\n", rc, qPrintable(command));
        return clock.elapsed() / 1000.0;
    }
};

void writeRandom(const QString &path, qint64 size, quint32 seed)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    QRandomGenerator generator(seed);
    QByteArray chunk(4 * 1024 * 1024, Qt::Uninitialized);
    for (qint64 left = size; left > 0;) {
        generator.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        const qint64 n = qMin<qint64>(left, chunk.size());
        file.write(chunk.constData(), n);
        left -= n;
    }
}

QString ratio(double ours, double theirs)
{
    return QString::number(theirs / ours, 'f', 2) + QStringLiteral("x");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("mib"), QStringLiteral("Size of the large file (a)."), QStringLiteral("MiB"), QStringLiteral("1024")});
    parser.addOption({QStringLiteral("files"), QStringLiteral("Number of small files (b, c)."), QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("kib"), QStringLiteral("Size of each small file."), QStringLiteral("KiB"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("sessions"), QStringLiteral("Parallel SSH sessions."), QStringLiteral("n"), QStringLiteral("8")});
    parser.addOption({QStringLiteral("only"), QStringLiteral("Run only case a, b or c (c implies b)."), QStringLiteral("case")});
    parser.addOption({QStringLiteral("ours-only"), QStringLiteral("Skip sftp and rsync (for profiling our side).")});
    parser.process(app);
    const bool oursOnly = parser.isSet(QStringLiteral("ours-only"));
    const qint64 mib = parser.value(QStringLiteral("mib")).toLongLong();
    const int files = parser.value(QStringLiteral("files")).toInt();
    const qint64 kib = parser.value(QStringLiteral("kib")).toLongLong();
    const QString only = parser.value(QStringLiteral("only"));

    Bench bench;
    bench.sessions = parser.value(QStringLiteral("sessions")).toInt();
    QString error;
    if (!bench.sshd.start(&error)) {
        std::fprintf(stderr, "sshd: %s\n", qPrintable(error));
        return 1;
    }
    QTemporaryDir dir;
    const QString ssh = QStringLiteral("ssh -p %1 -i %2 -o IdentitiesOnly=yes -o BatchMode=yes "
                                       "-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR")
                            .arg(bench.sshd.port())
                            .arg(bench.sshd.clientKeyPath());
    const QString target = bench.sshd.user() + QStringLiteral("@127.0.0.1");
    std::printf("sync-bench: loopback, OpenSSH sshd, %d sessions; load average before: %s\n",
                bench.sessions, qPrintable(QString::fromLatin1([] {
                    QFile f(QStringLiteral("/proc/loadavg"));
                    f.open(QIODevice::ReadOnly);
                    return f.readAll().trimmed();
                }())));

    if (only.isEmpty() || only == QStringLiteral("a")) {
        const QString src = dir.filePath(QStringLiteral("a-src"));
        writeRandom(src + QStringLiteral("/big.bin"), mib * 1024 * 1024, 1);
        const double ours = bench.runSuanli(src, dir.filePath(QStringLiteral("a-suanli")), dir.filePath(QStringLiteral("a.sqlite")));
        QDir().mkpath(dir.filePath(QStringLiteral("a-sftp")));
        const double sftp = oursOnly ? 0 : bench.runShell(QStringLiteral("echo 'put %1/big.bin %2/big.bin' | sftp -q -b - -P %3 -i %4 -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR %5 >/dev/null")
                                                .arg(src, dir.filePath(QStringLiteral("a-sftp")))
                                                .arg(bench.sshd.port())
                                                .arg(bench.sshd.clientKeyPath(), target));
        const double rsync = oursOnly ? 0 : bench.runShell(QStringLiteral("rsync -a --whole-file -e '%1' %2/ %3:%4/")
                                                 .arg(ssh, src, target, dir.filePath(QStringLiteral("a-rsync"))));
        QDir(dir.filePath(QStringLiteral("a-suanli"))).removeRecursively();
        QDir(dir.filePath(QStringLiteral("a-sftp"))).removeRecursively();
        QDir(dir.filePath(QStringLiteral("a-rsync"))).removeRecursively();
        QDir(src).removeRecursively();
        const double mb = mib * 1048576 / 1e6;
        std::printf("\n(a) one %lld MiB file\n", mib);
        std::printf("  suanli sync        %7.2f s  %6.0f MB/s\n", ours, mb / ours);
        std::printf("  sftp put           %7.2f s  %6.0f MB/s\n", sftp, mb / sftp);
        std::printf("  rsync --whole-file %7.2f s  %6.0f MB/s\n", rsync, mb / rsync);
        std::printf("  suanli vs rsync: %s (target >= 1.0x)   vs sftp: %s (target >= 0.9x)\n",
                    qPrintable(ratio(ours, rsync)), qPrintable(ratio(ours, sftp)));
    }
    if (only.isEmpty() || only == QStringLiteral("b") || only == QStringLiteral("c")) {
        const QString src = dir.filePath(QStringLiteral("b-src"));
        for (int i = 0; i < files; ++i)
            writeRandom(QStringLiteral("%1/d%2/f%3.bin").arg(src).arg(i % 100).arg(i), kib * 1024, quint32(i));
        sync::SyncReport first;
        const double ours = bench.runSuanli(src, dir.filePath(QStringLiteral("b-suanli")), dir.filePath(QStringLiteral("b.sqlite")), &first);
        const QString rsyncCommand = QStringLiteral("rsync -a -e '%1' %2/ %3:%4/")
                                         .arg(ssh, src, target, dir.filePath(QStringLiteral("b-rsync")));
        const double rsync = oursOnly ? 0 : bench.runShell(rsyncCommand);
        std::printf("\n(b) %d files of %lld KiB\n", files, kib);
        std::printf("  suanli sync   %7.2f s  (%lld files, verified %lld)\n", ours, first.filesTransferred, first.filesVerified);
        std::printf("  rsync -a      %7.2f s\n", rsync);
        std::printf("  suanli vs rsync: %s (target >= 1.0x)\n", qPrintable(ratio(ours, rsync)));

        sync::SyncReport again;
        const double oursAgain = bench.runSuanli(src, dir.filePath(QStringLiteral("b-suanli")), dir.filePath(QStringLiteral("b.sqlite")), &again);
        const double rsyncAgain = oursOnly ? 0 : bench.runShell(rsyncCommand);
        std::printf("\n(c) re-sync of unchanged (b)\n");
        std::printf("  suanli sync   %7.2f s  (%lld files moved, %lld unchanged)\n", oursAgain, again.filesTransferred, again.filesUnchanged);
        std::printf("  rsync -a      %7.2f s\n", rsyncAgain);
        std::printf("  suanli time / rsync time: %.2f (target <= 1.0)\n", oursAgain / rsyncAgain);
    }
    return 0;
}
