// Billing and fault tests with a manual clock: exact amounts, stop/start, storage, retention,
// zero balance, lost hosts, replayed agent messages, market restarts, several processes.

#include "server/appeventhub.h"
#include "server/eventrelay.h"
#include "support/ledgercheck.h"
#include "support/marketscenario.h"
#include "support/testmain.h"

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

class TestMarketBilling : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_h = std::make_unique<MarketHarness>();
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
    }
    void cleanup()
    {
        // After every scenario the ledger balances to the micro-unit (tests/support/ledgercheck).
        const QStringList problems = checkLedgerThenClose(m_h);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }

    void oneHourAtOnePointThreeTwoIsExact()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        m_h->clock().advanceSeconds(1);
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 366);
        m_h->clock().advanceSeconds(3599);
        m_h->market().runBilling();
        m_h->market().runBilling(); // a second run in the same second charges nothing more
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 1'320'000);
        QCOMPARE(m_h->store().instance(id)->spend_micro, 1'320'000);
        // Renter charges = lender earnings + platform fee, to the micro-unit.
        const Micro earned = s.balance(*m_h, s.lender.id);
        auto platform = m_h->store().findAccount(u"suanli-platform-fees"_s);
        QVERIFY(platform);
        const Micro fee = s.balance(*m_h, *platform);
        QCOMPARE(earned, 1'188'000);
        QCOMPARE(fee, 132'000);
        QCOMPARE(earned + fee, 1'320'000);
    }

    void stoppedInstancePaysStorageAndIsReleasedAfterRetention()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000, 300'000));
        const qint64 id = s.launch(*m_h, 1, 50);
        QVERIFY(id);
        m_h->clock().advanceSeconds(100);
        auto stop = m_h->request("POST", u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token);
        QCOMPARE(stop.status, 202);
        QCOMPARE(stop.json.value(u"state"_s).toString(), u"stopping"_s);
        const QJsonObject command = s.agent->take(u"command"_s);
        QCOMPARE(command.value(u"action"_s).toString(), u"stop"_s);
        m_h->clock().advanceSeconds(2); // GPU time runs until the agent confirms the stop
        s.agent->report(id, u"stopped"_s, {}, command.value(u"id"_s).toString());
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        const Micro afterStop = s.balance(*m_h, s.renter.id);
        QCOMPARE(m_h->store().instance(id)->spend_micro, chargeForSeconds(1'320'000, 102));
        // One day of 50 GB at ¥0.30 per GB-month (30 days) is ¥0.50.
        m_h->clock().advanceSeconds(24 * 3600);
        m_h->market().runBilling();
        QCOMPARE(afterStop - s.balance(*m_h, s.renter.id), 500'000);
        auto instance = m_h->get(u"/api/v1/instances/%1"_s.arg(id), s.renter.token);
        QCOMPARE(instance.json.value(u"state"_s).toString(), u"stopped"_s);
        QVERIFY(!instance.json.value(u"release_at"_s).toString().isEmpty());
        // The GPU was given back while stopped.
        auto offers = m_h->get(u"/api/v1/offers"_s, s.renter.token);
        QCOMPARE(offers.json[u"offers"_s][0][u"gpus_free"_s].toInt(), 1);
        // After 15 days the market destroys it.
        m_h->clock().advanceSeconds(15 * 24 * 3600);
        m_h->market().runBilling();
        const QJsonObject destroy = s.agent->take(u"command"_s);
        QCOMPARE(destroy.value(u"action"_s).toString(), u"destroy"_s);
        QCOMPARE(destroy.value(u"reason"_s).toString(), u"retention_expired"_s);
        // Storage was charged for exactly the 16 days it was kept.
        QCOMPARE(afterStop - s.balance(*m_h, s.renter.id), 8'000'000);
    }

    void stopAndStartInTheSameSecond()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 3'600'000)); // ¥3.60/h = 1,000 µ per second
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        m_h->clock().advanceSeconds(10);
        QCOMPARE(m_h->request("POST", u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token).status, 202);
        s.agent->take(u"command"_s);
        s.agent->report(id, u"stopped"_s);
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        m_h->clock().advanceMs(400);
        auto started = m_h->request("POST", u"/api/v1/instances/%1/start"_s.arg(id), s.renter.token);
        QCOMPARE(started.status, 202);
        QCOMPARE(started.json.value(u"state"_s).toString(), u"starting"_s);
        QCOMPARE(s.agent->take(u"command"_s).value(u"action"_s).toString(), u"start"_s);
        s.agent->report(id, u"running"_s);
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        m_h->clock().advanceSeconds(5);
        m_h->market().runBilling();
        // 10 s + 5 s of GPU time; the 0.4 s stopped costs less than one micro-unit of storage.
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 15'000);
    }

    void startFailsWhenTheGpuIsTaken()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        QCOMPARE(m_h->request("POST", u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token).status, 202);
        s.agent->take(u"command"_s);
        s.agent->report(id, u"stopped"_s);
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        const qint64 other = s.launch(*m_h);
        QVERIFY(other);
        auto start = m_h->request("POST", u"/api/v1/instances/%1/start"_s.arg(id), s.renter.token);
        QCOMPARE(start.status, 409);
        QCOMPARE(start.errorCode(), u"gpus_unavailable"_s);
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"stopped"_s);
    }

    void duplicatedReorderedAndReplayedReportsNeverChargeTwice()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 3'600'000));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        m_h->clock().advanceSeconds(60);
        const qint64 stopSeq = s.agent->nextSeq(id);
        const QJsonObject stopped{{u"type"_s, u"instance_state"_s}, {u"instance_id"_s, id},
                                  {u"seq"_s, stopSeq}, {u"state"_s, u"stopped"_s}};
        s.agent->send(stopped);
        s.agent->send(stopped); // duplicate
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        // A stale "running" (older seq) arriving late changes nothing.
        s.agent->send({{u"type"_s, u"instance_state"_s}, {u"instance_id"_s, id},
                       {u"seq"_s, stopSeq - 1}, {u"state"_s, u"running"_s}});
        m_h->clock().advanceSeconds(60);
        s.agent->send(stopped); // replay
        QVERIFY(s.agent->sync());
        m_h->market().runBilling();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"stopped"_s);
        // 60 s of GPU time plus 60 s of storage (50 GB at ¥0.30/GB-month: 347 µ).
        QCOMPARE(start - s.balance(*m_h, s.renter.id),
                 60'000 + storageChargeForSeconds(300'000, 50, 60));
        // Ledger keys are unique: a second accrual with the same key is refused by the database.
        auto again = m_h->store().credit(s.renter.id, -1, u"gpu"_s, u"lease:%1:accrual:1"_s.arg(id), {});
        QVERIFY(again); // a key seen before changes nothing
        QCOMPARE(start - s.balance(*m_h, s.renter.id),
                 60'000 + storageChargeForSeconds(300'000, 50, 60));
    }

    /// A market that declares a host lost after 90 s of silence, and on that host a renter's
    /// instance (3.6 per hour: 1,000 µ a second) that ran `seconds`, its last heartbeat then.
    bool runOnAHostToLose(Scenario &s, Micro &start, qint64 &id, int seconds)
    {
        server::MarketPolicy policy;
        policy.hostLostAfterS = 90;
        m_h = std::make_unique<MarketHarness>(policy);
        if (!m_h->ok() || !s.setUp(*m_h, 1, 3'600'000))
            return false;
        start = s.balance(*m_h, s.renter.id);
        id = s.launch(*m_h); // provisioning (seq 1), running (seq 2)
        if (!id)
            return false;
        if (seconds > 0) {
            m_h->clock().advanceSeconds(seconds);
            s.agent->send({{u"type"_s, u"usage"_s},
                           {u"seq"_s, 1},
                           {u"running_instance_ids"_s, QJsonArray{id}}});
            if (!s.agent->sync())
                return false;
        }
        m_h->market().flushTelemetry();
        return true;
    }

    void lostHostInterruptsAndReconcilesWithoutDoubleCharge()
    {
        Scenario s;
        Micro start = 0;
        qint64 id = 0;
        QVERIFY(runOnAHostToLose(s, start, id, 30)); // last heartbeat at t = 30 s
        m_h->clock().advanceSeconds(200); // then silence, while the billing timer keeps running
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 230'000);
        m_h->market().checkHosts();
        auto instance = m_h->store().instance(id);
        QCOMPARE(protocol::toString(instance->state), u"interrupted"_s);
        QCOMPARE(instance->state_reason, u"host_lost"_s);
        // Billing ended at the last heartbeat: 30 s.
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000);
        auto offers = m_h->get(u"/api/v1/offers"_s, s.renter.token);
        QCOMPARE(offers.json.value(u"total"_s).toInteger(), 0);
        // The agent comes back: the instance still runs, billing resumes from now.
        s.agent->send(QJsonObject{{u"type"_s, u"hello"_s}, {u"agent_version"_s, u"test"_s},
                                  {u"spec"_s, QJsonObject{{u"gpus"_s, QJsonArray{QJsonObject{
                                      {u"index"_s, 0}, {u"uuid"_s, u"GPU-0"_s},
                                      {u"model"_s, u"RTX 3090"_s}, {u"memory_mb"_s, 24576}}}},
                                      {u"cpu_cores"_s, 16}, {u"ram_mb"_s, 65536},
                                      {u"disk_free_gb"_s, 500}}},
                                  {u"address"_s, u"127.0.0.1"_s}});
        QVERIFY(!s.agent->take(u"welcome"_s).isEmpty());
        s.agent->report(id, u"running"_s);
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        m_h->clock().advanceSeconds(10);
        m_h->market().runBilling();
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 40'000);
        QVERIFY(m_h->store().host(s.hostId)->reliability < 1.0);
        // The silence was refunded with correction entries; charges still equal earnings + fees.
        auto platform = m_h->store().findAccount(u"suanli-platform-fees"_s);
        QVERIFY(platform);
        QCOMPARE(s.balance(*m_h, s.lender.id) + s.balance(*m_h, *platform), 40'000);
        // A reconnecting agent replaces its old connection cleanly.
        ScriptedAgent again(m_h->baseUrl(), s.hostToken);
        QVERIFY(again.connectAndHello(1));
        QTRY_COMPARE(s.agent->socket().state(), QAbstractSocket::UnconnectedState);
    }

    void lostHostWhoseLastSeenPrecedesThePeriodIsChargedNothingForIt()
    {
        // Found by the chaos run (docs/benchmarks.md, "Chaos"): the host's last_seen is written
        // in batches, so it can be older than the `running` report that started the period.
        // Billing of a lost host ends at its last message: nothing of that period stays charged.
        server::MarketPolicy policy;
        policy.hostLostAfterS = 90;
        m_h = std::make_unique<MarketHarness>(policy);
        QVERIFY(m_h->ok());
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 3'600'000));
        const Micro start = s.balance(*m_h, s.renter.id);
        m_h->clock().advanceSeconds(20);
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        m_h->market().flushTelemetry(); // last message: the `running` report, the period start
        m_h->clock().advanceSeconds(200);
        m_h->market().runBilling();
        QVERIFY(start - s.balance(*m_h, s.renter.id) > 0);
        m_h->market().checkHosts();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"interrupted"_s);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 0);
        auto platform = m_h->store().findAccount(u"suanli-platform-fees"_s);
        QVERIFY(platform);
        QCOMPARE(s.balance(*m_h, s.lender.id) + s.balance(*m_h, *platform), 0);
    }

    void lostHostsRepeatedReportReconcilesItsInstance()
    {
        // Found by the chaos run: the container ran through the silence, and after `welcome` the
        // agent repeats its last report, with the seq the market already applied. That report
        // is the agent's word on the container: the instance runs again, billed from now.
        Scenario s;
        Micro start = 0;
        qint64 id = 0;
        QVERIFY(runOnAHostToLose(s, start, id, 30)); // last message at t = 30 s
        m_h->clock().advanceSeconds(200);
        m_h->market().checkHosts();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"interrupted"_s);
        QVERIFY(s.agent->connectAndHello(1));
        // A stale report (seq 1, provisioning) changes nothing; the repeat of seq 2 reconciles.
        s.agent->setSeq(id, 0);
        s.agent->report(id, u"provisioning"_s);
        QVERIFY(s.agent->sync());
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"interrupted"_s);
        s.agent->report(id, u"running"_s);
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        m_h->clock().advanceSeconds(10);
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 40'000);
        // The same report once more is a duplicate again.
        s.agent->setSeq(id, 1);
        s.agent->report(id, u"running"_s);
        QVERIFY(s.agent->sync());
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 40'000);
        auto platform = m_h->store().findAccount(u"suanli-platform-fees"_s);
        QVERIFY(platform);
        QCOMPARE(s.balance(*m_h, s.lender.id) + s.balance(*m_h, *platform), 40'000);
    }

    void lostHostStillSpeakingIsAskedToSayHelloAgain()
    {
        // Found by the chaos run with real agents: a host declared lost while its agent stayed
        // connected (the market stalled) kept speaking on that connection, never said hello
        // again, and its instances stayed `interrupted` while they ran. The market closes such
        // a connection; the agent's reconnect and repeated report bring everything back.
        Scenario s;
        Micro start = 0;
        qint64 id = 0;
        QVERIFY(runOnAHostToLose(s, start, id, 0)); // running with seq 2
        m_h->clock().advanceSeconds(200);
        m_h->market().checkHosts();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"interrupted"_s);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 0);
        // Still connected, the agent speaks: its next heartbeat is written, and the market
        // closes the connection at the next look.
        QCOMPARE(s.agent->socket().state(), QAbstractSocket::ConnectedState);
        s.agent->send(
            {{u"type"_s, u"usage"_s}, {u"seq"_s, 1}, {u"running_instance_ids"_s, QJsonArray{id}}});
        QVERIFY(s.agent->sync());
        m_h->market().flushTelemetry();
        m_h->market().checkHosts();
        QTRY_COMPARE(s.agent->socket().state(), QAbstractSocket::UnconnectedState);
        ScriptedAgent again(m_h->baseUrl(), s.hostToken);
        QVERIFY(again.connectAndHello(1));
        again.setSeq(id, 1);
        again.report(id, u"running"_s); // the repeat of seq 2
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        QVERIFY(m_h->store().host(s.hostId)->online);
        m_h->clock().advanceSeconds(10);
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 10'000);
        // Back online and speaking: nothing is closed any more.
        m_h->market().checkHosts();
        QTest::qWait(200);
        QCOMPARE(again.socket().state(), QAbstractSocket::ConnectedState);
    }

    void lostHostWhileStoppingIsBilledToItsLastMessage()
    {
        // The renter stops; the host goes silent before it confirms. A `stopping` instance is
        // billed until the confirmation, so without one its billing ends at the host's last
        // message, like a running one's, and what the timer charged past it goes back.
        Scenario s;
        Micro start = 0;
        qint64 id = 0;
        QVERIFY(runOnAHostToLose(s, start, id, 30)); // last message at t = 30 s
        QCOMPARE(
            m_h->request("POST", u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token).status,
            202);
        QCOMPARE(s.agent->take(u"command"_s).value(u"action"_s).toString(), u"stop"_s);
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"stopping"_s);
        m_h->clock().advanceSeconds(200); // silence; the billing timer charges the stopping one
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 230'000);
        m_h->market().checkHosts();
        auto instance = m_h->store().instance(id);
        QCOMPARE(protocol::toString(instance->state), u"interrupted"_s);
        QCOMPARE(instance->state_reason, u"host_lost"_s);
        // GPU time ends at t = 30 s (no storage yet: it is billed from the confirmed stop).
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000);
        auto platform = m_h->store().findAccount(u"suanli-platform-fees"_s);
        QVERIFY(platform);
        QCOMPARE(s.balance(*m_h, s.lender.id) + s.balance(*m_h, *platform),
                 start - s.balance(*m_h, s.renter.id));
    }

    void zeroBalanceStopsRunningInstances()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 3'600'000, 300'000, 5'000)); // 5 seconds' worth
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        m_h->clock().advanceSeconds(6);
        m_h->market().runBilling();
        QVERIFY(s.balance(*m_h, s.renter.id) <= 0);
        const QJsonObject stop = s.agent->take(u"command"_s);
        QCOMPARE(stop.value(u"action"_s).toString(), u"stop"_s);
        QCOMPARE(stop.value(u"reason"_s).toString(), u"balance_exhausted"_s);
        auto instance = m_h->store().instance(id);
        QCOMPARE(protocol::toString(instance->state), u"stopping"_s);
        QCOMPARE(instance->state_reason, u"balance_exhausted"_s);
        // With no money, nothing new can be launched.
        auto r = m_h->post(u"/api/v1/instances"_s, s.renter.token,
                           {{u"offer_id"_s, s.hostId}, {u"gpu_count"_s, 1},
                            {u"image"_s, u"x"_s}, {u"disk_gb"_s, 10},
                            {u"ssh_public_key"_s, testPublicKey()}});
        QCOMPARE(r.status, 402);
    }

    void costGuardStopsAtMaxSpend()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 3'600'000));
        auto r = m_h->post(u"/api/v1/instances"_s, s.renter.token,
                           {{u"offer_id"_s, s.hostId}, {u"gpu_count"_s, 1},
                            {u"image"_s, u"localhost/suanli/base:bookworm"_s}, {u"disk_gb"_s, 10},
                            {u"ssh_public_key"_s, testPublicKey()},
                            {u"max_spend_micro"_s, 20'000}});
        QCOMPARE(r.status, 201);
        const qint64 id = r.json.value(u"id"_s).toInteger();
        s.agent->take(u"command"_s);
        s.agent->report(id, u"running"_s);
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        m_h->clock().advanceSeconds(25);
        m_h->market().runBilling();
        const QJsonObject stop = s.agent->take(u"command"_s);
        QCOMPARE(stop.value(u"reason"_s).toString(), u"max_spend_reached"_s);
    }

    void costGuardStopsAtMaxDuration()
    {
        // 3.6 per GPU-hour = 1,000 µ a second; the guard allows 60 s of running.
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 3'600'000));
        const Micro start = s.balance(*m_h, s.renter.id);
        auto r = m_h->post(u"/api/v1/instances"_s, s.renter.token,
                           {{u"offer_id"_s, s.hostId},
                            {u"gpu_count"_s, 1},
                            {u"image"_s, u"localhost/suanli/base:bookworm"_s},
                            {u"disk_gb"_s, 10},
                            {u"ssh_public_key"_s, testPublicKey()},
                            {u"max_duration_s"_s, 60}});
        QCOMPARE(r.status, 201);
        const qint64 id = r.json.value(u"id"_s).toInteger();
        s.agent->take(u"command"_s);
        s.agent->report(id, u"running"_s);
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        auto state = [&] {
            return protocol::toString(m_h->store().instance(id)->state);
        };
        m_h->clock().advanceSeconds(58);
        m_h->market().runBilling();
        QCOMPARE(state(), u"running"_s);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 58'000);
        // The billing run after the limit (here 4 s late) stops it and bills to the limit.
        m_h->clock().advanceSeconds(4);
        m_h->market().runBilling();
        QCOMPARE(state(), u"stopping"_s);
        QCOMPARE(m_h->store().instance(id)->state_reason, u"max_duration_reached"_s);
        const QJsonObject stop = s.agent->take(u"command"_s);
        QCOMPARE(stop.value(u"action"_s).toString(), u"stop"_s); // stop, not destroy: data kept
        QCOMPARE(stop.value(u"reason"_s).toString(), u"max_duration_reached"_s);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 60'000);
        // The agent takes 3 s more to stop it: still nothing past the limit.
        m_h->clock().advanceSeconds(3);
        s.agent->report(id, u"stopped"_s);
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 60'000);
        QVERIFY(s.agent->take(u"command"_s, 300).isEmpty()); // no destroy
        // The ledger balances: renter charges = lender earnings + platform fee (10 %).
        auto sumFor = [&](qint64 accountId) {
            Micro sum = 0;
            const auto entries = m_h->store().ledger(accountId, 0, 0, 1000);
            if (entries) {
                for (const auto &e : *entries)
                    sum += e.instance_id == id ? e.amount_micro : 0;
            }
            return sum;
        };
        auto platform = m_h->store().findAccount(u"suanli-platform-fees"_s);
        QVERIFY(platform);
        const Micro charged = -sumFor(s.renter.id);
        const Micro earned = sumFor(s.lender.id);
        const Micro fees = sumFor(*platform);
        QCOMPARE(charged, 60'000);
        QCOMPARE(earned + fees, charged);
        QCOMPARE(fees, 6'000);
        // What the app's history shows ("time limit reached", app/instancelistmodel.cpp).
        auto history = m_h->get(u"/api/v1/instances/%1/events"_s.arg(id), s.renter.token);
        QCOMPARE(history.status, 200);
        const QJsonArray events = history.json[u"events"_s].toArray();
        const auto stopping = std::find_if(events.begin(), events.end(), [](const QJsonValue &e) {
            return e[u"state"_s].toString() == u"stopping"_s;
        });
        QVERIFY(stopping != events.end());
        QCOMPARE((*stopping)[u"reason"_s].toString(), u"max_duration_reached"_s);
        QCOMPARE(events.last()[u"state"_s].toString(), u"stopped"_s);
    }

    void marketRestartRecoversEverything()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 3'600'000));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        m_h->clock().advanceSeconds(20);
        m_h->market().runBilling();
        s.agent.reset();
        m_h->restart(); // as after kill -9: nothing but the database survives
        QVERIFY(m_h->ok());
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 20'000);
        m_h->clock().advanceSeconds(10);
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000);
        auto list = m_h->get(u"/api/v1/instances"_s, s.renter.token);
        QCOMPARE(list.json[u"instances"_s][0][u"state"_s].toString(), u"running"_s);
        // The agent reconnects and gets commands queued while it was away.
        s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
        s.agent->setSeq(id, 2); // provisioning and running were reported before the restart
        QVERIFY(s.agent->connectAndHello(1));
        QCOMPARE(m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(id), s.renter.token).status, 202);
        QCOMPARE(s.agent->take(u"command"_s).value(u"action"_s).toString(), u"destroy"_s);
        s.agent->report(id, u"destroyed"_s);
        QVERIFY(s.waitForState(*m_h, id, u"destroyed"_s));
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000);
    }

    void unacknowledgedCommandsAreResent()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        s.agent->autoAck = false;
        auto r = m_h->post(u"/api/v1/instances"_s, s.renter.token,
                           {{u"offer_id"_s, s.hostId}, {u"gpu_count"_s, 1},
                            {u"image"_s, u"localhost/suanli/base:bookworm"_s}, {u"disk_gb"_s, 10},
                            {u"ssh_public_key"_s, testPublicKey()}});
        QCOMPARE(r.status, 201);
        const QJsonObject first = s.agent->take(u"command"_s);
        QVERIFY(!first.isEmpty());
        m_h->clock().advanceSeconds(11); // no ack
        m_h->market().retryCommands();
        const QJsonObject again = s.agent->take(u"command"_s);
        QCOMPARE(again.value(u"id"_s), first.value(u"id"_s));
        s.agent->send({{u"type"_s, u"ack"_s}, {u"command_id"_s, first.value(u"id"_s)}});
        QVERIFY(s.agent->sync());
        m_h->clock().advanceSeconds(11);
        m_h->market().retryCommands();
        QVERIFY(s.agent->take(u"command"_s, 300).isEmpty());
    }

    void adminTopUpsArePerAccountAndSendABalanceEvent()
    {
        // `suanli-market admin topup` (the built binary, its own process and connection) on
        // the market's database (docs/market.md, "Admin commands").
        const auto alice = m_h->createAccount(u"alice"_s, {u"renter"_s});
        const auto bob = m_h->createAccount(u"bob"_s, {u"renter"_s});
        QVERIFY(alice.id && bob.id);
        EventListener events(m_h->baseUrl(), bob.token);
        QVERIFY(events.waitConnected());
        QVERIFY(!events.take(u"balance"_s).isEmpty()); // the first one, on connecting
        auto topup = [&](const QString &account, const QString &amount, const QString &key) {
            QProcess admin;
            admin.start(QStringLiteral(SUANLI_MARKET_BIN),
                        {u"admin"_s, u"--db"_s, m_h->databaseUrl(), u"topup"_s, account, amount,
                         u"--key"_s, key});
            if (!admin.waitForFinished(30000) || admin.exitStatus() != QProcess::NormalExit)
                return u"(did not finish)"_s;
            return admin.exitCode() == 0
                       ? QString::fromUtf8(admin.readAllStandardOutput()).trimmed()
                       : u"(exit %1) "_s.arg(admin.exitCode()) +
                             QString::fromUtf8(admin.readAllStandardError());
        };
        // The same payment reference on two accounts: each gets its own top-up…
        QCOMPARE(topup(u"alice"_s, u"1.5"_s, u"order-1"_s), u"1500000"_s);
        QCOMPARE(topup(u"bob"_s, u"2"_s, u"order-1"_s), u"2000000"_s);
        // …and the same account and key twice credits once.
        QCOMPARE(topup(u"bob"_s, u"2"_s, u"order-1"_s), u"2000000"_s);
        QCOMPARE(topup(u"alice"_s, u"1.5"_s, u"order-1"_s), u"1500000"_s);
        QCOMPARE(m_h->store().account(alice.id)->balance_micro, 1'500'000);
        QCOMPARE(m_h->store().account(bob.id)->balance_micro, 2'000'000);
        // bob's open app hears the new balance without asking.
        const QJsonObject event = events.take(u"balance"_s, 5000, [](const QJsonObject &e) {
            return e[u"balance_micro"_s].toInteger() == 2'000'000;
        });
        QVERIFY2(!event.isEmpty(), "no balance event after the admin top-up");
        QVERIFY(!event.contains(u"warning"_s));
        QVERIFY(events.take(u"balance"_s, 1500).isEmpty()); // the replay changed nothing
        // Two ledger entries per account at most: one top-up each.
        auto ledger = m_h->store().ledger(bob.id, 0, 0, 100);
        QVERIFY(ledger);
        QCOMPARE(ledger->size(), 1);
        QCOMPARE(ledger->first().amount_micro, 2'000'000);
    }

    void hostOnAnotherProcessIsNotLostForItsUnwrittenHeartbeats()
    {
        // Found by the chaos run on two processes (--host-lost-after 5): a process that does not
        // hold a host's connection sees its last_seen as the other one wrote it, at most every
        // 10 s, and declared the speaking host lost again and again. It waits out that lag.
        if (MarketHarness::backend() != "postgres"_L1)
            QSKIP("several market processes share a database only on PostgreSQL");
        server::MarketPolicy policy;
        policy.hostLostAfterS = 5;
        m_h = std::make_unique<MarketHarness>(policy);
        QVERIFY(m_h->ok());
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 3'600'000));
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        m_h->market().flushTelemetry();
        QString secondUrl;
        auto second = m_h->startSecondMarket(&secondUrl);
        QVERIFY(second);
        for (int i = 0; i < 20; ++i) { // 40 s of heartbeats every 2 s, to the first process
            m_h->clock().advanceSeconds(2);
            s.agent->send({{u"type"_s, u"usage"_s},
                           {u"seq"_s, i + 1},
                           {u"running_instance_ids"_s, QJsonArray{id}}});
            QVERIFY(s.agent->sync());
            m_h->market().flushTelemetry();
            second->checkHosts();
            QVERIFY2(m_h->store().host(s.hostId)->online, qPrintable(u"at %1 s"_s.arg(2 * i + 2)));
        }
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"running"_s);
        // Silent for real: lost, once past the lag as well.
        m_h->clock().advanceSeconds(17);
        second->checkHosts();
        QVERIFY(!m_h->store().host(s.hostId)->online);
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"interrupted"_s);
    }

    void eventsCrossMarketProcesses()
    {
        if (MarketHarness::backend() != "postgres"_L1)
            QSKIP("several market processes share a database only on PostgreSQL");
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        QString secondUrl;
        auto second = m_h->startSecondMarket(&secondUrl);
        QVERIFY(second);
        // The renter's app is connected to the second process; the agent to the first.
        EventListener events(secondUrl, s.renter.token);
        QVERIFY(events.waitConnected());
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(secondUrl + u"/api/v1/instances"_s));
        request.setRawHeader("Authorization", "Bearer " + s.renter.token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        QNetworkReply *reply = network.post(request, QJsonDocument(QJsonObject{
            {u"offer_id"_s, s.hostId}, {u"gpu_count"_s, 1},
            {u"image"_s, u"localhost/suanli/base:bookworm"_s}, {u"disk_gb"_s, 10},
            {u"ssh_public_key"_s, testPublicKey()}}).toJson());
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        const qint64 id = QJsonDocument::fromJson(reply->readAll()).object()[u"id"_s].toInteger();
        reply->deleteLater();
        // The create made through process 2 reaches the agent on process 1…
        const QJsonObject command = s.agent->take(u"command"_s, 10000);
        QCOMPARE(command.value(u"instance_id"_s).toInteger(), id);
        // …and the agent's report through process 1 reaches the app on process 2.
        s.agent->report(id, u"running"_s);
        auto event = events.take(u"instance"_s, 10000, [](const QJsonObject &e) {
            return e[u"instance"_s][u"state"_s].toString() == u"running"_s;
        });
        QVERIFY(!event.isEmpty());
        QCOMPARE(event[u"instance"_s][u"id"_s].toInteger(), id);
    }

    void largeEventsCrossMarketProcesses()
    {
        if (MarketHarness::backend() != "postgres"_L1)
            QSKIP("several market processes share a database only on PostgreSQL");
        const auto renter = m_h->createAccount(u"renter"_s, {u"renter"_s});
        QString secondUrl;
        auto second = m_h->startSecondMarket(&secondUrl);
        QVERIFY(second);
        EventListener events(secondUrl, renter.token);
        QVERIFY(events.waitConnected());
        // An event of 20,000 bytes published by process 1 reaches the app on process 2…
        const QString padding(20'000, u'x');
        m_h->market().apps().publishToAccount(
            renter.id, {{u"type"_s, u"instance_notice"_s}, {u"reason"_s, padding}});
        const QJsonObject large = events.take(u"instance_notice"_s, 10000);
        QVERIFY2(!large.isEmpty(), "the 20,000-byte event did not reach the other process");
        QCOMPARE(large[u"reason"_s].toString(), padding);
        QCOMPARE(m_h->market().relay().largeEventsSent(), 1); // through relay_events
        // …and a small one still goes the fast way, in the notification itself.
        m_h->market().apps().publishToAccount(
            renter.id, {{u"type"_s, u"instance_notice"_s}, {u"reason"_s, u"small"_s}});
        const QJsonObject small = events.take(u"instance_notice"_s, 10000);
        QCOMPARE(small[u"reason"_s].toString(), u"small"_s);
        QCOMPARE(m_h->market().relay().largeEventsSent(), 1);
    }

    void telemetryAndOfferChangesCrossMarketProcesses()
    {
        if (MarketHarness::backend() != "postgres"_L1)
            QSKIP("several market processes share a database only on PostgreSQL");
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, 1'320'000));
        QString secondUrl;
        auto second = m_h->startSecondMarket(&secondUrl);
        QVERIFY(second);
        // Process 2 caches a search; a create through process 1 must reach it.
        QNetworkAccessManager network;
        auto gpusFreeOnSecond = [&] {
            QNetworkRequest request(QUrl(secondUrl + u"/api/v1/offers"_s));
            request.setRawHeader("Authorization", "Bearer " + s.renter.token);
            QNetworkReply *reply = network.get(request);
            if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000))
                return -2;
            const QJsonArray offers =
                QJsonDocument::fromJson(reply->readAll()).object()[u"offers"_s].toArray();
            reply->deleteLater();
            return offers.isEmpty() ? -1 : offers.first()[u"gpus_free"_s].toInt();
        };
        QCOMPARE(gpusFreeOnSecond(), 2);
        EventListener events(secondUrl, s.renter.token);
        QVERIFY(events.waitConnected());
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        QTRY_COMPARE_WITH_TIMEOUT(gpusFreeOnSecond(), 1, 5000);
        // Telemetry from the agent on process 1 reaches the app on process 2, once process 1
        // has heard that an app of this account is connected there.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                m_h->clock().advanceSeconds(1);
                s.agent->send({{u"type"_s, u"telemetry"_s},
                               {u"samples"_s,
                                QJsonArray{QJsonObject{
                                    {u"instance_id"_s, id},
                                    {u"at"_s, m_h->clock().nowUtc().toString(Qt::ISODateWithMs)},
                                    {u"gpus"_s, QJsonArray{}},
                                    {u"cpu_pct"_s, 42.0},
                                    {u"memory_used_mb"_s, 100},
                                    {u"ssh_sessions"_s, 0}}}}});
                m_h->market().flushTelemetry(); // relays the batch to other processes
                return !events.take(u"telemetry"_s, 300).isEmpty();
            }(),
            10000);
    }

    void idleStopNeedsIdleGpusAndNoSshForTheWholeTime()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, 1'320'000));
        const qint64 id = s.launch(*m_h, 2);
        QVERIFY(id);
        // Guards can be set after launch: idle stop after 10 minutes below 10 %.
        auto patched = m_h->request("PATCH", u"/api/v1/instances/%1"_s.arg(id), s.renter.token,
                                    R"({"idle_stop_s": 600, "idle_below_pct": 10})");
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json[u"idle_stop_s"_s].toInteger(), 600);
        auto wrong = m_h->request("PATCH", u"/api/v1/instances/%1"_s.arg(id), s.renter.token,
                                  R"({"idle_stop_s": "ten minutes"})");
        QCOMPARE(wrong.status, 422);
        QCOMPARE(wrong.json[u"error"_s][u"field"_s].toString(), u"idle_stop_s"_s);
        auto sample = [&](double gpu0, double gpu1, int ssh) {
            s.agent->send(
                {{u"type"_s, u"telemetry"_s},
                 {u"samples"_s,
                  QJsonArray{QJsonObject{
                      {u"instance_id"_s, id},
                      {u"at"_s, m_h->clock().nowUtc().toString(Qt::ISODateWithMs)},
                      {u"gpus"_s,
                       QJsonArray{QJsonObject{{u"index"_s, 0}, {u"utilization_pct"_s, gpu0}},
                                  QJsonObject{{u"index"_s, 1}, {u"utilization_pct"_s, gpu1}}}},
                      {u"cpu_pct"_s, 3.0},
                      {u"memory_used_mb"_s, 100},
                      {u"ssh_sessions"_s, ssh}}}}});
            QVERIFY(s.agent->sync()); // the market has read it
        };
        auto state = [&] { return protocol::toString(m_h->store().instance(id)->state); };
        sample(2, 3, 0); // idle from now
        m_h->clock().advanceSeconds(400);
        m_h->market().runBilling();
        QCOMPARE(state(), u"running"_s);
        sample(2, 60, 0); // one busy GPU: not idle
        m_h->clock().advanceSeconds(1);
        sample(2, 3, 1); // an SSH session open: not idle
        m_h->clock().advanceSeconds(700);
        m_h->market().runBilling();
        QCOMPARE(state(), u"running"_s);
        sample(1, 1, 0); // idle again, from here
        m_h->clock().advanceSeconds(599);
        m_h->market().runBilling();
        QCOMPARE(state(), u"running"_s);
        m_h->clock().advanceSeconds(1);
        m_h->market().runBilling();
        QCOMPARE(state(), u"stopping"_s);
        QCOMPARE(m_h->store().instance(id)->state_reason, u"idle_stop"_s);
        const QJsonObject stop = s.agent->take(u"command"_s);
        QCOMPARE(stop.value(u"action"_s).toString(), u"stop"_s);
        // The guard's action is in the instance's history and in the ledger, with its reason.
        auto history = m_h->get(u"/api/v1/instances/%1/events"_s.arg(id), s.renter.token);
        QCOMPARE(history.status, 200);
        const QJsonObject last = history.json[u"events"_s].toArray().last().toObject();
        QCOMPARE(last[u"state"_s].toString(), u"stopping"_s);
        QCOMPARE(last[u"reason"_s].toString(), u"idle_stop"_s);
        auto ledger = m_h->get(u"/api/v1/ledger"_s, s.renter.token);
        const QJsonArray entries = ledger.json[u"entries"_s].toArray();
        const auto guard = std::find_if(entries.begin(), entries.end(), [](const QJsonValue &e) {
            return e[u"kind"_s].toString() == u"guard"_s;
        });
        QVERIFY(guard != entries.end());
        QCOMPARE((*guard)[u"amount_micro"_s].toInteger(), 0);
        QVERIFY((*guard)[u"description"_s].toString().contains(u"idle_stop"_s));
        // Restarted, the instance starts busy: the idleness before the stop does not count.
        s.agent->report(id, u"stopped"_s);
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        QCOMPARE(m_h->request("POST", u"/api/v1/instances/%1/start"_s.arg(id), s.renter.token).status,
                 202);
        s.agent->take(u"command"_s);
        s.agent->report(id, u"running"_s);
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        m_h->clock().advanceSeconds(5);
        m_h->market().runBilling();
        QCOMPARE(state(), u"running"_s);
    }

    void lowBalanceWarnsOncePerThreshold()
    {
        Scenario s;
        // ¥3.60/h and ¥5 of balance: 83 minutes of runway, under 24 h, over 1 h.
        QVERIFY(s.setUp(*m_h, 1, 3'600'000, 300'000, 5'000'000));
        EventListener events(m_h->baseUrl(), s.renter.token);
        QVERIFY(events.waitConnected());
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        auto isWarning = [](const QJsonObject &e) { return e.contains(u"warning"_s); };
        m_h->clock().advanceSeconds(5);
        m_h->market().runBilling();
        auto warning = events.take(u"balance"_s, 5000, isWarning);
        QCOMPARE(warning[u"warning"_s][u"threshold"_s].toString(), u"runway_24h"_s);
        QCOMPARE(warning[u"warning"_s][u"burn_micro_per_hour"_s].toInteger(), 3'600'000);
        QVERIFY(warning[u"warning"_s][u"runway_s"_s].toInteger() < 5000);
        m_h->clock().advanceSeconds(5);
        m_h->market().runBilling();
        QVERIFY(events.take(u"balance"_s, 300, isWarning).isEmpty()); // said once
        // 25 minutes later the runway is under an hour.
        m_h->clock().advanceSeconds(25 * 60);
        m_h->market().runBilling();
        warning = events.take(u"balance"_s, 5000, isWarning);
        QCOMPARE(warning[u"warning"_s][u"threshold"_s].toString(), u"runway_1h"_s);
        // The renter's own threshold: warned when the balance is below it.
        auto me = m_h->request("PATCH", u"/api/v1/me"_s, s.renter.token,
                               R"({"low_balance_micro": 4000000})");
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json[u"low_balance_micro"_s].toInteger(), 4'000'000);
        m_h->clock().advanceSeconds(5);
        m_h->market().runBilling();
        warning = events.take(u"balance"_s, 5000, isWarning);
        QCOMPARE(warning[u"warning"_s][u"threshold"_s].toString(), u"below_threshold"_s);
    }

    void ownerReturnWithdrawsTheOfferAndForcedStopsCountAgainstTheHost()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, 1'320'000, 300'000, 100 * kMicroPerUnit, true));
        auto offers = [&] {
            return m_h->get(u"/api/v1/offers"_s, s.renter.token).json[u"total"_s].toInteger();
        };
        QCOMPARE(offers(), 1);
        // The owner is back: the agent withdraws the offer at once, and offers it again later.
        s.agent->send({{u"type"_s, u"availability"_s}, {u"available"_s, false},
                       {u"reason"_s, u"owner_active"_s}});
        QTRY_COMPARE(offers(), 0);
        auto hosts = m_h->get(u"/api/v1/hosts"_s, s.lender.token);
        QCOMPARE(hosts.json[u"hosts"_s][0][u"paused"_s].toBool(), true);
        QCOMPARE(hosts.json[u"hosts"_s][0][u"paused_reason"_s].toString(), u"owner_active"_s);
        s.agent->send({{u"type"_s, u"availability"_s}, {u"available"_s, true}});
        QTRY_COMPARE(offers(), 1);
        // An interruptible rental stopped for the owner: the renter hears of it first, then it
        // is billed until the stop, with no penalty for the host.
        EventListener events(m_h->baseUrl(), s.renter.token);
        QVERIFY(events.waitConnected());
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        s.agent->send(
            {{u"type"_s, u"notice"_s},
             {u"instance_id"_s, id},
             {u"stop_at"_s, m_h->clock().nowUtc().addSecs(60).toString(Qt::ISODateWithMs)},
             {u"reason"_s, u"host_owner_returned"_s}});
        const QJsonObject notice = events.take(u"instance_notice"_s);
        QCOMPARE(notice[u"instance_id"_s].toInteger(), id);
        QCOMPARE(notice[u"reason"_s].toString(), u"host_owner_returned"_s);
        m_h->clock().advanceSeconds(100);
        s.agent->report(id, u"stopped"_s, u"host_owner_returned"_s);
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        QCOMPARE(m_h->store().instance(id)->state_reason, u"host_owner_returned"_s);
        QCOMPARE(m_h->store().instance(id)->spend_micro, chargeForSeconds(1'320'000, 100));
        QCOMPARE(m_h->store().host(s.hostId)->reliability, 1.0);
        // An on-demand rental the owner forces to stop counts against the host.
        QCOMPARE(m_h->request("POST", u"/api/v1/instances/%1/start"_s.arg(id), s.renter.token).status,
                 202);
        s.agent->take(u"command"_s);
        s.agent->report(id, u"running"_s);
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        s.agent->report(id, u"stopped"_s, u"host_owner_forced_stop"_s);
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        QVERIFY(m_h->store().host(s.hostId)->reliability < 1.0);
    }

    void pricingSuggestsTheMedianOfTheSameModel()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, 1'000'000));
        auto r = m_h->get(u"/api/v1/pricing?gpu_model=rtx%203090"_s, s.lender.token);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json[u"listed"_s].toInteger(), 1);
        QCOMPARE(r.json[u"median_price_gpu_hour_micro"_s].toInteger(), 1'000'000);
        QCOMPARE(r.json[u"rented_share"_s].toDouble(), 0.0);
        QVERIFY(r.json[u"platform_fee"_s].isDouble());
        QCOMPARE(r.json[u"platform_fee"_s].toDouble(),
                 double(m_h->store().policy().platformFeePpm) / 1e6);
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        r = m_h->get(u"/api/v1/pricing?gpu_model=RTX%203090"_s, s.lender.token);
        QCOMPARE(r.json[u"rented_share"_s].toDouble(), 0.5);
        auto none = m_h->get(u"/api/v1/pricing?gpu_model=H100"_s, s.lender.token);
        QCOMPARE(none.json[u"listed"_s].toInteger(), 0);
        QCOMPARE(none.json[u"median_price_gpu_hour_micro"_s].toInteger(), 0);
    }

private:
    std::unique_ptr<MarketHarness> m_h;
};

SUANLI_TEST_MAIN(TestMarketBilling)
#include "tst_market_billing.moc"
