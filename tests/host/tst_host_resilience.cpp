// kill -9 of the agent mid-lease (docs/host.md): the suanli-host binary runs as a child process;
// after SIGKILL and a restart it adopts its container (no duplicate, nothing lost), the lease
// keeps its running period (no double count in billing) and telemetry and usage resume.

#include "hosttestbed.h"

#include "protocol/money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

class TestHostResilience : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void killNineThenRestartAdopts()
    {
        HostTestBed bed;
        QVERIFY2(bed.ok(), qPrintable(bed.error()));
        QProcess *agent = bed.startProcess();
        QVERIFY(agent->state() == QProcess::Running);
        QVERIFY(bed.waitOfferListed());
        const qint64 id = bed.createInstance();
        QVERIFY(id > 0);
        const QJsonObject running = bed.waitState(id, u"running"_s);
        QCOMPARE(running.value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(bed.ssh(running, u"echo kept > /workspace/kept.txt"_s), 0);
        const QString runningSince = running.value(u"running_since"_s).toString();

        agent->kill(); // SIGKILL: no cleanup, no goodbye
        QVERIFY(agent->waitForFinished(5000));
        const QString name = bed.containerName(id);
        QByteArray state;
        QCOMPARE(
            bed.podman({u"container"_s, u"inspect"_s, u"--format"_s, u"{{.State.Status}}"_s, name},
                       &state),
            0);
        QCOMPARE(state.trimmed(), "running"_ba); // the lease goes on without its agent

        // The market's clock moves 60 s while the agent is away and back.
        bed.market().clock().advanceSeconds(60);
        agent = bed.startProcess();
        QVERIFY(agent->state() == QProcess::Running);
        QTRY_VERIFY_WITH_TIMEOUT(bed.market().market().store().host(bed.hostId())->online, 10000);
        // Adoption, the reports after welcome, a usage heartbeat or two: running throughout.
        QVERIFY(!HostTestBed::poll(
            [&] { return bed.instance(id).value(u"state"_s).toString() != u"running"_s; }, 2500));

        QByteArray names;
        QCOMPARE(
            bed.podman({u"ps"_s, u"-a"_s, u"--format"_s, u"{{.Names}}"_s, u"--filter"_s,
                        u"label=suanli.instance=%1"_s.arg(id), u"--filter"_s, u"name="_s + name},
                       &names),
            0);
        QCOMPARE(names.trimmed(), name.toUtf8()); // adopted: one container, not two
        const QJsonObject after = bed.instance(id);
        QCOMPARE(after.value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(after.value(u"running_since"_s).toString(), runningSince);
        QByteArray out;
        QCOMPARE(bed.ssh(after, u"cat /workspace/kept.txt"_s, &out), 0);
        QCOMPARE(out.trimmed(), "kept"_ba);

        // One running period, charged once: 60 s at 1.000000/h is floor(1e6 * 60 / 3600).
        bed.market().market().runBilling();
        QCOMPARE(bed.instance(id).value(u"spend_micro"_s).toInteger(),
                 chargeForSeconds(1'000'000, 60));
        bed.market().clock().advanceSeconds(30);
        bed.market().market().runBilling();
        QCOMPARE(bed.instance(id).value(u"spend_micro"_s).toInteger(),
                 chargeForSeconds(1'000'000, 90));

        // Telemetry flows again from the restarted agent.
        const int before = bed.market()
                               .get(u"/api/v1/instances/%1/telemetry"_s.arg(id), bed.renterToken())
                               .json.value(u"samples"_s)
                               .toArray()
                               .size();
        QTRY_VERIFY_WITH_TIMEOUT(
            bed.market()
                    .get(u"/api/v1/instances/%1/telemetry"_s.arg(id), bed.renterToken())
                    .json.value(u"samples"_s)
                    .toArray()
                    .size() > before,
            10000);

        // suanli-host status reads the journal.
        QProcess status;
        status.start(HostTestBed::agentBinary(),
                     {u"status"_s, u"--json"_s, u"--config"_s, bed.configPath()});
        QVERIFY(status.waitForFinished(10000));
        QCOMPARE(status.exitCode(), 0);
        const QJsonObject journal =
            QJsonDocument::fromJson(status.readAllStandardOutput()).object();
        QCOMPARE(journal[u"instances"_s][0][u"state"_s].toString(), u"running"_s);
    }

    void containerStoppedWhileTheAgentWasAwayIsStartedAgain()
    {
        // A reboot (or someone's `podman stop`) while the agent is away: the journal says
        // running, the container is not; the agent starts it again, the market's instance
        // goes on running with its data.
        HostTestBed bed;
        QVERIFY2(bed.ok(), qPrintable(bed.error()));
        QProcess *agent = bed.startProcess();
        QVERIFY(bed.waitOfferListed());
        const qint64 id = bed.createInstance();
        QVERIFY(id > 0);
        const QJsonObject running = bed.waitState(id, u"running"_s);
        QCOMPARE(running.value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(bed.ssh(running, u"echo kept > /workspace/kept.txt"_s), 0);
        agent->kill();
        QVERIFY(agent->waitForFinished(5000));
        const QString name = bed.containerName(id);
        QCOMPARE(bed.podman({u"stop"_s, u"--time"_s, u"1"_s, name}), 0);
        const auto status = [&] {
            QByteArray state;
            bed.podman({u"container"_s, u"inspect"_s, u"--format"_s, u"{{.State.Status}}"_s, name},
                       &state);
            return state.trimmed();
        };
        QCOMPARE(status(), "exited"_ba);
        agent = bed.startProcess();
        QVERIFY(agent->state() == QProcess::Running);
        QTRY_COMPARE_WITH_TIMEOUT(status(), "running"_ba, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(bed.instance(id).value(u"state"_s).toString(), u"running"_s,
                                  10000);
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT(bed.ssh(bed.instance(id), u"cat /workspace/kept.txt"_s, &out) == 0,
                                 20000);
        QCOMPARE(out.trimmed(), "kept"_ba);
    }

    void commandsRunOnceByIdAfterRestart()
    {
        // The market re-sends unacknowledged commands and all pending ones after hello; the
        // journal makes a second delivery of a command id a no-op.
        HostTestBed bed;
        QVERIFY2(bed.ok(), qPrintable(bed.error()));
        QVERIFY(bed.startProcess()->state() == QProcess::Running);
        QVERIFY(bed.waitOfferListed());
        const qint64 id = bed.createInstance();
        QCOMPARE(bed.waitState(id, u"running"_s).value(u"state"_s).toString(), u"running"_s);
        bed.process()->kill();
        QVERIFY(bed.process()->waitForFinished(5000));
        // Stop while the agent is down: the command waits in the market.
        QCOMPARE(bed.market()
                         .post(u"/api/v1/instances/%1/stop"_s.arg(id), bed.renterToken(), {})
                         .status /
                     100,
                 2);
        QVERIFY(bed.startProcess()->state() == QProcess::Running);
        QCOMPARE(bed.waitState(id, u"stopped"_s).value(u"state"_s).toString(), u"stopped"_s);
        QByteArray state;
        bed.podman({u"container"_s, u"inspect"_s, u"--format"_s, u"{{.State.Status}}"_s,
                    bed.containerName(id)},
                   &state);
        QCOMPARE(state.trimmed(), "exited"_ba);
        // Carried out once: provisioning, running, stopped — no second stop.
        QProcess status;
        status.start(HostTestBed::agentBinary(),
                     {u"status"_s, u"--json"_s, u"--config"_s, bed.configPath()});
        QVERIFY(status.waitForFinished(10000));
        const QJsonObject journal =
            QJsonDocument::fromJson(status.readAllStandardOutput()).object();
        QCOMPARE(journal[u"instances"_s][0][u"seq"_s].toInt(), 3);
        // The volume is still there: stop keeps data.
        QCOMPARE(bed.podman({u"volume"_s, u"exists"_s, bed.containerName(id)}), 0);
    }
};

QTEST_GUILESS_MAIN(TestHostResilience)
#include "tst_host_resilience.moc"
