// A second registration in the same state folder (docs/host.md "State folder and
// registrations"): the suanli-host binary runs for market A and its instance 1 runs; then for a
// fresh market B (a new database, a new host token) with the same state folder. B's instance 1
// must reach `running` and stay there, A's container must be left exactly as it was, the agent
// and self-test must name what A left, and `cleanup --stale` must remove A's and only A's.

#include "hosttestbed.h"

#include "host/journal.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

/// The agent ids of every journal in the folder (whatever layout the agent wrote).
QStringList agentIds(const QString &stateDir)
{
    QStringList ids;
    const QDir dir(stateDir);
    for (const QString &name : dir.entryList({u"journal*.db"_s}, QDir::Files)) {
        auto j = host::Journal::open(dir.filePath(name));
        if (j)
            ids.append((*j)->agentId());
    }
    return ids;
}

/// "<id> <startedAt> <status>" of a container, empty when there is none.
QString fingerprint(HostTestBed &bed, const QString &name)
{
    QByteArray out;
    if (bed.podman({u"container"_s, u"inspect"_s, u"--format"_s,
                    u"{{.Id}} {{.State.StartedAt}} {{.State.Status}}"_s, name},
                   &out) != 0)
        return {};
    return QString::fromUtf8(out.trimmed());
}

} // namespace

class TestHostRegistrations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void newRegistrationDoesNotTouchTheEarlierOne()
    {
        HostTestBed first;
        QVERIFY2(first.ok(), qPrintable(first.error()));
        const QString stateDir = QDir(first.dir()).filePath(u"state"_s);
        HostTestBed second; // a fresh market: its own database, its own host token
        QVERIFY2(second.ok(), qPrintable(second.error()));
        std::unique_ptr<QProcess> agent;
        // Whatever happens: both agents stopped, every container and volume of every journal
        // in the shared state folder removed.
        auto cleanup = qScopeGuard([&] {
            if (agent && agent->state() != QProcess::NotRunning) {
                agent->kill();
                agent->waitForFinished(5000);
            }
            for (const QString &id : agentIds(stateDir)) {
                const QString label = u"label=suanli.agent="_s + id;
                QByteArray names;
                first.podman(
                    {u"ps"_s, u"-a"_s, u"--format"_s, u"{{.Names}}"_s, u"--filter"_s, label},
                    &names);
                for (const QByteArray &n : names.split('\n')) {
                    if (!n.trimmed().isEmpty())
                        first.podman(
                            {u"rm"_s, u"-f"_s, u"-t"_s, u"0"_s, QString::fromUtf8(n.trimmed())});
                }
                names.clear();
                first.podman(
                    {u"volume"_s, u"ls"_s, u"--format"_s, u"{{.Name}}"_s, u"--filter"_s, label},
                    &names);
                for (const QByteArray &n : names.split('\n')) {
                    if (!n.trimmed().isEmpty())
                        first.podman(
                            {u"volume"_s, u"rm"_s, u"-f"_s, QString::fromUtf8(n.trimmed())});
                }
            }
        });

        // Market A: run, instance 1 runs.
        QProcess *agentA = first.startProcess();
        QVERIFY(agentA->state() == QProcess::Running);
        QVERIFY(first.waitOfferListed());
        const qint64 idA = first.createInstance();
        QCOMPARE(idA, 1);
        QCOMPARE(first.waitState(idA, u"running"_s).value(u"state"_s).toString(), u"running"_s);
        const QString containerA = first.containerName(idA);
        const QString before = fingerprint(first, containerA);
        QVERIFY2(before.endsWith(u" running"_s), qPrintable(before));
        agentA->kill(); // the operator re-registers: the old agent is gone, its container not
        QVERIFY(agentA->waitForFinished(5000));

        // Market B, same state folder (the default one of an installed agent).
        QFile ini(second.configPath());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QByteArray text = ini.readAll();
        ini.close();
        QVERIFY(text.contains("state_dir=state\n"));
        text.replace("state_dir=state\n", QByteArray("state_dir=" + stateDir.toUtf8() + '\n'));
        text += QByteArray("[market]\ntoken_file=" + second.tokenPath().toUtf8() + '\n');
        QVERIFY(ini.open(QIODevice::WriteOnly | QIODevice::Truncate));
        ini.write(text);
        ini.close();
        agent = std::make_unique<QProcess>();
        agent->setProcessChannelMode(QProcess::MergedChannels);
        agent->start(HostTestBed::agentBinary(),
                     {u"run"_s, u"--market"_s, second.market().baseUrl(), u"--token-file"_s,
                      second.tokenPath(), u"--config"_s, second.configPath()});
        QVERIFY(agent->waitForStarted(5000));
        QByteArray log;
        const auto readLog = [&] {
            log += agent->readAll();
            return log;
        };
        QVERIFY(second.waitOfferListed());
        const qint64 idB = second.createInstance();
        QCOMPARE(idB, 1); // the same instance id as market A's: the case of the defect
        const QJsonObject running = second.waitState(idB, u"running"_s);
        QCOMPARE(running.value(u"state"_s).toString(), u"running"_s);
        // And stays running (usage heartbeats every second, reports after welcome).
        QVERIFY(!HostTestBed::poll(
            [&] { return second.instance(idB).value(u"state"_s).toString() != u"running"_s; },
            4000));
        QCOMPARE(second.ssh(running, u"true"_s), 0);

        // A's container: the same container, never restarted, still running.
        QCOMPARE(fingerprint(first, containerA), before);
        QCOMPARE(first.podman({u"volume"_s, u"exists"_s, containerA}), 0);
        // B's instance 1 is a container of its own.
        const QStringList ids = agentIds(stateDir);
        QCOMPARE(ids.size(), 2);
        QString containerB;
        for (const QString &id : ids) {
            const QString name = host::ContainerRuntime::containerName(id, idB);
            if (name != containerA)
                containerB = name;
        }
        QVERIFY(fingerprint(first, containerB).endsWith(u" running"_s));

        // The agent named what A left.
        QVERIFY2(HostTestBed::poll(
                     [&] {
                         return readLog().contains(
                             (u"stale container "_s + containerA + u" (instance 1, running)"_s)
                                 .toUtf8());
                     },
                     10000),
                 log.constData());
        QVERIFY2(log.contains((u"stale volume "_s + containerA).toUtf8()), log.constData());

        for (const QByteArray &line : log.split('\n')) {
            if (line.contains("stale "))
                qDebug("agent: %s", line.constData());
        }

        // status lists it.
        QProcess status;
        status.start(HostTestBed::agentBinary(),
                     {u"status"_s, u"--json"_s, u"--config"_s, second.configPath()});
        QVERIFY(status.waitForFinished(10000));
        const QJsonObject listed = QJsonDocument::fromJson(status.readAllStandardOutput()).object();
        QCOMPARE(listed.value(u"instances"_s).toArray().size(), 1);
        QCOMPARE(listed.value(u"instances"_s).toArray().first()[u"container"_s].toString(),
                 containerB);
        const QJsonArray staleListed = listed.value(u"stale"_s).toArray();
        QCOMPARE(staleListed.size(), 1);
        QCOMPARE(staleListed.first()[u"containers"_s].toArray().first().toString(), containerA);
        QCOMPARE(staleListed.first()[u"market"_s].toString(), first.market().baseUrl());

        // self-test says it in a warn line.
        QProcess selfTest;
        selfTest.start(HostTestBed::agentBinary(),
                       {u"self-test"_s, u"--config"_s, second.configPath()});
        QVERIFY(selfTest.waitForFinished(120000));
        const QByteArray report = selfTest.readAllStandardOutput();
        bool warned = false;
        for (const QByteArray &line : report.split('\n'))
            warned |=
                line.startsWith("warn  registrations: ") && line.contains(containerA.toUtf8());
        QVERIFY2(warned, report.constData());
        for (const QByteArray &line : report.split('\n')) {
            if (line.startsWith("warn  registrations"))
                qDebug("self-test: %s", line.constData());
        }

        // cleanup --stale removes A's container, volume and journal; B's instance runs on.
        QProcess clean;
        clean.setProcessChannelMode(QProcess::MergedChannels);
        clean.start(HostTestBed::agentBinary(),
                    {u"cleanup"_s, u"--stale"_s, u"--config"_s, second.configPath()});
        QVERIFY(clean.waitForFinished(120000));
        const QByteArray cleaned = clean.readAll();
        QVERIFY2(clean.exitCode() == 0, cleaned.constData());
        QVERIFY2(cleaned.contains((u"removed container and volume "_s + containerA).toUtf8()),
                 cleaned.constData());
        qDebug("cleanup --stale:\n%s", cleaned.constData());
        QCOMPARE(fingerprint(first, containerA), QString());
        QVERIFY(first.podman({u"volume"_s, u"exists"_s, containerA}) != 0);
        QCOMPARE(agentIds(stateDir).size(), 1);
        QVERIFY(fingerprint(first, containerB).endsWith(u" running"_s));
        QCOMPARE(second.instance(idB).value(u"state"_s).toString(), u"running"_s);
    }
};

QTEST_GUILESS_MAIN(TestHostRegistrations)
#include "tst_host_registrations.moc"
