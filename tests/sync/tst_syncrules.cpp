#include "sync/ignorerules.h"
#include "sync/localtree.h"
#include "sync/pathrules.h"
#include "sync/planner.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace suanli::sync;

class TestSyncRules : public QObject
{
    Q_OBJECT
private slots:
    void ignoreDefaults()
    {
        const IgnoreRules rules = IgnoreRules::withDefaults();
        QVERIFY(rules.isIgnored(".git", true));
        QVERIFY(rules.isIgnored(".git/config", false));
        QVERIFY(rules.isIgnored("src/__pycache__/x.pyc", false));
        QVERIFY(rules.isIgnored("a/b/.DS_Store", false));
        QVERIFY(!rules.isIgnored(".gitignore", false));
        QVERIFY(!rules.isIgnored("git/x", false));
    }

    void ignoreGitSyntax()
    {
        IgnoreRules rules;
        rules.addFile(
            {}, "# comment\n*.log\n!keep.log\n/build/\ndata/**/tmp\ncache/\n\\#hash\n[ab].txt\n");
        QVERIFY(rules.isIgnored("x.log", false));
        QVERIFY(rules.isIgnored("deep/y.log", false));
        QVERIFY(!rules.isIgnored("keep.log", false));
        QVERIFY(rules.isIgnored("build", true));
        QVERIFY(rules.isIgnored("build/out.o", false));
        QVERIFY(!rules.isIgnored("src/build/out.o", false)); // anchored
        QVERIFY(!rules.isIgnored("build", false));           // folders only
        QVERIFY(rules.isIgnored("data/tmp", true));
        QVERIFY(rules.isIgnored("data/a/b/tmp/f", false));
        QVERIFY(rules.isIgnored("x/cache/f", false));
        QVERIFY(rules.isIgnored("#hash", false));
        QVERIFY(rules.isIgnored("a.txt", false));
        QVERIFY(!rules.isIgnored("c.txt", false));
        // Rules of a nested file apply below their folder only.
        rules.addFile("sub", "*.bin\n");
        QVERIFY(rules.isIgnored("sub/x.bin", false));
        QVERIFY(!rules.isIgnored("x.bin", false));
    }

    void ignorePosixClasses()
    {
        IgnoreRules rules;
        rules.addFile({},
                      "[[:alpha:]]\n[[:digit:]][[:digit:]].log\n[!a-c]x\n[^[:upper:][:space:]]y\n"
                      "\\[z\\]\nq[[:punct:]]\n?.txt\n");
        QCOMPARE(rules.size(), 7);
        QVERIFY(rules.isIgnored("q", false));
        QVERIFY(!rules.isIgnored("1", false));
        QVERIFY(rules.isIgnored("42.log", false));
        QVERIFY(!rules.isIgnored("4a.log", false));
        QVERIFY(rules.isIgnored("dx", false));
        QVERIFY(!rules.isIgnored("bx", false));
        QVERIFY(rules.isIgnored("ay", false));
        QVERIFY(!rules.isIgnored("Ay", false));
        QVERIFY(!rules.isIgnored(" y", false));
        QVERIFY(rules.isIgnored("[z]", false));
        QVERIFY(rules.isIgnored("q-", false));
        QVERIFY(!rules.isIgnored("qq", false));
        // One character, not one byte (git would need "???.txt" here): docs/sync.md.
        QVERIFY(rules.isIgnored("数.txt", false));
    }

    void ignoreInvalidLinesAreReported()
    {
        IgnoreRules rules;
        const QList<Issue> issues = rules.addFile("sub", "ok\n[abc\n[[:foo:]]\ntrail\\\n*.tmp\n");
        QCOMPARE(rules.size(), 2);
        QCOMPARE(issues.size(), 3);
        for (const Issue &issue : issues) {
            QCOMPARE(issue.path, QByteArray("sub/.suanliignore"));
            QCOMPARE(issue.error.code, QStringLiteral("invalid_ignore_pattern"));
        }
        QVERIFY2(issues.at(0).error.message.contains(QStringLiteral("line 2, \"[abc\"")),
                 qPrintable(issues.at(0).error.message));
        QVERIFY(issues.at(1).error.message.contains(QStringLiteral("line 3, \"[[:foo:]]\"")));
        QVERIFY(issues.at(1).error.message.contains(QStringLiteral("[:foo:]")));
        QVERIFY(issues.at(2).error.message.contains(QStringLiteral("line 4")));
        QVERIFY(rules.isIgnored("sub/x.tmp", false));
        QVERIFY(!rules.isIgnored("sub/a", false));

        // The scan hands them on: they become the plan's skipped entries the app lists.
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("sub"));
        QFile file(dir.filePath(QStringLiteral("sub/.suanliignore")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[[:alpha:]]\n[[:nope:]]\n");
        file.close();
        QFile data(dir.filePath(QStringLiteral("sub/k")));
        QVERIFY(data.open(QIODevice::WriteOnly));
        data.close();
        IgnoreRules scanRules;
        QList<Issue> scanIssues;
        const auto listing = scanLocalTree(dir.path(), scanRules, &scanIssues);
        QVERIFY(listing.ok());
        QCOMPARE(scanIssues.size(), 1);
        QCOMPARE(scanIssues.at(0).path, QByteArray("sub/.suanliignore"));
        QVERIFY(scanIssues.at(0).error.message.contains(QStringLiteral("line 2")));
        for (const Entry &entry : listing->entries)
            QVERIFY(entry.path != "sub/k"); // [[:alpha:]] works
    }

    void relativePaths()
    {
        QVERIFY(checkRelativePath("a/b.txt").ok());
        QCOMPARE(checkRelativePath("../etc/passwd").error().code, QStringLiteral("unsafe_path"));
        QCOMPARE(checkRelativePath("a/../../x").error().code, QStringLiteral("unsafe_path"));
        QCOMPARE(checkRelativePath("/etc/passwd").error().code, QStringLiteral("unsafe_path"));
        QCOMPARE(checkRelativePath("a//b").error().code, QStringLiteral("unsafe_path"));
        QCOMPARE(normaliseRemoteRoot("/workspace/../etc").error().code,
                 QStringLiteral("invalid_path"));
        QCOMPARE(*normaliseRemoteRoot("/workspace/data/"), QByteArray("/workspace/data"));
    }

    void names()
    {
        QVERIFY(!checkName("a:b", NameRules::Posix));
        QVERIFY(checkName("a:b", NameRules::Windows));
        QVERIFY(checkName("aux.txt", NameRules::Windows));
        QVERIFY(checkName("COM1", NameRules::Windows));
        QVERIFY(checkName("trailing.", NameRules::Windows));
        QVERIFY(checkName("\xff\xfe", NameRules::MacOs));
        QVERIFY(!checkName("数据集.csv", NameRules::Windows));
        QCOMPARE(checkName("a?b", NameRules::Windows)->code, QStringLiteral("invalid_name"));
    }

    void symlinks()
    {
        QVERIFY(isSymlinkInsideTree("a/link", "../b"));
        QVERIFY(isSymlinkInsideTree("link", "a/b"));
        QVERIFY(!isSymlinkInsideTree("link", "../x"));
        QVERIFY(!isSymlinkInsideTree("a/link", "../../x"));
        QVERIFY(!isSymlinkInsideTree("a/link", "/etc/passwd"));
        QCOMPARE(partialPathFor("a/b.bin"), QByteArray("a/.b.bin.suanli-partial"));
        QVERIFY(isPartialName(".b.bin.suanli-partial"));
    }

    void planUsesJournalThenHash()
    {
        TreeListing source;
        TreeListing receiver;
        source.entries = {Entry{"same", EntryType::File, 10, 5'000'000'000, 0644, {}},
                          Entry{"new", EntryType::File, 7, 1'000'000'000, 0644, {}},
                          Entry{"nojournal", EntryType::File, 3, 9'000'000'000, 0644, {}}};
        receiver.entries = {Entry{"same", EntryType::File, 10, 5'000'000'000, 0644, {}},
                            Entry{"nojournal", EntryType::File, 3, 9'000'000'000, 0644, {}},
                            Entry{"extra", EntryType::File, 1, 0, 0644, {}}};
        QHash<QByteArray, JournalEntry> journal;
        journal.insert("same", JournalEntry{10, 5'000'000'000, 5, QByteArray(32, 'x')});
        const PlanResult result =
            makePlan({&source, &receiver, &journal, Direction::Upload, NameRules::Posix, true});
        QCOMPARE(result.plan.transfers.size(), 1);
        QCOMPARE(result.plan.transfers.first().path, QByteArray("new"));
        QCOMPARE(result.plan.unchangedFiles, 1);
        QCOMPARE(result.hashChecks.size(), 1);
        QCOMPARE(result.plan.deletions, QList<QByteArray>{"extra"});
    }
};

QTEST_GUILESS_MAIN(TestSyncRules)
#include "tst_syncrules.moc"
