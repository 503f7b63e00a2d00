// The market going away (docs/host.md): the suanli-host binary runs as a child process against a
// real market that is shut down and opened again on the same port and database. Within the
// grace period the instance keeps running and answers SSH, the agent journals its reports and
// delivers them after the reconnect (telemetry history without a hole, billing exact). Past the
// grace period the agent stops the instance with `market_unreachable`, data kept, and the
// market learns it on reconnect.

#include "hosttestbed.h"

#include "protocol/money.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

QList<QDateTime> sampleTimes(HostTestBed &bed, qint64 id)
{
    bed.market().market().flushTelemetry();
    QList<QDateTime> times;
    const QJsonArray samples =
        bed.market()
            .get(u"/api/v1/instances/%1/telemetry"_s.arg(id), bed.renterToken())
            .json.value(u"samples"_s)
            .toArray();
    for (const QJsonValue &s : samples)
        times.append(QDateTime::fromString(s[u"at"_s].toString(), Qt::ISODateWithMs));
    std::sort(times.begin(), times.end());
    return times;
}

/// The agent started, its offer listed and one instance running: its id (0 on a failure,
/// said in a warning) and *running, the instance as the market reports it then.
qint64 startRunning(HostTestBed &bed, QJsonObject *running)
{
    if (!bed.ok()) {
        qWarning("test bed: %s", qPrintable(bed.error()));
        return 0;
    }
    if (bed.startProcess()->state() != QProcess::Running || !bed.waitOfferListed()) {
        qWarning("the agent did not start or its offer was not listed");
        return 0;
    }
    const qint64 id = bed.createInstance();
    if (id <= 0)
        return 0;
    *running = bed.waitState(id, u"running"_s);
    if (running->value(u"state"_s).toString() != u"running"_s) {
        qWarning("instance %lld is %s, not running", id,
                 qPrintable(running->value(u"state"_s).toString()));
        return 0;
    }
    return id;
}

} // namespace

class TestHostOutage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void reportsBufferedAndDeliveredWithinGrace()
    {
        HostTestBed bed({}, u"market_grace_s=600\n"_s);
        QJsonObject running;
        const qint64 id = startRunning(bed, &running);
        QVERIFY(id > 0);
        const QString runningSince = running.value(u"running_since"_s).toString();
        QTRY_VERIFY_WITH_TIMEOUT(!sampleTimes(bed, id).isEmpty(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(bed.agentStatus().value(u"unsent_reports"_s).toInt(), 0, 10000);

        // The market dies. Its clock goes on: 45 s pass on it before it is back.
        bed.market().shutdown();
        const QDateTime down = QDateTime::currentDateTimeUtc();
        bed.market().clock().advanceSeconds(45);

        // The lease goes on without the market: container running, SSH answers. This is the
        // instance's first login: sshd's "Accepted publickey" line in the container log is
        // read by the agent now and kept for later.
        QCOMPARE(bed.containerState(id), u"running"_s);
        QByteArray out;
        QVERIFY2(
            bed.ssh(running,
                    u"echo during-outage > /workspace/outage.txt && cat /workspace/outage.txt"_s,
                    &out) == 0,
            out.constData());
        QCOMPARE(out.trimmed(), "during-outage"_ba);
        // The agent journals its reports: telemetry batches (one a second) and usage pile up.
        QTRY_VERIFY_WITH_TIMEOUT(bed.agentStatus().value(u"unsent_reports"_s).toInt() >= 5, 15000);
        // Two seconds more of outage: the agent lives through them.
        QSignalSpy agentExited(bed.process(), &QProcess::finished);
        QVERIFY(!agentExited.wait(2000));
        QCOMPARE(bed.containerState(id), u"running"_s);
        QVERIFY(bed.process()->state() == QProcess::Running);
        const QDateTime up = QDateTime::currentDateTimeUtc();

        // Back on the same port with the same database: the agent reconnects by itself and
        // delivers what it kept, in order.
        QVERIFY2(bed.market().restartOnSamePort(), qPrintable(bed.market().error()));
        QTRY_VERIFY_WITH_TIMEOUT(bed.market().market().store().host(bed.hostId())->online, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(bed.agentStatus().value(u"unsent_reports"_s).toInt(), 0, 10000);

        // Telemetry covers the outage: no hole of more than a few seconds between the last
        // sample before the market died and the first after it came back.
        QList<QDateTime> times;
        QTRY_VERIFY_WITH_TIMEOUT(
            (times = sampleTimes(bed, id), !times.isEmpty() && times.last() > up), 10000);
        int during = 0;
        for (const QDateTime &t : std::as_const(times))
            during += t > down && t < up;
        const qint64 outageS = down.secsTo(up);
        QVERIFY2(during >= outageS - 2,
                 qPrintable(u"%1 samples in a %2 s outage"_s.arg(during).arg(outageS)));
        for (qsizetype i = 1; i < times.size(); ++i)
            QVERIFY2(times[i - 1].msecsTo(times[i]) <= 3000,
                     qPrintable(u"telemetry hole from %1 to %2"_s.arg(
                         times[i - 1].toString(Qt::ISODateWithMs),
                         times[i].toString(Qt::ISODateWithMs))));
        // The log line of the login during the outage arrived.
        QTRY_VERIFY_WITH_TIMEOUT(
            bed.market()
                .get(u"/api/v1/instances/%1/logs?tail=100"_s.arg(id), bed.renterToken())
                .body.contains("Accepted publickey for root"),
            10000);

        // One running period through the outage, billed exactly for the market's 45 s.
        const QJsonObject after = bed.instance(id);
        QCOMPARE(after.value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(after.value(u"running_since"_s).toString(), runningSince);
        bed.market().market().runBilling();
        QCOMPARE(bed.instance(id).value(u"spend_micro"_s).toInteger(),
                 chargeForSeconds(1'000'000, 45));
        QCOMPARE(bed.ssh(after, u"cat /workspace/outage.txt"_s, &out), 0);
        QCOMPARE(out.trimmed(), "during-outage"_ba);
    }

    void pastGraceStopsAndReportsOnReconnect()
    {
        // docs/host.md: past agent/market_grace_s the running instances are stopped with
        // reason market_unreachable, data kept; the report waits in the journal, with the time
        // of the stop (`at`), and the market bills to that time, not to the reconnect.
        HostTestBed bed({}, u"market_grace_s=8\n"_s);
        // Here the market's clock is the wall clock, as the agent's is (docs/market.md,
        // "Billing as implemented": `at` counts only within the market's own times).
        QTimer wallClock;
        wallClock.setInterval(50);
        connect(&wallClock, &QTimer::timeout, &wallClock,
                [&bed] { bed.market().clock().setMs(QDateTime::currentMSecsSinceEpoch()); });
        bed.market().clock().setMs(QDateTime::currentMSecsSinceEpoch());
        wallClock.start();
        QJsonObject running;
        const qint64 id = startRunning(bed, &running);
        QVERIFY(id > 0);
        QCOMPARE(bed.ssh(running, u"echo kept > /workspace/kept.txt"_s), 0);

        bed.market().shutdown();
        QElapsedTimer outage;
        outage.start();
        const qint64 downMs = QDateTime::currentMSecsSinceEpoch();
        // Inside the grace period: still running and reachable.
        QCOMPARE(bed.containerState(id), u"running"_s);
        QByteArray out;
        QVERIFY2(bed.ssh(running, u"true"_s, &out, 3000) == 0, out.constData());
        QVERIFY2(outage.elapsed() < 8000, "the grace check came too late to mean anything");

        // Past it: the agent stops the container (data kept) and journals the report.
        QTRY_COMPARE_WITH_TIMEOUT(bed.containerState(id), u"exited"_s, 20000);
        QVERIFY(outage.elapsed() >= 8000);
        QCOMPARE(bed.podman({u"volume"_s, u"exists"_s, bed.containerName(id)}), 0);
        QJsonObject journal;
        QTRY_VERIFY_WITH_TIMEOUT(
            (journal = bed.agentStatus(),
             journal[u"instances"_s][0][u"state"_s].toString() == "stopped"_L1),
            10000);
        QCOMPARE(journal[u"instances"_s][0][u"reason"_s].toString(), u"market_unreachable"_s);
        QVERIFY(journal.value(u"unsent_reports"_s).toInt() > 0);
        QVERIFY(bed.process()->state() == QProcess::Running);
        // Three seconds more of outage after the stop, which the renter must not pay for.
        QSignalSpy agentExited(bed.process(), &QProcess::finished);
        QVERIFY(!agentExited.wait(3000));

        const qint64 backMs = QDateTime::currentMSecsSinceEpoch();
        QVERIFY2(bed.market().restartOnSamePort(), qPrintable(bed.market().error()));
        const QJsonObject stopped = bed.waitState(id, u"stopped"_s, 20000);
        QCOMPARE(stopped.value(u"state"_s).toString(), u"stopped"_s);
        QCOMPARE(stopped.value(u"state_reason"_s).toString(), u"market_unreachable"_s);
        QTRY_COMPARE_WITH_TIMEOUT(bed.agentStatus().value(u"unsent_reports"_s).toInt(), 0, 10000);
        // Billed to the stop as the agent journaled it, about market_grace_s into the outage,
        // not to the reconnect three seconds and more later; the stopped meter starts there.
        const QJsonObject billed = bed.instance(id);
        const qint64 sinceMs =
            QDateTime::fromString(running.value(u"running_since"_s).toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch();
        const qint64 stoppedMs =
            QDateTime::fromString(billed.value(u"stopped_at"_s).toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch();
        QVERIFY2(stoppedMs >= downMs + 7000 && stoppedMs <= backMs - 2500,
                 qPrintable(u"stopped at %1 ms after the market went down, back at %2 ms"_s
                                .arg(stoppedMs - downMs)
                                .arg(backMs - downMs)));
        // GPU time in the ledger (charges and their corrections; storage has lines of its own,
        // which the market's billing timer may add meanwhile).
        Micro gpu = 0;
        const auto ledger = bed.market().get(u"/api/v1/ledger?limit=1000"_s, bed.renterToken());
        for (const QJsonValue &e : ledger.json.value(u"entries"_s).toArray()) {
            const QString kind = e[u"kind"_s].toString();
            if (e[u"instance_id"_s].toInteger() == id &&
                (kind == "gpu"_L1 || kind == "correction"_L1))
                gpu -= e[u"amount_micro"_s].toInteger();
        }
        QCOMPARE(gpu, chargeForSeconds(1'000'000, (stoppedMs - sinceMs) / 1000));
        wallClock.stop();

        // Data kept: the renter starts it again and finds the file.
        QCOMPARE(bed.market()
                         .post(u"/api/v1/instances/%1/start"_s.arg(id), bed.renterToken(), {})
                         .status /
                     100,
                 2);
        const QJsonObject again = bed.waitState(id, u"running"_s);
        QCOMPARE(again.value(u"state"_s).toString(), u"running"_s);
        QCOMPARE(bed.ssh(again, u"cat /workspace/kept.txt"_s, &out), 0);
        QCOMPARE(out.trimmed(), "kept"_ba);
    }
};

QTEST_GUILESS_MAIN(TestHostOutage)
#include "tst_host_outage.moc"
