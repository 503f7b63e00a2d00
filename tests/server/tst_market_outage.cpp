// Time of reports and interrupted instances, with a manual clock and a scripted agent on the
// real agent channel (docs/market.md, "Billing as implemented" and "Host lost"): a stop reported
// after a market outage is billed to the agent's `at`, within what the market saw itself; an
// interrupted instance pays nothing and is released at --interrupted-release-after.

#include "support/ledgercheck.h"
#include "support/marketscenario.h"
#include "support/testmain.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

constexpr Micro kPrice = 3'600'000; // per GPU-hour: 1,000 µ a second
constexpr Micro kStorage = 300'000; // per GB-month
constexpr qint64 kDiskGb = 50;

QJsonObject stateReport(qint64 id, qint64 seq, const QString &state, std::optional<qint64> at)
{
    QJsonObject report{{u"type"_s, u"instance_state"_s},
                       {u"instance_id"_s, id},
                       {u"seq"_s, seq},
                       {u"state"_s, state}};
    if (at)
        report.insert(u"at"_s, *at);
    return report;
}

QJsonObject heartbeat(qint64 seq, const QJsonArray &running)
{
    return {{u"type"_s, u"usage"_s}, {u"seq"_s, seq}, {u"running_instance_ids"_s, running}};
}

} // namespace

class TestMarketOutage : public QObject
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

    void stopAfterAnOutageIsBilledToItsTime_data()
    {
        // Running from t = 0, the last heartbeat at 30 s, the market down from 50 s to 80 s;
        // the agent's stopped report arrives after the outage with `at` (ms after the start).
        QTest::addColumn<qint64>("atMs");          // -1: no `at` (an older agent)
        QTest::addColumn<qint64>("billedUntilMs"); // where the GPU meter must end
        // The first reconnect is cut after the hello and part of the outbox, before the
        // report: neither may count as word that the instance still ran.
        QTest::addColumn<bool>("cutReconnect");
        QTest::newRow("at inside the outage") << qint64(65'500) << qint64(65'500) << false;
        QTest::newRow("at inside, a reconnect cut before the report")
            << qint64(65'500) << qint64(65'500) << true;
        QTest::newRow("at before the last heartbeat") << qint64(10'000) << qint64(30'000) << false;
        QTest::newRow("at before the start") << qint64(-3'600'000) << qint64(30'000) << false;
        QTest::newRow("at in the future") << qint64(3'600'000) << qint64(80'000) << false;
        QTest::newRow("no at: the old rule, until now") << qint64(-1) << qint64(80'000) << false;
    }

    void stopAfterAnOutageIsBilledToItsTime()
    {
        QFETCH(qint64, atMs);
        QFETCH(qint64, billedUntilMs);
        QFETCH(bool, cutReconnect);
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, kPrice, kStorage));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h, 1, kDiskGb);
        QVERIFY(id);
        const qint64 t0 = m_h->clock().nowMs();
        m_h->clock().advanceSeconds(30);
        s.agent->send(heartbeat(1, {id}));
        QVERIFY(s.agent->sync());
        m_h->clock().advanceSeconds(20);
        // The market dies at 50 s (its heartbeat buffers are written on the way down) and is
        // back at 80 s; its first billing run charges the whole 80 s: it has heard nothing.
        s.agent.reset();
        m_h->shutdown();
        m_h->clock().advanceSeconds(30);
        QVERIFY2(m_h->restartOnSamePort(), qPrintable(m_h->error()));
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 80'000);

        if (cutReconnect) {
            s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
            QVERIFY(s.agent->connectAndHello(1));
            s.agent->send(
                {{u"type"_s, u"telemetry"_s},
                 {u"samples"_s, QJsonArray{QJsonObject{
                                    {u"instance_id"_s, id},
                                    {u"at"_s, QDateTime::fromMSecsSinceEpoch(t0 + 55'000, Qt::UTC)
                                                  .toString(Qt::ISODateWithMs)},
                                    {u"gpus"_s, QJsonArray{}},
                                    {u"cpu_pct"_s, 50.0},
                                    {u"memory_used_mb"_s, 100},
                                    {u"ssh_sessions"_s, 0}}}}});
            QVERIFY(s.agent->sync());
            s.agent.reset();
            m_h->market().flushTelemetry(); // what it heard is written, as by the 1 s timer
        }
        // The agent reconnects and delivers the stop it journaled during the outage.
        s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
        s.agent->setSeq(id, 2); // provisioning and running went out before
        QVERIFY(s.agent->connectAndHello(1));
        const qint64 seq = s.agent->nextSeq(id);
        s.agent->send(stateReport(id, seq, u"stopped"_s,
                                  atMs == -1 ? std::nullopt : std::optional<qint64>(t0 + atMs)));
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));

        // GPU time exactly to where the meter ends, the excess posted back as corrections.
        const Micro gpu = chargeForSeconds(kPrice, billedUntilMs / 1000);
        QCOMPARE(m_h->store().instance(id)->spend_micro, gpu);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), gpu);
        checkLedgerBalances(s, id, gpu, true);
        // Storage from the stop on, to now (80 s): the instance was stopped from then.
        m_h->market().runBilling();
        const Micro storage =
            storageChargeForSeconds(kStorage, kDiskGb, (80'000 - billedUntilMs) / 1000);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), gpu + storage);
        checkLedgerBalances(s, id, gpu + storage);
        auto instance = m_h->get(u"/api/v1/instances/%1"_s.arg(id), s.renter.token);
        QCOMPARE(QDateTime::fromString(instance.json[u"release_at"_s].toString(), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch(),
                 t0 + billedUntilMs + 15LL * 24 * 3600 * 1000);

        // The same report again — repeated on this connection, and by the agent after its
        // next welcome — changes nothing.
        const Micro before = s.balance(*m_h, s.renter.id);
        const auto entries = m_h->store().ledger(s.renter.id, 0, 0, 1000)->size();
        s.agent->send(stateReport(id, seq, u"stopped"_s, t0 + 40'000));
        QVERIFY(s.agent->sync());
        s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
        QVERIFY(s.agent->connectAndHello(1));
        s.agent->send(stateReport(id, seq, u"stopped"_s,
                                  atMs == -1 ? std::nullopt : std::optional<qint64>(t0 + atMs)));
        QVERIFY(s.agent->sync());
        m_h->market().runBilling(); // same second: nothing more to charge
        QCOMPARE(s.balance(*m_h, s.renter.id), before);
        QCOMPARE(m_h->store().ledger(s.renter.id, 0, 0, 1000)->size(), entries);
        QCOMPARE(m_h->store().instance(id)->spend_micro, gpu + storage);
        checkLedgerBalances(s, id, gpu + storage);
    }

    void longMarketOutageLeavesHostsTimeToReturn_data()
    {
        QTest::addColumn<bool>("agentReturns");
        QTest::newRow("the agent returns with a stop made in the outage") << true;
        QTest::newRow("the host never returns") << false;
    }

    void longMarketOutageLeavesHostsTimeToReturn()
    {
        // The market is down for 10 minutes, far past --host-lost-after (90 s): on its return
        // every host's last message is old, but the silence was the market's own. It gives
        // each host --host-lost-after from its start (docs/market.md, "Host lost").
        QFETCH(bool, agentReturns);
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, kPrice, kStorage));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h, 1, kDiskGb);
        QVERIFY(id);
        const qint64 t0 = m_h->clock().nowMs();
        m_h->clock().advanceSeconds(30);
        s.agent->send(heartbeat(1, {id}));
        QVERIFY(s.agent->sync());
        s.agent.reset();
        m_h->shutdown();
        m_h->clock().advanceSeconds(600);
        QVERIFY2(m_h->restartOnSamePort(), qPrintable(m_h->error()));
        m_h->clock().advanceSeconds(89);
        m_h->market().checkHosts();
        m_h->market().runBilling();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"running"_s);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 719'000);
        if (agentReturns) {
            // It stopped the instance five minutes into the outage (its grace ran out).
            s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
            s.agent->setSeq(id, 2);
            QVERIFY(s.agent->connectAndHello(1));
            s.agent->send(stateReport(id, s.agent->nextSeq(id), u"stopped"_s, t0 + 300'000));
            QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
            m_h->clock().advanceSeconds(1);
            m_h->market().checkHosts();
            QCOMPARE(m_h->store().instance(id)->spend_micro, chargeForSeconds(kPrice, 300));
            QCOMPARE(start - s.balance(*m_h, s.renter.id), 300'000);
            checkLedgerBalances(s, id, 300'000, true);
        } else {
            // 90 s after the market's start the host is lost, billed to its last heartbeat.
            m_h->clock().advanceSeconds(1);
            m_h->market().checkHosts();
            QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"interrupted"_s);
            QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000);
            checkLedgerBalances(s, id, 30'000, true);
        }
    }

    void liveAgentCannotBackdateWhatItConfirmed()
    {
        // No outage: an agent whose clock is an hour behind stops its instance. The market had
        // its heartbeat at 100 s, so it bills to 100 s however early `at` says — and a later
        // stop's honest `at` (after a restart of the instance) is billed exactly.
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, kPrice, kStorage));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h, 1, kDiskGb);
        QVERIFY(id);
        const qint64 t0 = m_h->clock().nowMs();
        m_h->clock().advanceSeconds(100);
        s.agent->send(heartbeat(1, {id}));
        QVERIFY(s.agent->sync());
        m_h->clock().advanceSeconds(5);
        s.agent->send(
            stateReport(id, s.agent->nextSeq(id), u"stopped"_s, t0 + 102'000 - 3'600'000));
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        QCOMPARE(m_h->store().instance(id)->spend_micro, chargeForSeconds(kPrice, 100));
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 100'000);
        checkLedgerBalances(s, id, 100'000, true);

        // Started again at 105 s, a heartbeat at 110 s, stopped at 117.25 s by the agent's
        // clock (now set right), reported at 120 s.
        QCOMPARE(
            m_h->request("POST", u"/api/v1/instances/%1/start"_s.arg(id), s.renter.token).status,
            202);
        QCOMPARE(s.agent->take(u"command"_s).value(u"action"_s).toString(), u"start"_s);
        s.agent->report(id, u"running"_s);
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        m_h->clock().advanceSeconds(5);
        s.agent->send(heartbeat(2, {id}));
        QVERIFY(s.agent->sync());
        m_h->clock().advanceSeconds(10);
        s.agent->send(stateReport(id, s.agent->nextSeq(id), u"stopped"_s, t0 + 117'250));
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        // 100 s, storage from the first stop's 100 s to the start at 105 s, then 12 s of the
        // second period (105 → 117.25).
        const Micro total = 112'000 + storageChargeForSeconds(kStorage, kDiskGb, 5);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), total);
        checkLedgerBalances(s, id, total);
    }

    void interruptedInstanceIsReleasedAtTheLimit()
    {
        server::MarketPolicy policy;
        policy.hostLostAfterS = 90;
        policy.interruptedReleaseAfterS = 3600;
        m_h = std::make_unique<MarketHarness>(policy);
        QVERIFY(m_h->ok());
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, kPrice, kStorage));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h, 1, kDiskGb);
        QVERIFY(id);
        QCOMPARE(gpusFree(s), 1);
        const qint64 lastWord = interruptAfterThirtySeconds(s, id);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000);
        auto instance = m_h->get(u"/api/v1/instances/%1"_s.arg(id), s.renter.token);
        QCOMPARE(instance.json[u"state"_s].toString(), u"interrupted"_s);
        // The countdown runs from the interruption (the host's last message).
        QCOMPARE(QDateTime::fromString(instance.json[u"release_at"_s].toString(), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch(),
                 lastWord + 3'600'000);
        const auto entries = m_h->store().ledger(s.renter.id, 0, 0, 1000)->size();

        // A second before the limit: still interrupted, nothing billed (no GPU time, no
        // storage) however many billing runs pass.
        m_h->clock().setMs(lastWord + 3'599'000);
        m_h->market().runBilling();
        m_h->market().checkHosts();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"interrupted"_s);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000);

        // At the limit: released. Destroyed, with its reason, and still nothing billed.
        m_h->clock().advanceSeconds(1);
        m_h->market().checkHosts();
        m_h->market().runBilling();
        auto released = m_h->store().instance(id);
        QCOMPARE(protocol::toString(released->state), u"destroyed"_s);
        QCOMPARE(released->state_reason, u"interruption_expired"_s);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000);
        QCOMPARE(m_h->store().ledger(s.renter.id, 0, 0, 1000)->size(), entries);
        checkLedgerBalances(s, id, 30'000, true);
        auto history = m_h->get(u"/api/v1/instances/%1/events"_s.arg(id), s.renter.token);
        const QJsonObject last = history.json[u"events"_s].toArray().last().toObject();
        QCOMPARE(last[u"state"_s].toString(), u"destroyed"_s);
        QCOMPARE(last[u"reason"_s].toString(), u"interruption_expired"_s);
        m_h->market().checkHosts(); // a second check releases nothing twice
        QCOMPARE(m_h->store().ledger(s.renter.id, 0, 0, 1000)->size(), entries);

        // The host comes back with the container still running: it is told to destroy it, its
        // running report changes nothing, nothing is billed, and both GPUs are offered again.
        s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
        s.agent->setSeq(id, 2);
        QVERIFY(s.agent->connectAndHello(2));
        const QJsonObject destroy = s.agent->take(u"command"_s);
        QCOMPARE(destroy.value(u"action"_s).toString(), u"destroy"_s);
        QCOMPARE(destroy.value(u"instance_id"_s).toInteger(), id);
        QCOMPARE(destroy.value(u"reason"_s).toString(), u"interruption_expired"_s);
        s.agent->report(id, u"running"_s);
        QVERIFY(s.agent->sync());
        m_h->clock().advanceSeconds(60);
        m_h->market().runBilling();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"destroyed"_s);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000);
        QCOMPARE(gpusFree(s), 2);
        s.agent->report(id, u"destroyed"_s, {}, destroy.value(u"id"_s).toString());
        QVERIFY(s.agent->sync());
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"destroyed"_s);
        QCOMPARE(m_h->store().ledger(s.renter.id, 0, 0, 1000)->size(), entries);
    }

    void hostBackBeforeTheLimitResumes()
    {
        server::MarketPolicy policy;
        policy.hostLostAfterS = 90;
        policy.interruptedReleaseAfterS = 3600;
        m_h = std::make_unique<MarketHarness>(policy);
        QVERIFY(m_h->ok());
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, kPrice, kStorage));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h, 1, kDiskGb);
        QVERIFY(id);
        const qint64 lastWord = interruptAfterThirtySeconds(s, id);
        // Back ten seconds before the limit with the instance still running: a new period.
        m_h->clock().setMs(lastWord + 3'590'000);
        m_h->market().checkHosts();
        s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
        s.agent->setSeq(id, 2);
        QVERIFY(s.agent->connectAndHello(2));
        s.agent->report(id, u"running"_s);
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        auto instance = m_h->get(u"/api/v1/instances/%1"_s.arg(id), s.renter.token);
        QVERIFY(instance.json[u"release_at"_s].isNull());
        QCOMPARE(gpusFree(s), 1);
        // Past the old limit: it runs on, and is billed from its return only.
        m_h->clock().advanceSeconds(20);
        s.agent->send(heartbeat(1, {id}));
        QVERIFY(s.agent->sync());
        m_h->market().checkHosts();
        m_h->market().runBilling();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"running"_s);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000 + 20'000);
        checkLedgerBalances(s, id, 50'000);
        QCOMPARE(gpusFree(s), 1);
    }

    void destroyingAnInterruptedInstanceFreesItsGpusAtOnce()
    {
        // The renter gives up on an interrupted instance: the host is away and may never
        // confirm, so the instance is destroyed for the market at once and its GPU freed; the
        // agent hears of it when it returns.
        server::MarketPolicy policy;
        policy.hostLostAfterS = 90;
        m_h = std::make_unique<MarketHarness>(policy);
        QVERIFY(m_h->ok());
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, kPrice, kStorage));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h, 1, kDiskGb);
        QVERIFY(id);
        interruptAfterThirtySeconds(s, id);
        auto destroyed = m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(id), s.renter.token);
        QCOMPARE(destroyed.status, 202);
        QCOMPARE(destroyed.json[u"state"_s].toString(), u"destroyed"_s);
        QCOMPARE(destroyed.json[u"state_reason"_s].toString(), u"user_requested"_s);
        m_h->clock().advanceSeconds(3600);
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000);
        s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
        s.agent->setSeq(id, 2);
        QVERIFY(s.agent->connectAndHello(2));
        const QJsonObject destroy = s.agent->take(u"command"_s);
        QCOMPARE(destroy.value(u"action"_s).toString(), u"destroy"_s);
        QCOMPARE(destroy.value(u"instance_id"_s).toInteger(), id);
        QCOMPARE(gpusFree(s), 2);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000);
    }

    void stoppingAnInterruptedInstanceFreesItsGpusAndItIsStillReleased()
    {
        server::MarketPolicy policy;
        policy.hostLostAfterS = 90;
        policy.interruptedReleaseAfterS = 3600;
        m_h = std::make_unique<MarketHarness>(policy);
        QVERIFY(m_h->ok());
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, kPrice, kStorage));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h, 1, kDiskGb);
        QVERIFY(id);
        const qint64 lastWord = interruptAfterThirtySeconds(s, id);
        auto stopped = m_h->request("POST", u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token);
        QCOMPARE(stopped.status, 202);
        QCOMPARE(stopped.json[u"state"_s].toString(), u"stopping"_s);
        // Still counted down from the interruption, still free, released at the limit.
        QCOMPARE(QDateTime::fromString(stopped.json[u"release_at"_s].toString(), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch(),
                 lastWord + 3'600'000);
        m_h->clock().setMs(lastWord + 3'599'000);
        m_h->market().runBilling();
        m_h->market().checkHosts();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"stopping"_s);
        m_h->clock().advanceSeconds(1);
        m_h->market().checkHosts();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"destroyed"_s);
        QCOMPARE(m_h->store().instance(id)->state_reason, u"interruption_expired"_s);
        QCOMPARE(start - s.balance(*m_h, s.renter.id), 30'000);
        // The host returns: the stop, then the destroy; both GPUs are free.
        s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
        s.agent->setSeq(id, 2);
        QVERIFY(s.agent->connectAndHello(2));
        QCOMPARE(s.agent->take(u"command"_s).value(u"action"_s).toString(), u"stop"_s);
        QCOMPARE(s.agent->take(u"command"_s).value(u"action"_s).toString(), u"destroy"_s);
        QCOMPARE(gpusFree(s), 2);
    }

    void hostBackAfterAStopWhileAwayStopsAsUsual()
    {
        server::MarketPolicy policy;
        policy.hostLostAfterS = 90;
        policy.interruptedReleaseAfterS = 3600;
        m_h = std::make_unique<MarketHarness>(policy);
        QVERIFY(m_h->ok());
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, kPrice, kStorage));
        const Micro start = s.balance(*m_h, s.renter.id);
        const qint64 id = s.launch(*m_h, 1, kDiskGb);
        QVERIFY(id);
        interruptAfterThirtySeconds(s, id);
        QCOMPARE(
            m_h->request("POST", u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token).status,
            202);
        m_h->clock().advanceSeconds(600);
        s.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), s.hostToken);
        s.agent->setSeq(id, 2);
        QVERIFY(s.agent->connectAndHello(2));
        const QJsonObject stop = s.agent->take(u"command"_s);
        QCOMPARE(stop.value(u"action"_s).toString(), u"stop"_s);
        QCOMPARE(gpusFree(s), 2); // given back with the stop
        s.agent->report(id, u"stopped"_s, {}, stop.value(u"id"_s).toString());
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        // Stopped as usual: retention from now, storage from now, the interruption free.
        m_h->clock().advanceSeconds(100);
        m_h->market().runBilling();
        m_h->market().checkHosts();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"stopped"_s);
        QCOMPARE(start - s.balance(*m_h, s.renter.id),
                 30'000 + storageChargeForSeconds(kStorage, kDiskGb, 100));
        auto instance = m_h->get(u"/api/v1/instances/%1"_s.arg(id), s.renter.token);
        QCOMPARE(QDateTime::fromString(instance.json[u"release_at"_s].toString(), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch(),
                 m_h->clock().nowMs() - 100'000 + 15LL * 24 * 3600 * 1000);
    }

private:
    /// Running from now; a heartbeat at 30 s, then silence until the host is declared lost.
    /// Returns the market time of that heartbeat.
    qint64 interruptAfterThirtySeconds(Scenario &s, qint64 id)
    {
        m_h->clock().advanceSeconds(30);
        s.agent->send(heartbeat(1, {id}));
        if (!s.agent->sync())
            return 0;
        const qint64 lastWord = m_h->clock().nowMs();
        s.agent.reset(); // its last heartbeat is written as the socket closes
        m_h->market().flushTelemetry();
        m_h->clock().advanceSeconds(200);
        m_h->market().runBilling();
        m_h->market().checkHosts();
        if (protocol::toString(m_h->store().instance(id)->state) != u"interrupted"_s)
            qWarning("instance %lld was not interrupted", static_cast<long long>(id));
        return lastWord;
    }

    /// The offer's free GPUs as the catalog shows them (the host must be online).
    int gpusFree(Scenario &s)
    {
        auto offers = m_h->get(u"/api/v1/offers"_s, s.renter.token);
        const QJsonArray list = offers.json[u"offers"_s].toArray();
        return list.isEmpty() ? -1 : list.first()[u"gpus_free"_s].toInt();
    }

    /// The instance's ledger entries balance: renter charges = lender earnings + platform fee,
    /// to the micro-unit, and the renter was charged `charged` in all; with `oneMeter` (GPU
    /// time of one period only) the fee is exactly the fee on that total.
    void checkLedgerBalances(Scenario &s, qint64 id, Micro charged, bool oneMeter = false)
    {
        auto sumFor = [&](qint64 accountId) {
            Micro sum = 0;
            if (const auto entries = m_h->store().ledger(accountId, 0, 0, 1000)) {
                for (const auto &e : *entries)
                    sum += e.instance_id == id ? e.amount_micro : 0;
            }
            return sum;
        };
        auto platform = m_h->store().findAccount(u"suanli-platform-fees"_s);
        QVERIFY(platform);
        QCOMPARE(-sumFor(s.renter.id), charged);
        QCOMPARE(sumFor(s.lender.id) + sumFor(*platform), charged);
        if (oneMeter)
            QCOMPARE(sumFor(*platform), platformFee(charged, m_h->store().policy().platformFeePpm));
    }

    std::unique_ptr<MarketHarness> m_h;
};

SUANLI_TEST_MAIN(TestMarketOutage)
#include "tst_market_outage.moc"
