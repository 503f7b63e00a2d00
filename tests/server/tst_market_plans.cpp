// Prepaid plans (包日 / 包周 / 包月) and the minimum rental with a manual clock and exact
// amounts (docs/market.md, "Prepaid plans", "Minimum rental"): the up-front charge and its
// split, no per-second charge inside the plan, early release and its refund, renewal with and
// without the balance for it, a lost host's absence, GPUs kept while stopped, the notice before
// the end, wrong requests, retried runs.
//
// Prices throughout: ¥1.00 per GPU-hour (1,000,000 µ; 278 µ a second, floor), a day ¥20, a
// week ¥100, a month ¥400; platform fee 10 %.

#include "support/ledgercheck.h"
#include "support/marketscenario.h"
#include "support/testmain.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

constexpr Micro kHour = 1'000'000;
constexpr Micro kDay = 20'000'000;
constexpr Micro kWeek = 100'000'000;
constexpr Micro kMonth = 400'000'000;
constexpr qint64 kDayS = 86'400;
constexpr qint64 kWeekS = 7 * kDayS;

} // namespace

class TestMarketPlans : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MarketHarness> m_h;
    qint64 m_platform = 0;

    /// A market whose hosts are never lost by its own 5 s check (the clock jumps days here),
    /// unless `hostLostAfterS` says otherwise.
    void startMarket(qint64 hostLostAfterS = 400 * kDayS)
    {
        server::MarketPolicy policy;
        policy.hostLostAfterS = hostLostAfterS;
        m_h = std::make_unique<MarketHarness>(policy);
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
    }

    /// The scenario's host at ¥1/GPU-hour, with the three plans, and a renter with `topup`.
    bool setUp(Scenario &s, Micro topup, int gpus = 1, qint64 minDurationS = 0)
    {
        if (!s.setUp(*m_h, gpus, kHour, 300'000, topup))
            return false;
        QJsonObject listing{{u"price_gpu_day_micro"_s, kDay},
                            {u"price_gpu_week_micro"_s, kWeek},
                            {u"price_gpu_month_micro"_s, kMonth}};
        if (minDurationS)
            listing.insert(u"min_duration_s"_s, minDurationS);
        auto r = m_h->request("PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), s.lender.token,
                              QJsonDocument(listing).toJson());
        if (r.status != 200) {
            qWarning("plan prices: %d %s", r.status, r.body.constData());
            return false;
        }
        return true;
    }

    static QJsonObject createBody(const Scenario &s, const QString &plan, bool renew = false,
                                  int gpus = 1)
    {
        QJsonObject body{{u"offer_id"_s, s.hostId},
                         {u"gpu_count"_s, gpus},
                         {u"image"_s, u"localhost/suanli/base:bookworm"_s},
                         {u"disk_gb"_s, 50},
                         {u"ssh_public_key"_s, testPublicKey()}};
        if (!plan.isEmpty())
            body.insert(u"plan"_s, plan);
        if (renew)
            body.insert(u"renew"_s, true);
        return body;
    }

    /// Creates an instance with `body` and walks it to running. Returns its id or 0.
    qint64 launch(Scenario &s, const QJsonObject &body)
    {
        auto r = m_h->post(u"/api/v1/instances"_s, s.renter.token, body);
        if (r.status != 201) {
            qWarning("create: %d %s", r.status, r.body.constData());
            return 0;
        }
        const qint64 id = r.json.value(u"id"_s).toInteger();
        QJsonObject command;
        for (int skipped = 0; skipped < 5; ++skipped) { // an earlier instance's commands
            command = s.agent->take(u"command"_s);
            if (command.isEmpty() || (command.value(u"action"_s).toString() == u"create"_s &&
                                      command.value(u"instance_id"_s).toInteger() == id))
                break;
        }
        if (command.isEmpty())
            return 0;
        s.agent->report(id, u"provisioning"_s);
        s.agent->report(id, u"running"_s, {}, command.value(u"id"_s).toString());
        return s.waitForState(*m_h, id, u"running"_s) ? id : 0;
    }

    Micro platformBalance(Scenario &s)
    {
        if (!m_platform) {
            auto platform = m_h->store().findAccount(u"suanli-platform-fees"_s);
            m_platform = platform ? *platform : 0;
        }
        return m_platform ? s.balance(*m_h, m_platform) : -1;
    }

    qint64 planEndsMs(qint64 id)
    {
        auto i = m_h->store().instance(id);
        return i && i->plan_ends_at.isValid() ? i->plan_ends_at.toMSecsSinceEpoch() : 0;
    }

    /// The renter's ledger entries of `kind`.
    QList<protocol::LedgerEntry> entries(qint64 accountId, const QString &kind)
    {
        QList<protocol::LedgerEntry> result;
        auto all = m_h->store().ledger(accountId, 0, 0, 1000);
        if (all) {
            for (const auto &e : *all) {
                if (e.kind == kind)
                    result.append(e);
            }
        }
        return result;
    }

    /// Runs billing twice at the same moment: a retried run changes nothing.
    void bill()
    {
        m_h->market().runBilling();
        m_h->market().runBilling();
    }

private slots:
    void init() { m_platform = 0; }
    void cleanup()
    {
        // After every scenario the ledger balances to the micro-unit (tests/support/ledgercheck).
        const QStringList problems = checkLedgerThenClose(m_h);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }

    void fullWeekIsOneUpFrontChargeAndNothingPerSecond()
    {
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 1000 * kMicroPerUnit));
        // The offer shows the plans.
        auto offers = m_h->get(u"/api/v1/offers"_s, s.renter.token);
        const QJsonObject offer = offers.json[u"offers"_s][0].toObject();
        QCOMPARE(offer.value(u"price_gpu_day_micro"_s).toInteger(), kDay);
        QCOMPARE(offer.value(u"price_gpu_week_micro"_s).toInteger(), kWeek);
        QCOMPARE(offer.value(u"price_gpu_month_micro"_s).toInteger(), kMonth);

        auto created = m_h->post(u"/api/v1/instances"_s, s.renter.token, createBody(s, u"week"_s));
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json.value(u"plan"_s).toString(), u"week"_s);
        QCOMPARE(created.json.value(u"renew"_s).toBool(), false);
        QVERIFY(created.json.value(u"plan_ends_at"_s).isNull()); // starts at the first running
        // Paid up front, split exactly into earning and fee.
        QCOMPARE(s.balance(*m_h, s.renter.id), 900'000'000);
        QCOMPARE(s.balance(*m_h, s.lender.id), 90'000'000);
        QCOMPARE(platformBalance(s), 10'000'000);
        const qint64 id = created.json.value(u"id"_s).toInteger();
        const auto plan = entries(s.renter.id, u"plan"_s);
        QCOMPARE(plan.size(), 1);
        QCOMPARE(plan[0].amount_micro, -kWeek);
        QCOMPARE(plan[0].idempotency_key, u"lease:%1:plan:1"_s.arg(id));

        m_h->clock().advanceSeconds(30); // provisioning is not plan time
        const QJsonObject command = s.agent->take(u"command"_s);
        s.agent->report(id, u"running"_s, {}, command.value(u"id"_s).toString());
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        const qint64 runningAt = m_h->clock().nowMs();
        QCOMPARE(planEndsMs(id), runningAt + kWeekS * 1000);

        // A week less a second, billed every so often: nothing per second.
        for (int day = 1; day <= 6; ++day) {
            m_h->clock().advanceSeconds(kDayS);
            bill();
        }
        m_h->clock().advanceSeconds(kDayS - 1);
        bill();
        QCOMPARE(s.balance(*m_h, s.renter.id), 900'000'000);
        QCOMPARE(m_h->store().instance(id)->spend_micro, kWeek);
        QVERIFY(entries(s.renter.id, u"gpu"_s).isEmpty());
        // The end: not renewed, so an hour later it has paid exactly one hour by the hour.
        m_h->clock().advanceSeconds(1);
        bill();
        QCOMPARE(m_h->store().instance(id)->plan, u"hourly"_s);
        QCOMPARE(planEndsMs(id), runningAt + kWeekS * 1000); // when the prepaid time ended
        m_h->clock().advanceSeconds(3600);
        bill();
        QCOMPARE(s.balance(*m_h, s.renter.id), 899'000'000);
        QCOMPARE(s.balance(*m_h, s.lender.id), 90'900'000);
        QCOMPARE(platformBalance(s), 10'100'000);
        QCOMPARE(m_h->store().instance(id)->spend_micro, kWeek + kHour);
    }

    void earlyReleaseOnDayThreeRefundsTheUnusedPart()
    {
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 1000 * kMicroPerUnit));
        const qint64 id = launch(s, createBody(s, u"week"_s));
        QVERIFY(id);
        // Day 3: 2 d 7 h 13 min 5 s = 198,785 s used, worth floor(1,000,000 × 198,785 / 3,600)
        // = 55,218,055 µ by the hour; the rest of the ¥100 comes back.
        m_h->clock().advanceSeconds(2 * kDayS + 7 * 3600 + 13 * 60 + 5);
        bill();
        auto destroyed = m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(id), s.renter.token);
        QCOMPARE(destroyed.status, 202);
        const Micro refund = 100'000'000 - 55'218'055; // 44,781,945
        QCOMPARE(s.balance(*m_h, s.renter.id), 900'000'000 + refund);
        // The fee is reversed in the plan's proportion, floor(10,000,000 × refund / 100,000,000)
        // = 4,478,194; the lender gives back the rest of the refund, 40,303,751.
        QCOMPARE(platformBalance(s), 10'000'000 - 4'478'194);
        QCOMPARE(s.balance(*m_h, s.lender.id), 90'000'000 - 40'303'751);
        QCOMPARE(s.balance(*m_h, s.lender.id) + platformBalance(s), 55'218'055);
        QCOMPARE(m_h->store().instance(id)->spend_micro, 55'218'055);
        const auto refunds = entries(s.renter.id, u"refund"_s);
        QCOMPARE(refunds.size(), 1);
        QCOMPARE(refunds[0].amount_micro, refund);
        QCOMPARE(refunds[0].idempotency_key, u"lease:%1:plan:1:refund"_s.arg(id));
        QCOMPARE(entries(s.lender.id, u"refund"_s).size(), 1);
        // A second DELETE and later runs refund nothing more.
        QCOMPARE(m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(id), s.renter.token).status,
                 202);
        m_h->clock().advanceSeconds(kDayS);
        bill();
        QCOMPARE(s.balance(*m_h, s.renter.id), 900'000'000 + refund);
    }

    void releaseLateInThePlanRefundsNothing()
    {
        // Used time by the hour is worth more than the plan after 100 h: nothing to refund,
        // never a charge beyond the plan.
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 1000 * kMicroPerUnit));
        const qint64 id = launch(s, createBody(s, u"week"_s));
        QVERIFY(id);
        m_h->clock().advanceSeconds(5 * kDayS);
        QCOMPARE(m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(id), s.renter.token).status,
                 202);
        QCOMPARE(s.balance(*m_h, s.renter.id), 900'000'000);
        QVERIFY(entries(s.renter.id, u"refund"_s).isEmpty());
    }

    void renewalWithTooLittleBalanceContinuesPayAsYouGo()
    {
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 150 * kMicroPerUnit));
        const qint64 id = launch(s, createBody(s, u"week"_s, true));
        QVERIFY(id);
        QCOMPARE(m_h->store().instance(id)->renew, true);
        QCOMPARE(s.balance(*m_h, s.renter.id), 50'000'000);
        const qint64 end = planEndsMs(id);
        m_h->clock().setMs(end + 3000); // the run after the end comes 3 s late
        bill();
        auto instance = m_h->store().instance(id);
        QCOMPARE(instance->plan, u"hourly"_s);
        QCOMPARE(instance->renew, false);
        QCOMPARE(entries(s.renter.id, u"plan"_s).size(), 1);
        // Billed by the second from the plan's end, not from the run: 3 s = 833 µ.
        QCOMPARE(s.balance(*m_h, s.renter.id), 50'000'000 - 833);
        m_h->clock().setMs(end + 2 * 3600 * 1000);
        bill();
        QCOMPARE(s.balance(*m_h, s.renter.id), 48'000'000);
        QCOMPARE(s.balance(*m_h, s.lender.id), 90'000'000 + 1'800'000);
        QCOMPARE(platformBalance(s), 10'000'000 + 200'000);
        auto history = m_h->store().instanceHistory(id);
        QVERIFY(history);
        QCOMPARE(history->last().reason, u"plan_renewal_failed"_s);
    }

    void renewalBuysTheNextPeriodWithoutAGap()
    {
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 250 * kMicroPerUnit));
        const qint64 id = launch(s, createBody(s, u"week"_s, true));
        QVERIFY(id);
        const qint64 end = planEndsMs(id);
        m_h->clock().setMs(end + 3000);
        bill();
        QCOMPARE(s.balance(*m_h, s.renter.id), 50'000'000); // 250 − 2 × 100, nothing per second
        QCOMPARE(s.balance(*m_h, s.lender.id), 180'000'000);
        QCOMPARE(platformBalance(s), 20'000'000);
        QCOMPARE(planEndsMs(id), end + kWeekS * 1000); // from the old end, not from the run
        QCOMPARE(m_h->store().instance(id)->plan, u"week"_s);
        const auto plan = entries(s.renter.id, u"plan"_s);
        QCOMPARE(plan.size(), 2);
        QCOMPARE(plan[1].idempotency_key, u"lease:%1:plan:2"_s.arg(id));
        QCOMPARE(plan[1].at.toMSecsSinceEpoch(), end);
        // The second week ends with ¥50 left: not enough, so it goes on by the hour.
        m_h->clock().setMs(end + kWeekS * 1000 + 3600 * 1000);
        bill();
        QCOMPARE(m_h->store().instance(id)->plan, u"hourly"_s);
        QCOMPARE(s.balance(*m_h, s.renter.id), 49'000'000);
    }

    void renewCanBeSwitchedByPatch()
    {
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 250 * kMicroPerUnit, 2));
        const qint64 id = launch(s, createBody(s, u"day"_s));
        QVERIFY(id);
        auto on = m_h->request("PATCH", u"/api/v1/instances/%1"_s.arg(id), s.renter.token,
                               R"({"renew": true})");
        QCOMPARE(on.status, 200);
        QCOMPARE(on.json.value(u"renew"_s).toBool(), true);
        m_h->clock().setMs(planEndsMs(id));
        bill();
        QCOMPARE(s.balance(*m_h, s.renter.id), 250'000'000 - 2 * kDay);
        // An hourly instance has nothing to renew.
        const qint64 hourly = [&] {
            auto r = m_h->post(u"/api/v1/instances"_s, s.renter.token, createBody(s, {}));
            return r.status == 201 ? r.json.value(u"id"_s).toInteger() : 0;
        }();
        QVERIFY(hourly);
        auto refused = m_h->request("PATCH", u"/api/v1/instances/%1"_s.arg(hourly), s.renter.token,
                                    R"({"renew": true})");
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorCode(), u"invalid_value"_s);
    }

    void lostHostIsNotChargedForTheTimeItWasGone()
    {
        startMarket(90);
        Scenario s;
        QVERIFY(setUp(s, 1000 * kMicroPerUnit));
        const qint64 id = launch(s, createBody(s, u"week"_s));
        QVERIFY(id);
        const qint64 end = planEndsMs(id);
        // Day 2: the host's last heartbeat, then 6 hours of silence.
        m_h->clock().advanceSeconds(2 * kDayS);
        s.agent->send(
            {{u"type"_s, u"usage"_s}, {u"seq"_s, 1}, {u"running_instance_ids"_s, QJsonArray{id}}});
        QVERIFY(s.agent->sync());
        m_h->market().flushTelemetry();
        const qint64 lastMessage = m_h->clock().nowMs();
        m_h->clock().advanceSeconds(6 * 3600);
        bill();
        m_h->market().checkHosts();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"interrupted"_s);
        // It comes back 6 h 30 min after its last message: the plan ends that much later.
        m_h->clock().advanceSeconds(1800);
        QVERIFY(s.agent->connectAndHello(1));
        s.agent->report(id, u"running"_s);
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        const qint64 gone = m_h->clock().nowMs() - lastMessage;
        QCOMPARE(gone, qint64(6 * 3600 + 1800) * 1000);
        QCOMPARE(planEndsMs(id), end + gone);
        // Past the plan's first end, nothing is billed until the extended end...
        m_h->clock().setMs(end + 3600 * 1000);
        bill();
        QCOMPARE(s.balance(*m_h, s.renter.id), 900'000'000);
        // ...and by the hour after it.
        m_h->clock().setMs(end + gone + 3600 * 1000);
        bill();
        QCOMPARE(s.balance(*m_h, s.renter.id), 899'000'000);
        QCOMPARE(s.balance(*m_h, s.lender.id) + platformBalance(s), kWeek + kHour);
    }

    void lostHostThatNeverReturnsRefundsFromItsLastMessage()
    {
        startMarket(90);
        Scenario s;
        QVERIFY(setUp(s, 1000 * kMicroPerUnit));
        const qint64 id = launch(s, createBody(s, u"week"_s));
        QVERIFY(id);
        m_h->clock().advanceSeconds(2 * kDayS); // 48 h used: ¥48
        s.agent->send(
            {{u"type"_s, u"usage"_s}, {u"seq"_s, 1}, {u"running_instance_ids"_s, QJsonArray{id}}});
        QVERIFY(s.agent->sync());
        m_h->market().flushTelemetry();
        m_h->clock().advanceSeconds(12 * 3600); // gone for 12 hours, then the renter gives up
        m_h->market().checkHosts();
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"interrupted"_s);
        QCOMPARE(m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(id), s.renter.token).status,
                 202);
        // 48 h used (¥48), the 12 h gone are not: ¥52 back, the fee's tenth of it included.
        QCOMPARE(s.balance(*m_h, s.renter.id), 900'000'000 + 52'000'000);
        QCOMPARE(s.balance(*m_h, s.lender.id), 90'000'000 - 46'800'000);
        QCOMPARE(platformBalance(s), 10'000'000 - 5'200'000);
    }

    void lostHostsPlanReleasedAfterTheInterruptionIsRefunded()
    {
        // --interrupted-release-after (24 h): the market releases it, refunded the same way.
        startMarket(90);
        Scenario s;
        QVERIFY(setUp(s, 1000 * kMicroPerUnit));
        const qint64 id = launch(s, createBody(s, u"week"_s));
        QVERIFY(id);
        m_h->clock().advanceSeconds(kDayS + 3600); // 25 h used: ¥25
        s.agent->send(
            {{u"type"_s, u"usage"_s}, {u"seq"_s, 1}, {u"running_instance_ids"_s, QJsonArray{id}}});
        QVERIFY(s.agent->sync());
        m_h->market().flushTelemetry();
        m_h->clock().advanceSeconds(2 * kDayS);
        m_h->market().checkHosts(); // lost, and its 24 h are over
        auto instance = m_h->store().instance(id);
        QCOMPARE(protocol::toString(instance->state), u"destroyed"_s);
        QCOMPARE(instance->state_reason, u"interruption_expired"_s);
        QCOMPARE(s.balance(*m_h, s.renter.id), 900'000'000 + 75'000'000);
        QCOMPARE(s.balance(*m_h, s.lender.id), 90'000'000 - 67'500'000);
        QCOMPARE(platformBalance(s), 10'000'000 - 7'500'000);
        m_h->market().checkHosts();
        bill();
        QCOMPARE(s.balance(*m_h, s.renter.id), 900'000'000 + 75'000'000);
    }

    void stoppedPlanInstanceKeepsItsGpus()
    {
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 1000 * kMicroPerUnit));
        const qint64 id = launch(s, createBody(s, u"week"_s));
        QVERIFY(id);
        const qint64 end = planEndsMs(id);
        QCOMPARE(
            m_h->request("POST", u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token).status,
            202);
        const QJsonObject stop = s.agent->take(u"command"_s);
        s.agent->report(id, u"stopped"_s, {}, stop.value(u"id"_s).toString());
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        auto offers = m_h->get(u"/api/v1/offers"_s, s.renter.token);
        QCOMPARE(offers.json[u"offers"_s][0][u"gpus_free"_s].toInt(), 0);
        auto other = m_h->post(u"/api/v1/instances"_s, s.renter.token, createBody(s, {}));
        QCOMPARE(other.status, 409);
        QCOMPARE(other.errorCode(), u"gpus_unavailable"_s);
        // Storage is part of the plan, and the data is kept past the plan's end.
        m_h->clock().advanceSeconds(2 * kDayS);
        bill();
        QCOMPARE(s.balance(*m_h, s.renter.id), 900'000'000);
        QCOMPARE(m_h->store().instance(id)->release_at.toMSecsSinceEpoch(),
                 end + 15 * kDayS * 1000);
        // It starts again on its own GPU.
        auto started =
            m_h->request("POST", u"/api/v1/instances/%1/start"_s.arg(id), s.renter.token);
        QCOMPARE(started.status, 202);
        QCOMPARE(s.agent->take(u"command"_s).value(u"action"_s).toString(), u"start"_s);
        s.agent->report(id, u"running"_s);
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        // Stopped again, at the plan's end the GPU goes back and storage is billed from then:
        // one day of 50 GB at ¥0.30 per GB-month = ¥0.50.
        QCOMPARE(
            m_h->request("POST", u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token).status,
            202);
        s.agent->take(u"command"_s);
        s.agent->report(id, u"stopped"_s);
        QVERIFY(s.waitForState(*m_h, id, u"stopped"_s));
        m_h->clock().setMs(end);
        bill();
        offers = m_h->get(u"/api/v1/offers"_s, s.renter.token);
        QCOMPARE(offers.json[u"offers"_s][0][u"gpus_free"_s].toInt(), 1);
        m_h->clock().setMs(end + kDayS * 1000);
        bill();
        QCOMPARE(s.balance(*m_h, s.renter.id), 900'000'000 - 500'000);
    }

    void noticeComesADayBeforeTheEnd()
    {
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 1000 * kMicroPerUnit));
        EventListener events(m_h->baseUrl(), s.renter.token);
        QVERIFY(events.waitConnected());
        const qint64 id = launch(s, createBody(s, u"week"_s, true));
        QVERIFY(id);
        const qint64 end = planEndsMs(id);
        m_h->clock().setMs(end - kDayS * 1000 - 1000);
        bill();
        QVERIFY(events.take(u"plan_notice"_s, 300).isEmpty());
        m_h->clock().setMs(end - kDayS * 1000);
        bill();
        const QJsonObject notice = events.take(u"plan_notice"_s);
        QCOMPARE(notice.value(u"instance_id"_s).toInteger(), id);
        QCOMPARE(notice.value(u"plan"_s).toString(), u"week"_s);
        QCOMPARE(notice.value(u"renew"_s).toBool(), true);
        QCOMPARE(notice.value(u"will_renew"_s).toBool(), true);
        QCOMPARE(notice.value(u"renewal_micro"_s).toInteger(), kWeek);
        QCOMPARE(
            QDateTime::fromString(notice.value(u"plan_ends_at"_s).toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch(),
            end);
        // Once per period.
        m_h->clock().advanceSeconds(3600);
        bill();
        QVERIFY(events.take(u"plan_notice"_s, 300).isEmpty());
    }

    void minimumRentalIsChargedOnAnEarlyDestroy()
    {
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 100 * kMicroPerUnit, 2, 3600)); // a destroying instance holds its GPU
        // A cost guard that would stop it before the minimum is refused.
        QJsonObject body = createBody(s, {});
        body.insert(u"max_duration_s"_s, 600);
        auto refused = m_h->post(u"/api/v1/instances"_s, s.renter.token, body);
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.errorCode(), u"invalid_value"_s);
        const qint64 id = launch(s, createBody(s, {}));
        QVERIFY(id);
        m_h->clock().advanceSeconds(600);
        bill(); // 600 s: 166,666 µ
        QCOMPARE(s.balance(*m_h, s.renter.id), 100'000'000 - 166'666);
        QCOMPARE(m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(id), s.renter.token).status,
                 202);
        // The missing 3,000 s: floor(1,000,000 × 3,000 / 3,600) = 833,333 µ.
        QCOMPARE(s.balance(*m_h, s.renter.id), 100'000'000 - 166'666 - 833'333);
        QCOMPARE(s.balance(*m_h, s.lender.id) + platformBalance(s), 166'666 + 833'333);
        // A rental past its minimum pays only its time.
        const qint64 longer = launch(s, createBody(s, {}));
        QVERIFY(longer);
        const Micro before = s.balance(*m_h, s.renter.id);
        m_h->clock().advanceSeconds(4000);
        QCOMPARE(
            m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(longer), s.renter.token).status,
            202);
        QCOMPARE(before - s.balance(*m_h, s.renter.id), 1'111'111);
    }

    void wrongPlansAreRefusedAndChargeNothing()
    {
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 50 * kMicroPerUnit));
        auto check = [&](const QJsonObject &body, int status, const QString &code) {
            auto r = m_h->post(u"/api/v1/instances"_s, s.renter.token, body);
            QCOMPARE(r.status, status);
            QCOMPARE(r.errorCode(), code);
        };
        check(createBody(s, u"fortnight"_s), 422, u"invalid_value"_s);
        check(createBody(s, u"hourly"_s, true), 422, u"invalid_value"_s);
        check(createBody(s, u"week"_s), 402, u"insufficient_balance"_s); // ¥100 > ¥50
        QJsonObject wrongType = createBody(s, {});
        wrongType.insert(u"plan"_s, 7);
        check(wrongType, 422, u"invalid_type"_s);
        // The host withdraws its month plan (null), keeps the others (left out).
        auto withdrawn = m_h->request("PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), s.lender.token,
                                      R"({"price_gpu_month_micro": null, "listed": true})");
        QCOMPARE(withdrawn.status, 200);
        const QJsonObject listing = withdrawn.json.value(u"listing"_s).toObject();
        QVERIFY(listing.value(u"price_gpu_month_micro"_s).isNull());
        QCOMPARE(listing.value(u"price_gpu_week_micro"_s).toInteger(), kWeek);
        check(createBody(s, u"month"_s), 409, u"plan_not_offered"_s);
        // Nothing was charged, nothing is reserved.
        QCOMPARE(s.balance(*m_h, s.renter.id), 50'000'000);
        QVERIFY(m_h->store().ledger(s.renter.id, 0, 0, 100)->size() == 1); // the top-up
        auto offers = m_h->get(u"/api/v1/offers"_s, s.renter.token);
        QCOMPARE(offers.json[u"offers"_s][0][u"gpus_free"_s].toInt(), 1);
        // A plan dearer than the same time by the hour, and plans on an interruptible host.
        auto dear = m_h->request("PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), s.lender.token,
                                 R"({"price_gpu_day_micro": 24000001})");
        QCOMPARE(dear.status, 422);
        QCOMPARE(dear.errorCode(), u"invalid_value"_s);
        auto interruptible = m_h->request("PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId),
                                          s.lender.token, R"({"interruptible": true})");
        QCOMPARE(interruptible.status, 422);
        QCOMPARE(interruptible.errorCode(), u"invalid_value"_s);
    }

    void retriedCreateChargesThePlanOnce()
    {
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 1000 * kMicroPerUnit));
        const QByteArray body =
            QJsonDocument(createBody(s, u"week"_s)).toJson(QJsonDocument::Compact);
        auto first = m_h->request("POST", u"/api/v1/instances"_s, s.renter.token, body,
                                  {{"Idempotency-Key", "plan-1"}});
        auto second = m_h->request("POST", u"/api/v1/instances"_s, s.renter.token, body,
                                   {{"Idempotency-Key", "plan-1"}});
        QCOMPARE(first.status, 201);
        QCOMPARE(second.status, 201);
        QCOMPARE(second.json.value(u"id"_s), first.json.value(u"id"_s));
        QCOMPARE(s.balance(*m_h, s.renter.id), 900'000'000);
        QCOMPARE(entries(s.renter.id, u"plan"_s).size(), 1);
    }

    void planInstanceIsNotStoppedAtZeroBalance()
    {
        // Prepaid: a balance that runs out on another (hourly) instance does not stop it.
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 101 * kMicroPerUnit, 2));
        const qint64 plan = launch(s, createBody(s, u"week"_s));
        QVERIFY(plan);
        const qint64 hourly = launch(s, createBody(s, {}));
        QVERIFY(hourly);
        m_h->clock().advanceSeconds(2 * 3600); // ¥2 by the hour on a balance of ¥1
        bill();
        QVERIFY(s.balance(*m_h, s.renter.id) <= 0);
        QCOMPARE(protocol::toString(m_h->store().instance(hourly)->state), u"stopping"_s);
        QCOMPARE(protocol::toString(m_h->store().instance(plan)->state), u"running"_s);
    }

    void runwayCountsOnlyWhatIsChargedBySecond()
    {
        // The low-balance warning's burn rate leaves out a plan instance (paid up front): ¥2
        // left after a week plan, one hourly instance at ¥1/h beside it → ¥1/h, two hours.
        startMarket();
        Scenario s;
        QVERIFY(setUp(s, 102 * kMicroPerUnit, 2));
        EventListener events(m_h->baseUrl(), s.renter.token);
        QVERIFY(events.waitConnected());
        QVERIFY(launch(s, createBody(s, u"week"_s)));
        QVERIFY(launch(s, createBody(s, {})));
        m_h->clock().advanceSeconds(5);
        bill();
        auto isWarning = [](const QJsonObject &e) {
            return e.contains(u"warning"_s);
        };
        const QJsonObject warning = events.take(u"balance"_s, 5000, isWarning);
        QCOMPARE(warning[u"warning"_s][u"burn_micro_per_hour"_s].toInteger(), kHour);
        QCOMPARE(warning[u"warning"_s][u"threshold"_s].toString(), u"runway_24h"_s);
        const qint64 runway = warning[u"warning"_s][u"runway_s"_s].toInteger();
        QVERIFY2(runway > 7100 && runway <= 7200, qPrintable(QString::number(runway)));
    }
};

SUANLI_TEST_MAIN(TestMarketPlans)
#include "tst_market_plans.moc"
