#include "synctestutil.h"

#include "sync/syncjournal.h"

#include <QStandardPaths>
#include <QTemporaryDir>

using namespace suanli::sync;
using namespace suanli::sync::test;

class TestSyncEngine : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sshd.start());
    }

    /// 10,000 small files, big files, unicode names, empty folders, links, excludes: up, again
    /// (nothing moves), down, and the three trees agree.
    void roundTrip()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("local"));
        const QString remote = dir.filePath(QStringLiteral("remote/data"));
        const QString back = dir.filePath(QStringLiteral("back"));
        const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
        for (int i = 0; i < 10000; ++i) {
            writeFile(QStringLiteral("%1/small/d%2/f%3.txt").arg(local).arg(i % 50).arg(i),
                      randomBytes(1000 + (i % 7) * 500, quint32(i)));
        }
        writeFile(local + QStringLiteral("/big/a.bin"), randomBytes(24 * 1024 * 1024, 1));
        writeFile(local + QStringLiteral("/big/b.bin"), randomBytes(5 * 1024 * 1024 + 3, 2));
        writeFile(local + QStringLiteral("/数据/训练集 ü é.csv"), "a,b\n1,2\n");
        writeFile(local + QStringLiteral("/empty.txt"), {});
        QDir().mkpath(local + QStringLiteral("/empty/nested"));
        writeFile(local + QStringLiteral("/.suanliignore"), "*.tmp\n/logs/\n");
        writeFile(local + QStringLiteral("/scratch.tmp"), "ignored");
        writeFile(local + QStringLiteral("/logs/run.log"), "ignored");
        writeFile(local + QStringLiteral("/.git/HEAD"), "ignored");
        writeFile(local + QStringLiteral("/pkg/__pycache__/m.pyc"), "ignored");
        writeFile(local + QStringLiteral("/script.sh"), "#!/bin/sh\n");
        QFile::setPermissions(local + QStringLiteral("/script.sh"),
                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup);
        QVERIFY(QFile::link(QStringLiteral("big/a.bin"), local + QStringLiteral("/link-inside")));
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), local + QStringLiteral("/link-outside")));
        QVERIFY(QFile::link(QStringLiteral("../../outside"), local + QStringLiteral("/small/link-escape")));

        SyncOptions up = m_sshd.options(Direction::Upload, local, remote, journal);
        SyncReport report;
        {
            SyncJob job(up);
            QSignalSpy plans(&job, &SyncJob::planReady);
            QSignalSpy progress(&job, &SyncJob::progressChanged);
            report = runJob(job);
            QVERIFY2(report.ok, qPrintable(report.error.message));
            QCOMPARE(plans.size(), 1);
            QVERIFY(progress.size() > 0);
            QCOMPARE(job.progress().filesDone, 10000 + 2 + 4);
            QCOMPARE(job.progress().bytesDone, job.progress().bytesTotal);
        }
        QCOMPARE(report.filesTransferred, 10006);
        QCOMPARE(report.filesVerified, 10006);
        QVERIFY(hasIssue(report, QStringLiteral("unsafe_symlink")));

        QMap<QString, QString> expected = describeTree(local);
        for (const QString &ignored : {QStringLiteral("scratch.tmp"), QStringLiteral("logs"),
                                       QStringLiteral("logs/run.log"), QStringLiteral(".git"),
                                       QStringLiteral(".git/HEAD"), QStringLiteral("pkg/__pycache__"),
                                       QStringLiteral("pkg/__pycache__/m.pyc"),
                                       QStringLiteral("link-outside"), QStringLiteral("small/link-escape")})
            QVERIFY(expected.remove(ignored) == 1);
        const QMap<QString, QString> uploaded = describeTree(remote);
        QCOMPARE(uploaded.size(), expected.size());
        QCOMPARE(uploaded, expected);

        // Unchanged: nothing moves, no file is hashed, and the listing is all it takes.
        {
            SyncJob job(up);
            const SyncReport again = runJob(job);
            QVERIFY(again.ok);
            QCOMPARE(again.filesTransferred, 0);
            QCOMPARE(again.bytesTransferred, 0);
            QCOMPARE(job.plan().unchangedFiles, 10006);
        }

        // One file changes: only it moves.
        writeFile(local + QStringLiteral("/small/d3/f3.txt"), "changed");
        {
            SyncJob job(up);
            const SyncReport again = runJob(job);
            QVERIFY(again.ok);
            QCOMPARE(again.filesTransferred, 1);
        }

        // And back down into an empty folder.
        {
            SyncJob job(m_sshd.options(Direction::Download, back, remote, journal));
            const SyncReport down = runJob(job);
            QVERIFY2(down.ok, qPrintable(down.error.message));
            QCOMPARE(down.filesTransferred, 10006);
        }
        QCOMPARE(describeTree(back), describeTree(remote));

        SyncJournal history;
        QVERIFY(history.open(journal).ok());
        QCOMPARE(history.history().size(), 4);
    }

    /// A file already on the instance with the same size and mtime but no journal entry is
    /// hashed on both sides instead of sent.
    void existingDataIsHashedNotSent()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        writeFile(local + QStringLiteral("/x.bin"), randomBytes(100000, 7));
        QDir().mkpath(remote);
        QVERIFY(QFile::copy(local + QStringLiteral("/x.bin"), remote + QStringLiteral("/x.bin")));
        QFile copy(remote + QStringLiteral("/x.bin"));
        QVERIFY(copy.open(QIODevice::ReadWrite));
        QVERIFY(copy.setFileTime(QFileInfo(local + QStringLiteral("/x.bin")).lastModified(),
                                 QFileDevice::FileModificationTime));
        copy.close();
        SyncJob job(m_sshd.options(Direction::Upload, local, remote, dir.filePath(QStringLiteral("j"))));
        const SyncReport report = runJob(job);
        QVERIFY(report.ok);
        QCOMPARE(report.filesTransferred, 0);
        QCOMPARE(report.filesUnchanged, 1);
    }

    void dryRunPlansAndMovesNothing()
    {
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        writeFile(local + QStringLiteral("/a.txt"), "12345");
        writeFile(local + QStringLiteral("/b/c.txt"), "123");
        writeFile(remote + QStringLiteral("/old.txt"), "x");
        SyncOptions options = m_sshd.options(Direction::Upload, local, remote, {});
        options.dryRun = true;
        options.deleteExtraneous = true;
        SyncJob job(options);
        const SyncReport report = runJob(job);
        QVERIFY(report.ok);
        QCOMPARE(job.plan().transfers.size(), 2);
        QCOMPARE(job.plan().bytesToTransfer, 8);
        QCOMPARE(job.plan().deletions, QList<QByteArray>{"old.txt"});
        QVERIFY(!QFile::exists(remote + QStringLiteral("/a.txt")));
        QVERIFY(QFile::exists(remote + QStringLiteral("/old.txt")));

        options.dryRun = false;
        SyncJob real(options);
        QVERIFY(runJob(real).ok);
        QVERIFY(!QFile::exists(remote + QStringLiteral("/old.txt")));
        QCOMPARE(real.report().filesDeleted, 1);
    }

    void invalidIgnoreLineIsInThePlan()
    {
        // A .suanliignore line that can never match shows up in the plan the app lists
        // (docs/sync.md, "What a run does"); the valid lines still apply.
        QTemporaryDir dir;
        const QString local = dir.filePath(QStringLiteral("l"));
        const QString remote = dir.filePath(QStringLiteral("r"));
        writeFile(local + QStringLiteral("/.suanliignore"), "[[:digit:]]*.tmp\n[[:nope:]]\n");
        writeFile(local + QStringLiteral("/1.tmp"), "x");
        writeFile(local + QStringLiteral("/a.txt"), "y");
        QDir().mkpath(remote);
        SyncOptions options = m_sshd.options(Direction::Upload, local, remote, {});
        options.dryRun = true;
        SyncJob job(options);
        QVERIFY(runJob(job).ok);
        const SyncPlan plan = job.plan();
        QCOMPARE(plan.skipped.size(), 1);
        QCOMPARE(plan.skipped.at(0).path, QByteArray(".suanliignore"));
        QCOMPARE(plan.skipped.at(0).error.code, QStringLiteral("invalid_ignore_pattern"));
        QVERIFY(plan.skipped.at(0).error.message.contains(QStringLiteral("line 2")));
        QCOMPARE(plan.transfers.size(), 2); // a.txt and .suanliignore, not 1.tmp
    }

private:
    Sshd m_sshd;
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
