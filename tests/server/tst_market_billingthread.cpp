// The billing run on its own thread: the market answers requests and agents while a run is
// under way, a run's events still reach apps and agents, and a run racing a request handler or
// another run charges every second exactly once. Also the telemetry roll-up that thread runs
// in short transactions, and the per-second telemetry and heartbeat writes on the telemetry
// thread: requests are answered while one is held, and a heartbeat being written keeps its
// host from being declared lost.

#include "support/marketscenario.h"
#include "support/testmain.h"
#include "support/workerhold.h"

#include <QJsonArray>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

class TestMarketBillingThread : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_h = std::make_unique<MarketHarness>();
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
        m_held = std::make_unique<QSemaphore>();
        m_release = std::make_unique<QSemaphore>();
    }
    void cleanup()
    {
        // Never leave the billing thread waiting in the hook: the market's destructor joins it.
        if (m_release)
            m_release->release(1000);
        m_h.reset();
    }

    void requestsAreAnsweredWhileABillingRunIsUnderWay()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        holdBillingRuns();
        QSignalSpy finished(&m_h->market(), &server::Market::billingRunFinished);
        m_h->clock().advanceSeconds(10);
        m_h->market().startBillingRun();
        // The run has listed the instance and waits before its batch. Were billing on the
        // event-loop thread, startBillingRun() would only return once the hook gave up, with
        // the run finished, and the checks of `finished` below would fail.
        QTRY_COMPARE_WITH_TIMEOUT(m_held->available(), 1, 30000);

        // Requests, agent reports and the writes they make go through meanwhile.
        auto me = m_h->get(u"/api/v1/me"_s, s.renter.token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json[u"balance_micro"_s].toInteger(), start);
        auto stop = m_h->request("POST", u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token);
        QCOMPARE(stop.status, 202);
        const QJsonObject command = s.agent->take(u"command"_s);
        QCOMPARE(command.value(u"action"_s).toString(), u"stop"_s);
        s.agent->report(id, u"stopped"_s, {}, command.value(u"id"_s).toString());
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        QCOMPARE(finished.count(), 0);

        // The run goes on with what the stop left: the ten seconds were charged once, by the
        // stop; the stopped instance has stored nothing yet.
        m_release->release();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(start - s.balance(*m_h, s.renter.id), chargeForSeconds(1'320'000, 10));
        QCOMPARE(m_h->store().instance(id)->spend_micro, chargeForSeconds(1'320'000, 10));
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), chargeForSeconds(1'320'000, 10));
    }

    void aRunOfTheBillingThreadStopsAtZeroBalanceAndTellsAgentAndApp()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 3'600'000, 300'000, 5'000)); // 5 seconds' worth
        EventListener events(m_h->baseUrl(), s.renter.token);
        QVERIFY(events.waitConnected());
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        QSignalSpy finished(&m_h->market(), &server::Market::billingRunFinished);
        m_h->clock().advanceSeconds(6);
        m_h->market().startBillingRun();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(s.balance(*m_h, s.renter.id), 5'000 - 6'000);
        // Posted back to the event loop: the agent gets its command, the app its events.
        const QJsonObject stop = s.agent->take(u"command"_s);
        QCOMPARE(stop.value(u"action"_s).toString(), u"stop"_s);
        QCOMPARE(stop.value(u"reason"_s).toString(), u"balance_exhausted"_s);
        auto stopping = events.take(u"instance"_s, 5000, [](const QJsonObject &e) {
            return e[u"instance"_s][u"state"_s].toString() == u"stopping"_s;
        });
        QCOMPARE(stopping[u"instance"_s][u"state_reason"_s].toString(), u"balance_exhausted"_s);
        auto balance = events.take(u"balance"_s, 5000, [](const QJsonObject &e) {
            return e[u"balance_micro"_s].toInteger() == -1'000;
        });
        QVERIFY(!balance.isEmpty());
    }

    void aRunThatReadTheClockEarlierNeverMovesTheMeterBack()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        holdBillingRuns();
        QSignalSpy finished(&m_h->market(), &server::Market::billingRunFinished);
        m_h->clock().advanceSeconds(10);
        m_h->market().startBillingRun(); // bills at +10 s…
        QTRY_COMPARE_WITH_TIMEOUT(m_held->available(), 1, 30000);
        m_h->clock().advanceSeconds(10);
        m_h->market().runBilling(); // …after a direct run charged up to +20 s
        QCOMPARE(start - s.balance(*m_h, s.renter.id), chargeForSeconds(1'320'000, 20));
        m_release->release();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(finished.first().first().toBool());
        QCOMPARE(start - s.balance(*m_h, s.renter.id), chargeForSeconds(1'320'000, 20));
        QCOMPARE(m_h->store().instance(id)->spend_micro, chargeForSeconds(1'320'000, 20));
        // Charges still equal earnings plus fees, with no correction entries either way.
        auto platform = m_h->store().findAccount(u"suanli-platform-fees"_s);
        QVERIFY(platform);
        QCOMPARE(s.balance(*m_h, s.lender.id) + s.balance(*m_h, *platform),
                 chargeForSeconds(1'320'000, 20));
        auto ledger = m_h->get(u"/api/v1/ledger"_s, s.renter.token);
        QCOMPARE(ledger.status, 200);
        QVERIFY(!ledger.body.contains("correction"));
    }

    void telemetryRollUpInShortTransactionsKeepsEveryMinute()
    {
        // The roll-up (on the billing thread every minute) writes 50 instances per transaction;
        // 120 instances with two old minutes each, one recent sample, one sample past 24 h.
        const qint64 now = m_h->clock().nowMs();
        const qint64 twoHoursAgo = (now - 2 * 3600 * 1000) / 60'000 * 60'000;
        QList<protocol::TelemetrySample> samples;
        for (qint64 instance = 1; instance <= 120; ++instance) {
            for (int second = 0; second < 120; ++second) {
                protocol::TelemetrySample sample;
                sample.instance_id = instance;
                sample.at = QDateTime::fromMSecsSinceEpoch(twoHoursAgo + second * 1000, Qt::UTC);
                sample.cpu_pct = second < 60 ? 10 : 30;
                samples.append(sample);
            }
        }
        protocol::TelemetrySample recent;
        recent.instance_id = 1;
        recent.at = QDateTime::fromMSecsSinceEpoch(now - 600'000, Qt::UTC);
        samples.append(recent);
        protocol::TelemetrySample ancient;
        ancient.instance_id = 121;
        ancient.at = QDateTime::fromMSecsSinceEpoch(now - 25 * 3600 * 1000, Qt::UTC);
        samples.append(ancient);
        QVERIFY(m_h->store().insertTelemetry(samples));
        QVERIFY(m_h->store().compactTelemetry(now));
        for (qint64 instance : {qint64(1), qint64(50), qint64(51), qint64(120)}) {
            auto history = m_h->store().telemetryHistory(instance, 0);
            QVERIFY(history);
            QCOMPARE(history->size(), instance == 1 ? 3 : 2);
            QCOMPARE(history->at(0)[u"count"_s].toInt(), 60);
            QCOMPARE(history->at(0)[u"cpu_pct"_s][u"mean"_s].toDouble(), 10.0);
            QCOMPARE(history->at(1)[u"count"_s].toInt(), 60);
            QCOMPARE(history->at(1)[u"cpu_pct"_s][u"mean"_s].toDouble(), 30.0);
        }
        QVERIFY(m_h->store().telemetryHistory(121, 0)->isEmpty());
        // Idempotent: a second roll-up changes nothing.
        QVERIFY(m_h->store().compactTelemetry(now));
        QCOMPARE(m_h->store().telemetryHistory(120, 0)->size(), 2);
    }

    void requestsAreAnsweredWhileATelemetryWriteIsHeld()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        EventListener events(m_h->baseUrl(), s.renter.token);
        QVERIFY(events.waitConnected());
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        // Every heartbeat due and written: nothing is left buffered for the host.
        m_h->clock().advanceSeconds(11);
        m_h->market().flushTelemetry();
        holdTelemetryWrites();
        QSignalSpy flushed(&m_h->market(), &server::Market::telemetryFlushed);

        // Past --host-lost-after (90 s) in the database; then the agent speaks again.
        m_h->clock().advanceSeconds(120);
        const QString at = m_h->clock().nowUtc().toString(Qt::ISODateWithMs);
        s.agent->send({{u"type"_s, u"telemetry"_s},
                       {u"samples"_s, QJsonArray{QJsonObject{
                            {u"instance_id"_s, id}, {u"at"_s, at}, {u"gpus"_s, QJsonArray{}},
                            {u"cpu_pct"_s, 42.0}, {u"memory_used_mb"_s, 100},
                            {u"ssh_sessions"_s, 0}}}}});
        QVERIFY(!events.take(u"telemetry"_s).isEmpty()); // the market has the sample
        m_h->market().startTelemetryFlush();
        // The batch (the sample and the heartbeat) waits on the telemetry thread. Were it
        // written on the event-loop thread, startTelemetryFlush() would only return once the
        // hook gave up, with the batch written, and the checks below would fail.
        QTRY_COMPARE_WITH_TIMEOUT(m_held->available(), 1, 30000);

        auto health = m_h->get(u"/healthz"_s, {});
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json[u"status"_s].toString(), u"ok"_s);
        auto offers = m_h->get(u"/api/v1/offers"_s, s.renter.token);
        QCOMPARE(offers.status, 200);
        QVERIFY(offers.json[u"offers"_s].isArray());
        auto history = m_h->get(u"/api/v1/instances/%1/telemetry"_s.arg(id), s.renter.token);
        QCOMPARE(history.status, 200);
        QVERIFY(!history.body.contains(at.toUtf8()));
        // The host's last_seen in the database is 120 s old, but its heartbeat is on its way:
        // the host-lost check leaves it alone.
        m_h->market().checkHosts();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"running"_s);
        QCOMPARE(flushed.count(), 0);

        m_release->release(1000); // and the batches after it
        QTRY_VERIFY_WITH_TIMEOUT(flushed.count() >= 1, 30000);
        QVERIFY(flushed.first().first().toBool());
        history = m_h->get(u"/api/v1/instances/%1/telemetry"_s.arg(id), s.renter.token);
        QVERIFY(history.body.contains(at.toUtf8()));
        m_h->market().checkHosts();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"running"_s);
        // Past --host-lost-after after the written heartbeat, the host is lost after all.
        m_h->clock().advanceSeconds(91);
        m_h->market().checkHosts();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"interrupted"_s);
    }

    void aDisconnectingAgentsLastHeartbeatIsWhatALostHostIsBilledUpTo()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 3'600'000));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        m_h->clock().advanceSeconds(11);
        m_h->market().flushTelemetry();
        holdTelemetryWrites();
        // A last message at +14 s, then the agent goes: its heartbeat is handed over at once.
        m_h->clock().advanceSeconds(3);
        s.agent->send({{u"type"_s, u"usage"_s}, {u"seq"_s, 1},
                       {u"running_instance_ids"_s, QJsonArray{id}}});
        s.agent->socket().close();
        QTRY_COMPARE_WITH_TIMEOUT(m_held->available(), 1, 30000);
        m_h->clock().advanceSeconds(200);
        m_h->market().checkHosts(); // the heartbeat is not written yet: not lost yet
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"running"_s);
        m_release->release(1000);
        m_h->market().flushTelemetry(); // waits for the held batch too
        m_h->market().runBilling();
        m_h->market().checkHosts();
        auto instance = m_h->store().instance(id);
        QCOMPARE(protocol::toString(instance->state), u"interrupted"_s);
        // Billed up to the last message, 14 s, not to the last heartbeat written before it.
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 14'000);
    }

private:
    /// Every batch of the telemetry thread waits for m_release once it has told m_held.
    void holdTelemetryWrites()
    {
        QSemaphore *held = m_held.get();
        QSemaphore *release = m_release.get();
        holdOnWorkerThread(&m_h->market(), &server::Market::telemetryBatchStarting, held, release);
    }

    /// Every batch of the billing thread waits for m_release once it has told m_held.
    void holdBillingRuns()
    {
        QSemaphore *held = m_held.get();
        QSemaphore *release = m_release.get();
        holdOnWorkerThread(&m_h->market(), &server::Market::billingBatchStarting, held, release);
    }

    std::unique_ptr<MarketHarness> m_h;
    std::unique_ptr<QSemaphore> m_held;
    std::unique_ptr<QSemaphore> m_release;
};

SUANLI_TEST_MAIN(TestMarketBillingThread)
#include "tst_market_billingthread.moc"
