#include "synctestutil.h"

#include "tcptools.h"

#include "ssh/blockingsession.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <functional>

#include <unistd.h>

using namespace suanli::sync;
using namespace suanli::sync::test;

class TestSyncFaults : public QObject
{
    Q_OBJECT
    /// A sync whose link the relay drops once more than `bytes` are done (*dropped says it was).
    /// A 2 MiB tmpfs mounted at path (made first): a disk that fills up. Root only; false where
    /// it cannot be done.
    static bool mountSmallDisk(const QString &path)
    {
        if (::getuid() != 0 || !QDir().mkpath(path))
            return false;
        return QProcess::execute(QStringLiteral("mount"), {QStringLiteral("-t"), QStringLiteral("tmpfs"),
                                                          QStringLiteral("-o"), QStringLiteral("size=2m"),
                                                          QStringLiteral("tmpfs"), path}) == 0;
    }

    /// Runs `action` once, the first time the job reports more than `bytes` done; *done says
    /// whether it ran.
    void onceBeyond(SyncJob &job, qint64 bytes, bool *done, std::function<void()> action)
    {
        connect(&job, &SyncJob::progressChanged, this, [=](const SyncProgress &progress) {
            if (!*done && progress.bytesDone > bytes) {
                *done = true;
                action();
            }
        });
    }

    SyncReport runDroppingLink(const SyncOptions &options, suanli::ssh::test::TcpRelay &relay,
                               qint64 bytes, bool *dropped)
    {
        SyncJob job(options);
        onceBeyond(job, bytes, dropped, [&relay] { relay.drop(); });
        return runJob(job);
    }

    /// Every file under a final name below remote is the local one, whole (partials and
    /// folders aside); *whole counts them.
    void checkFinalNamesWhole(const QString &local, const QString &remote, int *whole)
    {
        const QMap<QString, QString> localTree = describeTree(local);
        *whole = 0;
        for (const auto &[name, description] : describeTree(remote).asKeyValueRange()) {
            if (name.endsWith(QStringLiteral(".suanli-partial")) || description.startsWith(QStringLiteral("dir")))
                continue;
            QCOMPARE(description, localTree.value(name));
            ++*whole;
        }
    }

    /// An sshd whose sessions find stand-in tools first on their PATH (and `dir` as their home):
    /// shell scripts (name → body) that log "<name> <arguments>" to `log`, one line per call, then run their body.
    void startWithStandIns(Sshd &sshd, const QString &dir, const QString &log,
                           const QList<QPair<QString, QString>> &tools)
    {
        const QString bin = dir + QStringLiteral("/bin");
        for (const auto &[tool, body] : tools) {
            writeFile(bin + u'/' + tool,
                      (QStringLiteral("#!/bin/sh\necho \"%1 $*\" >>'%2'\n").arg(tool, log) + body).toUtf8());
            QFile::setPermissions(bin + u'/' + tool, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        }
        // HOME too: a ~/.bashrc that puts its own folders first on the PATH (pyenv's shims on
        // this VM) would hide the stand-ins.
        sshd.fixture.addConfig(QStringLiteral("SetEnv HOME=%1 PATH=%2:/usr/bin:/bin\n").arg(dir, bin));
        QVERIFY(sshd.start());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sshd.start());
    }

    /// The link drops mid-file: the run fails with connection_lost, the partial stays, and the
    /// next run checks its prefix and sends only the rest.
    void droppedConnectionResumes()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        const QByteArray content = randomBytes(96 * 1024 * 1024, 11);
        writeFile(local + QStringLiteral("/big.bin"), content);
        suanli::ssh::test::TcpRelay relay(m_sshd.fixture.port());
        SyncOptions options = m_sshd.options(Direction::Upload, local, remote,
                                             dir.filePath(QStringLiteral("j")), relay.port());
        {
            bool dropped = false;
            const SyncReport report = runDroppingLink(options, relay, 24 * 1024 * 1024, &dropped);
            QVERIFY(dropped);
            QVERIFY(!report.ok);
            QCOMPARE(report.error.code, QStringLiteral("connection_lost"));
        }
        const QString partial = remote + QStringLiteral("/.big.bin.suanli-partial");
        QVERIFY(QFile::exists(partial));
        QVERIFY(!QFile::exists(remote + QStringLiteral("/big.bin"))); // never truncated in place
        // The instance's sftp-server may still be writing what reached it before the drop (under
        // load it outlives the link by a moment): the partial is what the next run finds once it
        // stops growing.
        qint64 kept = QFileInfo(partial).size();
        QElapsedTimer unchanged;
        unchanged.start();
        QVERIFY(QTest::qWaitFor(
            [&] {
                const qint64 size = QFileInfo(partial).size();
                if (size != kept) {
                    kept = size;
                    unchanged.restart();
                }
                return unchanged.elapsed() >= 500;
            },
            20000));
        QVERIFY(kept > 0);

        SyncJob again(options);
        const SyncReport report = runJob(again);
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QCOMPARE(report.bytesResumed, kept);
        QCOMPARE(report.bytesTransferred, content.size() - kept);
        QCOMPARE(report.filesVerified, 1);
        QFile result(remote + QStringLiteral("/big.bin"));
        QVERIFY(result.open(QIODevice::ReadOnly));
        QVERIFY(result.readAll() == content);
        QVERIFY(!QFile::exists(partial));
    }

    /// An instance with neither openssl nor sha256sum (nor xargs) on its PATH: the run does not
    /// probe first (nothing to resume, every file new), the verification command finds no tool,
    /// and the files are verified by reading them back instead. Small files and a large one.
    void instanceWithoutHashToolsIsVerifiedByReadingBack()
    {
        Sshd bare;
        bare.fixture.addConfig(QStringLiteral("SetEnv PATH=/nonexistent-suanli-test\n"));
        QVERIFY(bare.start());
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        for (int i = 0; i < 20; ++i)
            writeFile(QStringLiteral("%1/small/f%2.bin").arg(local).arg(i), randomBytes(8 * 1024, quint32(70 + i)));
        writeFile(local + QStringLiteral("/big.bin"), randomBytes(6 * 1024 * 1024, 77));
        SyncJob job(bare.options(Direction::Upload, local, remote, dir.filePath(QStringLiteral("j"))));
        const SyncReport report = runJob(job);
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QCOMPARE(report.filesTransferred, 21);
        QCOMPARE(report.filesVerified, 21);
        QCOMPARE(describeTree(remote), describeTree(local));
        // The shell on that instance really lacks the tools (else this test proves nothing).
        suanli::ssh::BlockingSession session;
        const SyncOptions probe = bare.options(Direction::Upload, local, remote, {});
        QVERIFY(session.connect(probe.endpoint, probe.identity));
        auto ran = session.exec("sha256sum --version >/dev/null 2>&1 || openssl version >/dev/null 2>&1; echo $?");
        QVERIFY(ran);
        QVERIFY2(ran->out.trimmed() != "0", ran->out.constData());
    }

    void droppedConnectionMidBatchResumes_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::newRow("tar stream") << true;
        QTest::newRow("pipelined SFTP") << false;
    }

    /// Small files travel as one tar stream, or pipelined over SFTP (many in flight per
    /// session). The link drops mid-batch: connection_lost, every file under its final name is
    /// whole, and the next run moves the rest (what was put in place but not journaled is
    /// hashed, not sent again).
    void droppedConnectionMidBatchResumes()
    {
        QFETCH(bool, stream);
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        constexpr int kFiles = 4000;
        writeSmallFiles(local, kFiles, 40, 16 * 1024, 1000);
        suanli::ssh::test::TcpRelay relay(m_sshd.fixture.port());
        SyncOptions options = m_sshd.options(Direction::Upload, local, remote,
                                             dir.filePath(QStringLiteral("j")), relay.port());
        options.sessions = 2;
        options.streamSmallFiles = stream;
        {
            bool dropped = false;
            const SyncReport report = runDroppingLink(options, relay, 2 * 1024 * 1024, &dropped);
            QVERIFY(dropped);
            QVERIFY(!report.ok);
            QCOMPARE(report.error.code, QStringLiteral("connection_lost"));
            QVERIFY(report.filesTransferred < kFiles);
        }
        // Nothing truncated or foreign under a final name.
        int whole = 0;
        checkFinalNamesWhole(local, remote, &whole);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(whole < kFiles);

        SyncJob again(options);
        const SyncReport report = runJob(again);
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QVERIFY(report.filesTransferred > 0);
        QCOMPARE(report.filesTransferred + report.filesUnchanged, kFiles);
        QCOMPARE(report.filesVerified, report.filesTransferred);
        QCOMPARE(describeTree(remote), describeTree(local));
    }

    /// One member of a tar stream cannot be written (a folder sits where its partial goes): tar
    /// says so and fails, the stream's hash no longer vouches for the batch, so every file is
    /// checked on its own. The others are put in place; that one is reported with tar's words.
    void streamedMemberThatCannotBeWrittenIsReported()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        for (int i = 0; i < 50; ++i)
            writeFile(QStringLiteral("%1/d/f%2.bin").arg(local).arg(i), randomBytes(12 * 1024, quint32(300 + i)));
        writeFile(remote + QStringLiteral("/d/.f7.bin.suanli-partial/in-the-way"), "occupied");
        SyncJob job(m_sshd.options(Direction::Upload, local, remote, dir.filePath(QStringLiteral("j"))));
        const SyncReport report = runJob(job);
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QCOMPARE(report.filesTransferred, 49);
        QCOMPARE(report.filesVerified, 49);
        QCOMPARE(report.issues.size(), 1);
        QCOMPARE(report.issues.first().path, QByteArray("d/f7.bin"));
        QCOMPARE(report.issues.first().error.code, QStringLiteral("remote_failed"));
        QVERIFY2(report.issues.first().error.message.contains(QStringLiteral("d/f7.bin")),
                 qPrintable(report.issues.first().error.message));
        QVERIFY(!QFile::exists(remote + QStringLiteral("/d/f7.bin")));
        const QMap<QString, QString> localTree = describeTree(local);
        const QMap<QString, QString> remoteTree = describeTree(remote);
        for (int i = 0; i < 50; ++i) {
            const QString name = QStringLiteral("d/f%1.bin").arg(i);
            if (i != 7)
                QCOMPARE(remoteTree.value(name), localTree.value(name));
        }
    }

    /// An instance whose tar is not GNU tar (busybox, bsdtar): the stream is not tried, the
    /// files go one by one over SFTP and arrive all the same. The stand-in tar logs how it was
    /// called, so the test sees that nothing but `--version` was asked of it.
    void instanceWithoutGnuTarGetsFilesOverSftp()
    {
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("tar.log"));
        Sshd other;
        startWithStandIns(other, dir.path(), log,
                          {{QStringLiteral("tar"),
                            QStringLiteral("[ \"$1\" = --version ] && echo 'tar (busybox) 1.36' && exit 0\nexit 1\n")}});
        if (QTest::currentTestFailed())
            return;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        for (int i = 0; i < 30; ++i)
            writeFile(QStringLiteral("%1/sub%2/f%3.bin").arg(local).arg(i % 2).arg(i), randomBytes(4 * 1024, quint32(400 + i)));
        SyncJob job(other.options(Direction::Upload, local, remote, dir.filePath(QStringLiteral("j"))));
        const SyncReport report = runJob(job);
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QCOMPARE(report.filesTransferred, 30);
        QCOMPARE(report.filesVerified, 30);
        QCOMPARE(describeTree(remote), describeTree(local));
        QFile calls(log);
        QVERIFY2(calls.open(QIODevice::ReadOnly), "the stand-in tar was never asked");
        for (const QByteArray &line : calls.readAll().split('\n'))
            QVERIFY2(line.isEmpty() || line == "tar --version", line.constData());
    }

    /// A first upload into a folder that does not exist yet: the stream unpacks the whole tree
    /// (nested and empty folders with their modes, files, a link) under a staging folder beside
    /// it, which is renamed into place in one piece. What an interrupted earlier run left in
    /// that staging folder never shows up.
    void firstUploadGoesInPlaceInOnePiece()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        for (int i = 0; i < 120; ++i)
            writeFile(QStringLiteral("%1/a/b%2/f%3.bin").arg(local).arg(i % 3).arg(i), randomBytes(2048 + i, quint32(800 + i)));
        writeFile(local + QStringLiteral("/top.txt"), "top\n");
        QVERIFY(QDir().mkpath(local + QStringLiteral("/empty/inner")));
        QFile::setPermissions(local + QStringLiteral("/a/b1"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                                    QFile::ReadGroup | QFile::ExeGroup);
        QVERIFY(QFile::link(QStringLiteral("a/b0/f0.bin"), local + QStringLiteral("/link")));
        // Left by an interrupted run: must not appear under the root.
        writeFile(dir.filePath(QStringLiteral(".r.suanli-partial/stale.txt")), "stale");
        SyncJob job(m_sshd.options(Direction::Upload, local, remote, dir.filePath(QStringLiteral("j"))));
        const SyncReport report = runJob(job);
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QCOMPARE(report.filesTransferred, 121);
        QCOMPARE(report.filesVerified, 121);
        QCOMPARE(describeTree(remote), describeTree(local));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral(".r.suanli-partial"))));

        // The next run finds it all in place.
        SyncJob again(m_sshd.options(Direction::Upload, local, remote, dir.filePath(QStringLiteral("j"))));
        const SyncReport second = runJob(again);
        QVERIFY2(second.ok, qPrintable(second.error.message));
        QCOMPARE(second.filesTransferred, 0);
        QCOMPARE(second.filesUnchanged, 121);
    }

    /// Pause in the middle of a stream holds it (nothing more is read or sent while the
    /// instance's tar waits), resume finishes it, and the tree arrives whole.
    void pauseAndResumeMidStream()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        writeSmallFiles(local, 3000, 20, 16 * 1024, 700);
        SyncJob job(m_sshd.options(Direction::Upload, local, remote, dir.filePath(QStringLiteral("j"))));
        QSignalSpy finished(&job, &SyncJob::finished);
        bool paused = false;
        onceBeyond(job, 4 * 1024 * 1024, &paused, [&job] { job.pause(); });
        job.start();
        QTRY_VERIFY(job.progress().paused);
        // What was in flight when the pause took hold lands first: two samples in a row agree.
        QSignalSpy samples(&job, &SyncJob::progressChanged);
        qint64 atPause = job.progress().bytesDone;
        for (;;) {
            QVERIFY(samples.wait(5000));
            if (job.progress().bytesDone == atPause)
                break;
            atPause = job.progress().bytesDone;
        }
        QVERIFY(!QTest::qWaitFor([&] { return job.progress().bytesDone != atPause; }, 1500));
        QCOMPARE(job.progress().bytesDone, atPause);
        QVERIFY(finished.isEmpty());
        QVERIFY(!QFile::exists(remote + QStringLiteral("/d0/f0.bin"))); // nothing placed yet
        job.resume();
        QVERIFY(finished.wait(60000));
        QVERIFY2(job.report().ok, qPrintable(job.report().error.message));
        QCOMPARE(job.report().filesTransferred, 3000);
        QCOMPARE(describeTree(remote), describeTree(local));
    }

    /// Cancel in the middle of a stream: it stops at once, and nothing incomplete (or
    /// unverified) is under a final name.
    void cancelMidStream()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        writeSmallFiles(local, 3000, 30, 16 * 1024, 500);
        SyncJob job(m_sshd.options(Direction::Upload, local, remote, dir.filePath(QStringLiteral("j"))));
        QSignalSpy finished(&job, &SyncJob::finished);
        bool cancelled = false;
        onceBeyond(job, 8 * 1024 * 1024, &cancelled, [&job] { job.cancel(); });
        job.start();
        QVERIFY(finished.wait(60000));
        QVERIFY(cancelled);
        QVERIFY(job.report().cancelled);
        QCOMPARE(job.report().error.code, QStringLiteral("cancelled"));
        int whole = 0;
        checkFinalNamesWhole(local, remote, &whole);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(whole < 3000);
    }

    void largeUploadIsHashedWhileSent_data()
    {
        QTest::addColumn<QString>("hasher");
        QTest::newRow("python3") << QStringLiteral("python3");
        QTest::newRow("dd and openssl") << QStringLiteral("dd");
        QTest::newRow("dd without skip_bytes") << QStringLiteral("broken dd");
    }

    /// A large upload is hashed on the instance while it is sent: the hashing command is told
    /// each acknowledged range and reads it — with Python's hashlib where the instance has it,
    /// else with dd into openssl. Stand-ins on the instance's PATH log their calls (and run the
    /// real tools): with Python, openssl is never needed (no hashing after); with dd, the ranges
    /// cover the file in order. Where dd cannot (busybox has no skip_bytes), the digest is wrong
    /// and the file is hashed again after the transfer: still verified, still whole.
    void largeUploadIsHashedWhileSent()
    {
        QFETCH(QString, hasher);
        QTemporaryDir dir;
        const QString log = dir.filePath(QStringLiteral("calls.log"));
        const bool python = hasher == QStringLiteral("python3");
        const QString realPython = QStandardPaths::findExecutable(QStringLiteral("python3"), {QStringLiteral("/usr/bin")});
        if (python && realPython.isEmpty())
            QSKIP("no /usr/bin/python3 here");
        Sshd other;
        startWithStandIns(other, dir.path(), log,
                          {{QStringLiteral("python3"), python ? QStringLiteral("exec %1 \"$@\"\n").arg(realPython)
                                                              : QStringLiteral("exit 127\n")}, // as if none
                           {QStringLiteral("openssl"), QStringLiteral("exec /usr/bin/openssl \"$@\"\n")},
                           {QStringLiteral("dd"), hasher == QStringLiteral("dd")
                                                      ? QStringLiteral("exec /bin/dd \"$@\"\n")
                                                      : QStringLiteral("echo \"dd: invalid input flag: 'skip_bytes'\" >&2\nexit 1\n")}});
        if (QTest::currentTestFailed())
            return;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        constexpr qint64 kSize = 150 * 1024 * 1024 + 12345; // three ranges, the last one short
        writeFile(local + QStringLiteral("/big.bin"), randomBytes(kSize, 21));
        SyncJob job(other.options(Direction::Upload, local, remote, dir.filePath(QStringLiteral("j"))));
        const SyncReport report = runJob(job);
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QCOMPARE(report.filesVerified, 1);
        QCOMPARE(describeTree(remote), describeTree(local));
        QFile calls(log);
        QVERIFY2(calls.open(QIODevice::ReadOnly), "the instance was never asked to hash while sending");
        const QByteArray text = calls.readAll();
        if (python) {
            QVERIFY2(text.contains("hashlib.sha256()"), text.constData());
            QVERIFY2(!text.contains("\nopenssl ") && !text.startsWith("openssl "), text.constData());
            return;
        }
        qint64 covered = 0;
        for (const QByteArray &line : text.split('\n')) {
            if (!line.startsWith("dd "))
                continue;
            const QRegularExpression range(QStringLiteral("skip=(\\d+) count=(\\d+)"));
            const QRegularExpressionMatch match = range.match(QString::fromUtf8(line));
            QVERIFY2(match.hasMatch(), line.constData());
            QCOMPARE(match.captured(1).toLongLong(), covered);
            covered += match.captured(2).toLongLong();
            if (hasher != QStringLiteral("dd"))
                break; // the loop stops at the first failure
        }
        if (hasher == QStringLiteral("dd"))
            QCOMPARE(covered, kSize);
        else
            QVERIFY(covered > 0);
    }

    /// A partial whose prefix does not match (the file changed meanwhile) is not trusted.
    void mismatchedPartialStartsOver()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        const QByteArray content = randomBytes(8 * 1024 * 1024, 12);
        writeFile(local + QStringLiteral("/f.bin"), content);
        writeFile(remote + QStringLiteral("/.f.bin.suanli-partial"), randomBytes(1024 * 1024, 13));
        SyncJob job(m_sshd.options(Direction::Upload, local, remote, {}));
        const SyncReport report = runJob(job);
        QVERIFY(report.ok);
        QCOMPARE(report.bytesResumed, 0);
        QFile result(remote + QStringLiteral("/f.bin"));
        QVERIFY(result.open(QIODevice::ReadOnly));
        QVERIFY(result.readAll() == content);
    }

    /// A file written to while it is sent is detected and sent again.
    void fileChangingDuringUploadIsResent()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        writeFile(local + QStringLiteral("/grow.bin"), randomBytes(32 * 1024 * 1024, 14));
        SyncJob job(m_sshd.options(Direction::Upload, local, remote, {}));
        bool changed = false;
        onceBeyond(job, 0, &changed, [&job, local] {
            job.pause();
            QFile file(local + QStringLiteral("/grow.bin"));
            QVERIFY(file.open(QIODevice::Append));
            file.write("more data at the end");
            file.close();
            job.resume();
        });
        const SyncReport report = runJob(job);
        QVERIFY(changed);
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QCOMPARE(describeTree(remote), describeTree(local));
    }

    /// Cancel stops at once and keeps the partial; pause holds the transfer.
    void pauseAndCancel()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        writeFile(local + QStringLiteral("/big.bin"), randomBytes(64 * 1024 * 1024, 15));
        SyncJob job(m_sshd.options(Direction::Upload, local, remote, {}));
        QSignalSpy finished(&job, &SyncJob::finished);
        job.start();
        QTRY_VERIFY(job.progress().bytesDone > 0);
        job.pause();
        QTRY_VERIFY(job.progress().paused);
        const qint64 atPause = job.progress().bytesDone;
        constexpr qint64 kChunk = 4 * 1024 * 1024;
        QVERIFY(!QTest::qWaitFor([&] { return job.progress().bytesDone - atPause > kChunk; }, 300));
        QVERIFY(job.progress().bytesDone - atPause <= kChunk); // at most the chunk in flight
        job.cancel();
        QVERIFY(finished.wait(10000));
        QVERIFY(job.report().cancelled);
        QCOMPARE(job.report().error.code, QStringLiteral("cancelled"));
        QVERIFY(!QFile::exists(remote + QStringLiteral("/big.bin")));
        QVERIFY(QFile::exists(remote + QStringLiteral("/.big.bin.suanli-partial")));
    }

    /// A full remote disk: a clear error, and the partial kept for the next run.
    void remoteDiskFull()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("small-disk"));
        if (!mountSmallDisk(remote))
            QSKIP("needs root to mount a small tmpfs");
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {remote}); });
        writeFile(local + QStringLiteral("/big.bin"), randomBytes(6 * 1024 * 1024, 16));
        SyncJob job(m_sshd.options(Direction::Upload, local, remote, {}));
        const SyncReport report = runJob(job);
        QVERIFY(!report.ok);
        QCOMPARE(report.error.code, QStringLiteral("remote_disk_full"));
        QVERIFY(QFile::exists(remote + QStringLiteral("/.big.bin.suanli-partial")));
        QVERIFY(!QFile::exists(remote + QStringLiteral("/big.bin")));
    }

    /// A full disk in the middle of a tar stream: remote_disk_full, the run stops, and no
    /// final name holds anything incomplete.
    void remoteDiskFullWhileStreaming()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("small-disk"));
        if (!mountSmallDisk(remote))
            QSKIP("needs root to mount a small tmpfs");
        const auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {remote}); });
        for (int i = 0; i < 200; ++i)
            writeFile(QStringLiteral("%1/f%2.bin").arg(local).arg(i), randomBytes(16 * 1024, quint32(600 + i)));
        SyncJob job(m_sshd.options(Direction::Upload, local, remote, {}));
        const SyncReport report = runJob(job);
        QVERIFY(!report.ok);
        QCOMPARE(report.error.code, QStringLiteral("remote_disk_full"));
        int whole = 0;
        checkFinalNamesWhole(local, remote, &whole);
    }

    void hostilePaths()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        // ".." in the instance path.
        {
            SyncJob job(m_sshd.options(Direction::Upload, local, remote + QStringLiteral("/../etc"), {}));
            const SyncReport report = runJob(job);
            QVERIFY(!report.ok);
            QCOMPARE(report.error.code, QStringLiteral("invalid_path"));
        }
        // Remote names Windows cannot hold, and links pointing out of the tree, coming down.
        writeFile(remote + QStringLiteral("/ok.txt"), "fine");
        writeFile(remote + QStringLiteral("/a:b.txt"), "colon");
        writeFile(remote + QStringLiteral("/aux.txt"), "reserved");
        writeFile(remote + QStringLiteral("/Case.txt"), "1");
        writeFile(remote + QStringLiteral("/case.txt"), "2");
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), remote + QStringLiteral("/passwd-link")));
        QVERIFY(QFile::link(QStringLiteral("../../../etc"), remote + QStringLiteral("/escape")));
        QVERIFY(QFile::link(QStringLiteral("ok.txt"), remote + QStringLiteral("/inside-link")));
        SyncOptions options = m_sshd.options(Direction::Download, local, remote, {});
        options.receiverNames = NameRules::Windows;
        SyncJob job(options);
        const SyncReport report = runJob(job);
        QVERIFY2(report.ok, qPrintable(report.error.message));
        QVERIFY(hasIssue(report, QStringLiteral("invalid_name")));
        QVERIFY(hasIssue(report, QStringLiteral("unsafe_symlink")));
        QVERIFY(hasIssue(report, QStringLiteral("name_collision")));
        QVERIFY(QFile::exists(local + QStringLiteral("/ok.txt")));
        QVERIFY(!QFile::exists(local + QStringLiteral("/a:b.txt")));
        QVERIFY(!QFile::exists(local + QStringLiteral("/aux.txt")));
        QVERIFY(!QFileInfo(local + QStringLiteral("/passwd-link")).isSymLink());
        QVERIFY(!QFileInfo(local + QStringLiteral("/escape")).isSymLink());
        QCOMPARE(QFileInfo(local + QStringLiteral("/inside-link")).symLinkTarget(),
                 QFileInfo(local + QStringLiteral("/ok.txt")).absoluteFilePath());
        // Nothing lost: the sources are untouched.
        QVERIFY(QFile::exists(remote + QStringLiteral("/a:b.txt")));

        // A local folder replaced by a link to elsewhere is never written through.
        QTemporaryDir elsewhere;
        writeFile(remote + QStringLiteral("/sub/x.txt"), "x");
        QVERIFY(QFile::link(elsewhere.path(), local + QStringLiteral("/sub")));
        SyncJob again(m_sshd.options(Direction::Download, local, remote, {}));
        const SyncReport second = runJob(again);
        QVERIFY(hasIssue(second, QStringLiteral("type_conflict")));
        QVERIFY(!QFile::exists(elsewhere.filePath(QStringLiteral("x.txt"))));
    }

private:
    Sshd m_sshd;
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "tst_syncfaults.moc"
