// sync-bench: the dataset sync engine against sftp and rsync, same sshd, same run, loopback.
// (a) one large file, (b) many small files, (c) re-sync of unchanged (b). See
// docs/benchmarks.md, "Dataset sync (bench/sync)".
#include "bench/procstat.h"
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

#include <algorithm>
#include <cstdio>
#include <functional>
#include <unistd.h>

using namespace suanli;

namespace {

struct Bench
{
    ssh::test::SshdFixture sshd;
    QString sshCommand; // for rsync -e and sftp
    int sessions = 8;
    /// CPU time the whole machine (both ends of the loopback) spent on the last run.
    double lastCpu = 0;

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
        const double cpuBefore = bench::machineBusySeconds();
        QElapsedTimer clock;
        clock.start();
        job.start();
        finished.wait(3600 * 1000);
        const double seconds = clock.elapsed() / 1000.0;
        lastCpu = bench::machineBusySeconds() - cpuBefore;
        if (!job.report().ok)
            std::fprintf(stderr, "suanli sync failed: %s\n", qPrintable(job.report().error.message));
        if (out)
            *out = job.report();
        return seconds;
    }

    double runShell(const QString &command)
    {
        ::sync();
        const double cpuBefore = bench::machineBusySeconds();
        QElapsedTimer clock;
        clock.start();
        const int rc = QProcess::execute(QStringLiteral("sh"), {QStringLiteral("-c"), command});
        const double seconds = clock.elapsed() / 1000.0;
        lastCpu = bench::machineBusySeconds() - cpuBefore;
        if (rc != 0)
            std::fprintf(stderr, "command failed (%d): %s\n", rc, qPrintable(command));
        return seconds;
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

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
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
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Rounds per case; figures are medians."), QStringLiteral("n"), QStringLiteral("3")});
    parser.process(app);
    const bool oursOnly = parser.isSet(QStringLiteral("ours-only"));
    const qint64 mib = parser.value(QStringLiteral("mib")).toLongLong();
    const int files = parser.value(QStringLiteral("files")).toInt();
    const qint64 kib = parser.value(QStringLiteral("kib")).toLongLong();
    const QString only = parser.value(QStringLiteral("only"));
    const int rounds = qMax(1, parser.value(QStringLiteral("rounds")).toInt());

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

    const double stolenBefore = bench::machineBusySeconds(true);
    QElapsedTimer benchClock;
    benchClock.start();
    // Each round runs every tool once, in a rotating order, into fresh targets; the figures are
    // medians over the rounds (one run says little on a VM whose disk and CPU neighbours vary).
    const auto rotate = [](QList<std::function<void()>> steps, int round) {
        for (qsizetype i = 0; i < steps.size(); ++i)
            steps.at((i + round) % steps.size())();
    };
    if (only.isEmpty() || only == QStringLiteral("a")) {
        const QString src = dir.filePath(QStringLiteral("a-src"));
        writeRandom(src + QStringLiteral("/big.bin"), mib * 1024 * 1024, 1);
        QList<double> ours, sftp, rsync, oursCpu, sftpCpu, rsyncCpu;
        for (int round = 0; round < rounds; ++round) {
            const QString suffix = QStringLiteral("-%1").arg(round);
            // Each target goes as soon as its tool is done: a third gigabyte written into fresh
            // memory in one round cost whichever tool came third 3–5 s of CPU more here (page
            // faults the hypervisor has to back), whichever tool that was.
            const auto drop = [&](const char *name) {
                QDir(dir.filePath(QLatin1String(name) + suffix)).removeRecursively();
            };
            QList<std::function<void()>> steps{[&] {
                ours.append(bench.runSuanli(src, dir.filePath(QStringLiteral("a-suanli") + suffix),
                                            dir.filePath(QStringLiteral("a%1.sqlite").arg(round))));
                oursCpu.append(bench.lastCpu);
                drop("a-suanli");
            }};
            if (!oursOnly) {
                steps.append([&] {
                    const QString into = dir.filePath(QStringLiteral("a-sftp") + suffix);
                    QDir().mkpath(into);
                    sftp.append(bench.runShell(QStringLiteral("echo 'put %1/big.bin %2/big.bin' | sftp -q -b - -P %3 -i %4 -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR %5 >/dev/null")
                                                   .arg(src, into)
                                                   .arg(bench.sshd.port())
                                                   .arg(bench.sshd.clientKeyPath(), target)));
                    sftpCpu.append(bench.lastCpu);
                    drop("a-sftp");
                });
                steps.append([&] {
                    rsync.append(bench.runShell(QStringLiteral("rsync -a --whole-file -e '%1' %2/ %3:%4/")
                                                    .arg(ssh, src, target, dir.filePath(QStringLiteral("a-rsync") + suffix))));
                    rsyncCpu.append(bench.lastCpu);
                    drop("a-rsync");
                });
            }
            rotate(steps, round);
            std::printf("(a) round %d: suanli %.2f s (CPU %.2f s)%s\n", round + 1, ours.last(), oursCpu.last(),
                        oursOnly ? "" : qPrintable(QStringLiteral("   sftp %1 s (CPU %2 s)   rsync %3 s (CPU %4 s)")
                                                       .arg(sftp.last(), 0, 'f', 2).arg(sftpCpu.last(), 0, 'f', 2)
                                                       .arg(rsync.last(), 0, 'f', 2).arg(rsyncCpu.last(), 0, 'f', 2)));
        }
        QDir(src).removeRecursively();
        const double mb = mib * 1048576 / 1e6;
        const double o = median(ours), f = median(sftp), r = median(rsync);
        std::printf("\n(a) one %lld MiB file, median of %d rounds\n", mib, rounds);
        std::printf("  suanli sync        %7.2f s  %6.0f MB/s   machine CPU %6.2f s\n", o, mb / o, median(oursCpu));
        if (!oursOnly) {
            std::printf("  sftp put           %7.2f s  %6.0f MB/s   machine CPU %6.2f s\n", f, mb / f, median(sftpCpu));
            std::printf("  rsync --whole-file %7.2f s  %6.0f MB/s   machine CPU %6.2f s\n", r, mb / r, median(rsyncCpu));
            std::printf("  suanli vs rsync: %s (target >= 1.0x)   vs sftp: %s (target >= 0.9x)\n\n",
                        qPrintable(ratio(o, r)), qPrintable(ratio(o, f)));
        }
    }
    if (only.isEmpty() || only == QStringLiteral("b") || only == QStringLiteral("c")) {
        const QString src = dir.filePath(QStringLiteral("b-src"));
        for (int i = 0; i < files; ++i)
            writeRandom(QStringLiteral("%1/d%2/f%3.bin").arg(src).arg(i % 100).arg(i), kib * 1024, quint32(i));
        QList<double> ours, rsync, oursAgain, rsyncAgain, oursCpu, rsyncCpu;
        sync::SyncReport first;
        sync::SyncReport again;
        for (int round = 0; round < rounds; ++round) {
            const QString suffix = QStringLiteral("-%1").arg(round);
            const QString oursInto = dir.filePath(QStringLiteral("b-suanli") + suffix);
            const QString journal = dir.filePath(QStringLiteral("b%1.sqlite").arg(round));
            const QString rsyncCommand = QStringLiteral("rsync -a -e '%1' %2/ %3:%4/")
                                             .arg(ssh, src, target, dir.filePath(QStringLiteral("b-rsync") + suffix));
            QList<std::function<void()>> steps{[&] {
                ours.append(bench.runSuanli(src, oursInto, journal, &first));
                oursCpu.append(bench.lastCpu);
            }};
            if (!oursOnly) {
                steps.append([&] {
                    rsync.append(bench.runShell(rsyncCommand));
                    rsyncCpu.append(bench.lastCpu);
                });
            }
            rotate(steps, round);
            // (c): the same again, nothing changed.
            QList<std::function<void()>> stepsAgain{[&] { oursAgain.append(bench.runSuanli(src, oursInto, journal, &again)); }};
            if (!oursOnly)
                stepsAgain.append([&] { rsyncAgain.append(bench.runShell(rsyncCommand)); });
            rotate(stepsAgain, round);
            for (const char *name : {"b-suanli", "b-rsync"})
                QDir(dir.filePath(QLatin1String(name) + suffix)).removeRecursively();
            std::printf("(b) round %d: suanli %.2f s (CPU %.2f s; %lld files, verified %lld)%s;   (c) suanli %.2f s (%lld moved, %lld unchanged)%s\n",
                        round + 1, ours.last(), oursCpu.last(), first.filesTransferred, first.filesVerified,
                        oursOnly ? "" : qPrintable(QStringLiteral("   rsync %1 s (CPU %2 s)").arg(rsync.last(), 0, 'f', 2).arg(rsyncCpu.last(), 0, 'f', 2)),
                        oursAgain.last(), again.filesTransferred, again.filesUnchanged,
                        oursOnly ? "" : qPrintable(QStringLiteral("   rsync %1 s").arg(rsyncAgain.last(), 0, 'f', 2)));
        }
        std::printf("\n(b) %d files of %lld KiB, median of %d rounds\n", files, kib, rounds);
        std::printf("  suanli sync   %7.2f s   machine CPU %6.2f s\n", median(ours), median(oursCpu));
        if (!oursOnly) {
            std::printf("  rsync -a      %7.2f s   machine CPU %6.2f s\n", median(rsync), median(rsyncCpu));
            std::printf("  suanli vs rsync: %s (target >= 1.0x)\n", qPrintable(ratio(median(ours), median(rsync))));
        }
        std::printf("\n(c) re-sync of unchanged (b), median of %d rounds\n", rounds);
        std::printf("  suanli sync   %7.2f s\n", median(oursAgain));
        if (!oursOnly) {
            std::printf("  rsync -a      %7.2f s\n", median(rsyncAgain));
            std::printf("  suanli time / rsync time: %.2f (target <= 1.0)\n", median(oursAgain) / median(rsyncAgain));
        }
    }
    // Other guests on the same host take CPU at times ("steal"): a run with much of it is noisy.
    std::printf("\nCPU stolen by the hypervisor during the benchmark: %.2f s of %.0f s\n",
                bench::machineBusySeconds(true) - stolenBefore, benchClock.elapsed() / 1000.0);
    return 0;
}
