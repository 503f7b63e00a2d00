#include "sync/ignorerules.h"
#include "sync/pathrules.h"
#include "sync/planner.h"

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
        rules.addFile({}, "# comment\n*.log\n!keep.log\n/build/\ndata/**/tmp\ncache/\n\\#hash\n[ab].txt\n");
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

    void relativePaths()
    {
        QVERIFY(checkRelativePath("a/b.txt").ok());
        QCOMPARE(checkRelativePath("../etc/passwd").error().code, QStringLiteral("unsafe_path"));
        QCOMPARE(checkRelativePath("a/../../x").error().code, QStringLiteral("unsafe_path"));
        QCOMPARE(checkRelativePath("/etc/passwd").error().code, QStringLiteral("unsafe_path"));
        QCOMPARE(checkRelativePath("a//b").error().code, QStringLiteral("unsafe_path"));
        QCOMPARE(normaliseRemoteRoot("/workspace/../etc").error().code, QStringLiteral("invalid_path"));
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
        const PlanResult result = makePlan({&source, &receiver, &journal, Direction::Upload,
                                            NameRules::Posix, true});
        QCOMPARE(result.plan.transfers.size(), 1);
        QCOMPARE(result.plan.transfers.first().path, QByteArray("new"));
        QCOMPARE(result.plan.unchangedFiles, 1);
        QCOMPARE(result.hashChecks.size(), 1);
        QCOMPARE(result.plan.deletions, QList<QByteArray>{"extra"});
    }
};

QTEST_GUILESS_MAIN(TestSyncRules)
#include "tst_syncrules.moc"
