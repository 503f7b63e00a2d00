// The journal's scoping to a registration (docs/host.md "State folder and registrations"):
// every host token gets its own journal in the state folder, hence its own agent id and its
// own container and volume names; a journal of before identities belongs to the first token
// that opens it; what other registrations left is listed, never opened as the current one.

#include "host/containerruntime.h"
#include "host/journal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::host;

namespace {

const QByteArray kTokenA = "sh_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const QByteArray kTokenB = "sh_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

InstanceRecord runningRecord(const Journal &journal, qint64 id)
{
    InstanceRecord r;
    r.id = id;
    r.state = protocol::InstanceState::Running;
    r.seq = 3;
    r.port = 21001;
    r.spec.image = u"localhost/suanli/base:bookworm"_s;
    r.gpus = {u"GPU-1"_s};
    r.container = ContainerRuntime::containerName(journal.agentId(), id);
    return r;
}

} // namespace

class TestHostJournal : public QObject
{
    Q_OBJECT

private slots:
    void transitionTimeIsJournaledAndOldJournalsGainIt()
    {
        // The time of a transition is kept with its state, so a report sent after a reconnect
        // or a restart carries the original time (docs/protocol.md, `at`).
        QTemporaryDir dir;
        const QString path = dir.filePath(u"journal.db"_s);
        {
            auto j = Journal::open(path);
            QVERIFY(j);
            InstanceRecord r = runningRecord(**j, 7);
            r.state = protocol::InstanceState::Stopped;
            r.at = 1'795'000'000'123;
            QVERIFY((*j)->save(r));
        }
        {
            auto j = Journal::open(path); // as after kill -9 and a restart
            QVERIFY(j);
            QCOMPARE((*j)->instance(7)->at, 1'795'000'000'123);
            QCOMPARE((*j)->instances().value(0).at, 1'795'000'000'123);
        }
        // A journal written before the column existed opens, its records read 0 ("unknown",
        // reported without `at`), and it keeps times from then on.
        const QString old = dir.filePath(u"old.db"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old-journal"_s);
            db.setDatabaseName(old);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(
                q.exec(u"CREATE TABLE instances (id INTEGER PRIMARY KEY, state TEXT NOT NULL, "
                       "reason TEXT, seq INTEGER NOT NULL, port INTEGER NOT NULL, host_key TEXT, "
                       "spec TEXT NOT NULL, jupyter_token TEXT, gpus TEXT, command_id TEXT, "
                       "log_offset INTEGER NOT NULL, container TEXT NOT NULL)"_s));
            QVERIFY(q.exec(u"INSERT INTO instances VALUES (3, 'running', '', 5, 21002, '', '{}', "
                           "'', '', '', 0, 'suanli-x-i3')"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"old-journal"_s);
        auto j = Journal::open(old);
        QVERIFY2(j, j ? "" : qPrintable(j.error().message));
        auto record = (*j)->instance(3);
        QVERIFY(record);
        QCOMPARE(record->seq, 5);
        QCOMPARE(record->at, 0);
        record->at = 1'795'000'000'999;
        QVERIFY((*j)->save(*record));
        QCOMPARE((*j)->instance(3)->at, 1'795'000'000'999);
    }

    void startGpuCountIsKeptForTheReplay()
    {
        // A start acknowledged before a restart runs after it with the GPUs it asked for
        // (docs/host.md, "A changed GPU set"); one without a spec stays without.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"journal.db"_s);
        {
            auto j = Journal::open(path);
            QVERIFY(j);
            QVERIFY(*(*j)->recordCommand(u"c-plain"_s, 4, u"start"_s));
            QVERIFY(*(*j)->recordCommand(u"c-nogpu"_s, 4, u"start"_s, 0));
            QVERIFY(*(*j)->recordCommand(u"c-two"_s, 5, u"start"_s, 2));
        }
        auto j = Journal::open(path);
        QVERIFY(j);
        const QList<PendingCommand> pending = (*j)->unfinishedCommands();
        QCOMPARE(pending.size(), 3);
        QCOMPARE(pending[0].gpuCount, std::nullopt);
        QCOMPARE(pending[1].gpuCount, std::optional<int>(0));
        QCOMPARE(pending[2].gpuCount, std::optional<int>(2));

        // A journal of before the column: its commands read without a count.
        const QString old = dir.filePath(u"old.db"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old-commands"_s);
            db.setDatabaseName(old);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE commands (id TEXT PRIMARY KEY, instance_id INTEGER NOT "
                           "NULL, action TEXT NOT NULL, received_at INTEGER NOT NULL, "
                           "done INTEGER NOT NULL DEFAULT 0)"_s));
            QVERIFY(q.exec(u"INSERT INTO commands VALUES ('c-old', 3, 'start', 1, 0)"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"old-commands"_s);
        auto o = Journal::open(old);
        QVERIFY2(o, o ? "" : qPrintable(o.error().message));
        QCOMPARE((*o)->unfinishedCommands().value(0).id, u"c-old"_s);
        QCOMPARE((*o)->unfinishedCommands().value(0).gpuCount, std::nullopt);
        QVERIFY(*(*o)->recordCommand(u"c-new"_s, 3, u"start"_s, 1));
        QCOMPARE((*o)->unfinishedCommands().value(1).gpuCount, std::optional<int>(1));
    }

    void identityIsAShortOneWayHashOfTheToken()
    {
        const QString a = Journal::identityOf(kTokenA);
        QCOMPARE(a, Journal::identityOf(kTokenA));
        QVERIFY(a != Journal::identityOf(kTokenB));
        QVERIFY(QRegularExpression(u"^[0-9a-f]{12}$"_s).match(a).hasMatch());
        QVERIFY(!QString::fromLatin1(kTokenA).contains(a));
    }

    void eachRegistrationHasItsOwnJournalAndNames()
    {
        QTemporaryDir dir;
        const QString a = Journal::identityOf(kTokenA);
        const QString b = Journal::identityOf(kTokenB);
        QString agentA;
        QString containerA;
        {
            auto j = Journal::openFor(dir.path(), a);
            QVERIFY2(j, qPrintable(j ? QString() : j.error().message));
            // A fresh folder: the first registration takes journal.db (today's file name).
            QCOMPARE(QFileInfo((*j)->path()).fileName(), u"journal.db"_s);
            QCOMPARE((*j)->identity(), a);
            QVERIFY(!(*j)->claimed());
            agentA = (*j)->agentId();
            QVERIFY((*j)->save(runningRecord(**j, 1)));
            containerA = (*j)->instance(1)->container;
            QVERIFY((*j)->setOrigin(u"http://127.0.0.1:8080"_s, 7));
        }
        {
            // Another token in the same folder: a journal of its own, empty, another agent id,
            // so its instance 1 is another container and volume.
            auto j = Journal::openFor(dir.path(), b);
            QVERIFY(j);
            QCOMPARE(QFileInfo((*j)->path()).fileName(), u"journal-%1.db"_s.arg(b));
            QCOMPARE((*j)->identity(), b);
            QVERIFY((*j)->instances().isEmpty());
            QVERIFY(!(*j)->instance(1));
            QVERIFY((*j)->agentId() != agentA);
            QVERIFY(ContainerRuntime::containerName((*j)->agentId(), 1) != containerA);
        }
        {
            // The first token again: its journal, its instance, its agent id.
            auto j = Journal::openFor(dir.path(), a);
            QVERIFY(j);
            QCOMPARE(QFileInfo((*j)->path()).fileName(), u"journal.db"_s);
            QCOMPARE((*j)->agentId(), agentA);
            QCOMPARE((*j)->instance(1)->container, containerA);
            QCOMPARE((*j)->instance(1)->gpus, QStringList{u"GPU-1"_s});
        }
        QCOMPARE(Journal::pathFor(dir.path(), a), QDir(dir.path()).filePath(u"journal.db"_s));

        // What each sees of the other.
        const QList<JournalFile> staleForB = Journal::stale(dir.path(), b);
        QCOMPARE(staleForB.size(), 1);
        QCOMPARE(staleForB.first().identity, a);
        QCOMPARE(staleForB.first().agentId, agentA);
        QCOMPARE(staleForB.first().market, u"http://127.0.0.1:8080"_s);
        QCOMPARE(staleForB.first().hostId, 7);
        QCOMPARE(staleForB.first().instances.size(), 1);
        QCOMPARE(staleForB.first().instances.first().container, containerA);
        const QList<JournalFile> staleForA = Journal::stale(dir.path(), a);
        QCOMPARE(staleForA.size(), 1);
        QCOMPARE(staleForA.first().identity, b);
        QCOMPARE(Journal::scan(dir.path()).size(), 2);
        QCOMPARE(Journal::stale(dir.path(), {}).size(), 2); // no token: cannot tell

        // cleanup --stale of A's point of view: B's journal goes with its WAL files.
        const QString pathB = staleForA.first().path;
        QVERIFY(Journal::removeFiles(pathB));
        QVERIFY(!QFile::exists(pathB));
        QVERIFY(!QFile::exists(pathB + u"-wal"_s));
        QVERIFY(!QFile::exists(pathB + u"-shm"_s));
        QVERIFY(Journal::stale(dir.path(), a).isEmpty());
    }

    void journalOfBeforeIdentitiesBelongsToItsToken()
    {
        QTemporaryDir dir;
        const QString legacyPath = QDir(dir.path()).filePath(u"journal.db"_s);
        QString legacyAgent;
        {
            // Today's layout: journal.db with an instance and no identity.
            auto j = Journal::open(legacyPath);
            QVERIFY(j);
            QVERIFY((*j)->identity().isEmpty());
            legacyAgent = (*j)->agentId();
            QVERIFY((*j)->save(runningRecord(**j, 1)));
        }
        // Unclaimed: whichever token asks, the answer is journal.db; nothing is written.
        QCOMPARE(Journal::pathFor(dir.path(), Journal::identityOf(kTokenB)), legacyPath);
        QVERIFY(Journal::open(legacyPath).value()->identity().isEmpty());
        const QString a = Journal::identityOf(kTokenA);
        {
            // The agent's first start after the upgrade runs with the token it wrote it with.
            auto j = Journal::openFor(dir.path(), a);
            QVERIFY(j);
            QCOMPARE((*j)->path(), legacyPath);
            QVERIFY((*j)->claimed());
            QCOMPARE((*j)->identity(), a);
            QCOMPARE((*j)->agentId(), legacyAgent); // its containers keep their names
            QCOMPARE((*j)->instances().size(), 1);
        }
        {
            auto j = Journal::openFor(dir.path(), a);
            QVERIFY(j);
            QVERIFY(!(*j)->claimed()); // claimed once
        }
        {
            // A re-registration afterwards does not inherit it.
            auto j = Journal::openFor(dir.path(), Journal::identityOf(kTokenB));
            QVERIFY(j);
            QVERIFY((*j)->path() != legacyPath);
            QVERIFY((*j)->instances().isEmpty());
            QVERIFY((*j)->agentId() != legacyAgent);
        }
        const QList<JournalFile> stale = Journal::stale(dir.path(), Journal::identityOf(kTokenB));
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.first().path, legacyPath);
        QCOMPARE(stale.first().agentId, legacyAgent);
    }

    void aRegistrationKeepsItsJournalWhenJournalDbIsRemoved()
    {
        QTemporaryDir dir;
        const QString a = Journal::identityOf(kTokenA);
        const QString b = Journal::identityOf(kTokenB);
        QVERIFY(Journal::openFor(dir.path(), a));
        QString agentB;
        {
            auto j = Journal::openFor(dir.path(), b);
            QVERIFY(j);
            agentB = (*j)->agentId();
        }
        // cleanup --stale as B: A's journal.db goes; B stays on its own file.
        QVERIFY(Journal::removeFiles(QDir(dir.path()).filePath(u"journal.db"_s)));
        auto j = Journal::openFor(dir.path(), b);
        QVERIFY(j);
        QCOMPARE(QFileInfo((*j)->path()).fileName(), u"journal-%1.db"_s.arg(b));
        QCOMPARE((*j)->agentId(), agentB);
    }
};

QTEST_GUILESS_MAIN(TestHostJournal)
#include "tst_hostjournal.moc"
