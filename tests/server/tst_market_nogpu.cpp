// Starting a stopped GPU instance without a GPU (无卡模式; docs/market.md, "Starting without a
// GPU") with a scripted agent and a manual clock: the GPUs go back to the offer, the start
// command asks the agent for none, billing uses the host's no-GPU price to the micro-unit, a
// normal start asks for the GPUs again, and every refusal charges and reserves nothing.
//
// Prices: ¥1.00 per GPU-hour, ¥0.10 per hour without a GPU; platform fee 10 %.

#include "support/ledgercheck.h"
#include "support/marketscenario.h"
#include "support/testmain.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

constexpr Micro kHour = 1'000'000;
constexpr Micro kNoGpu = 100'000;

} // namespace

class TestMarketNoGpu : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MarketHarness> m_h;

    /// The scenario's host at ¥1/GPU-hour with `gpus` GPUs, offering a no-GPU start at ¥0.10/h
    /// unless `noGpuPrice` is 0.
    bool setUp(Scenario &s, int gpus, Micro noGpuPrice = kNoGpu)
    {
        if (!s.setUp(*m_h, gpus, kHour, 0))
            return false;
        if (!noGpuPrice)
            return true;
        auto r = m_h->request(
            "PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), s.lender.token,
            QJsonDocument(QJsonObject{{u"price_nogpu_hour_micro"_s, noGpuPrice}}).toJson());
        if (r.status != 200) {
            qWarning("no-GPU price: %d %s", r.status, r.body.constData());
            return false;
        }
        return true;
    }

    /// Stops a running instance through the agent.
    bool stop(Scenario &s, qint64 id)
    {
        if (m_h->request("POST", u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token).status !=
            202)
            return false;
        const QJsonObject command = s.agent->take(u"command"_s);
        if (command.value(u"action"_s).toString() != u"stop"_s)
            return false;
        s.agent->report(id, u"stopped"_s, {}, command.value(u"id"_s).toString());
        return s.waitForState(*m_h, id, u"stopped"_s);
    }

    /// POST …/start with `body`; on 202 the agent's start command is answered `running`.
    /// Returns the reply; `command` gets the start command.
    MarketHarness::Reply start(Scenario &s, qint64 id, const QByteArray &body,
                               QJsonObject *command = nullptr)
    {
        auto r =
            m_h->request("POST", u"/api/v1/instances/%1/start"_s.arg(id), s.renter.token, body);
        if (r.status != 202)
            return r;
        const QJsonObject c = s.agent->take(u"command"_s);
        if (command)
            *command = c;
        s.agent->report(id, u"running"_s, {}, c.value(u"id"_s).toString());
        if (!s.waitForState(*m_h, id, u"running"_s))
            r.status = 0;
        return r;
    }

    int gpusFree(const Scenario &s, qint64 offerId)
    {
        auto r = m_h->get(u"/api/v1/offers"_s, s.renter.token);
        const QJsonArray offers = r.json.value(u"offers"_s).toArray();
        for (const QJsonValue &o : offers) {
            if (o[u"id"_s].toInteger() == offerId)
                return o[u"gpus_free"_s].toInt();
        }
        return -1;
    }

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

    void startsWithoutAGpuFreesThemAndBillsTheNoGpuPrice()
    {
        Scenario s;
        QVERIFY(setUp(s, 2));
        // The offer says what a no-GPU start costs.
        auto offers = m_h->get(u"/api/v1/offers"_s, s.renter.token);
        QCOMPARE(offers.json[u"offers"_s][0][u"price_nogpu_hour_micro"_s].toInteger(), kNoGpu);
        const qint64 id = s.launch(*m_h, 2);
        QVERIFY(id);
        QCOMPARE(gpusFree(s, s.hostId), 0);
        m_h->clock().advanceSeconds(3600);
        m_h->market().runBilling();
        QVERIFY(stop(s, id));
        const Micro afterGpuHour = s.balance(*m_h, s.renter.id);
        QCOMPARE(gpusFree(s, s.hostId), 2);

        QJsonObject command;
        auto started = start(s, id, R"({"gpu_count": 0})", &command);
        QCOMPARE(started.status, 202);
        QCOMPARE(started.json[u"gpu_count"_s].toInt(), 0);
        QCOMPARE(started.json[u"no_gpu"_s].toBool(), true);
        QCOMPARE(started.json[u"price_nogpu_hour_micro"_s].toInteger(), kNoGpu);
        // The agent is asked for a start with no GPU.
        QCOMPARE(command[u"action"_s].toString(), u"start"_s);
        QCOMPARE(command[u"spec"_s][u"gpu_count"_s].toInt(), 0);
        // Its GPUs are free for others while it runs.
        QCOMPARE(gpusFree(s, s.hostId), 2);
        auto other = m_h->createAccount(u"other"_s, {u"renter"_s}, 100 * kMicroPerUnit);
        auto taken = m_h->post(u"/api/v1/instances"_s, other.token,
                               {{u"offer_id"_s, s.hostId},
                                {u"gpu_count"_s, 2},
                                {u"image"_s, u"localhost/suanli/base:bookworm"_s},
                                {u"disk_gb"_s, 50},
                                {u"ssh_public_key"_s, testPublicKey()}});
        QCOMPARE(taken.status, 201);
        const qint64 otherId = taken.json[u"id"_s].toInteger();
        QCOMPARE(s.agent->take(u"command"_s)[u"action"_s].toString(), u"create"_s);

        // An hour without a GPU costs ¥0.10, split 90/10, whatever the GPU price.
        const Micro lenderBefore = s.balance(*m_h, s.lender.id);
        m_h->clock().advanceSeconds(3600);
        m_h->market().runBilling();
        QCOMPARE(afterGpuHour - s.balance(*m_h, s.renter.id), kNoGpu);
        QCOMPARE(s.balance(*m_h, s.lender.id) - lenderBefore, 90'000);
        auto history = m_h->get(u"/api/v1/instances/%1/events"_s.arg(id), s.renter.token);
        QVERIFY2(history.body.contains("no_gpu"), history.body.constData());
        QVERIFY(stop(s, id));

        // A normal start asks for its GPUs again: someone else has them now.
        auto refused =
            m_h->request("POST", u"/api/v1/instances/%1/start"_s.arg(id), s.renter.token);
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.json[u"error"_s][u"code"_s].toString(), u"gpus_unavailable"_s);
        QVERIFY(refused.json[u"error"_s][u"message"_s].toString().contains(u"without a GPU"_s));
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"stopped"_s);
        // Once they are free it gets them, is billed by the GPU-hour again.
        QCOMPARE(m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(otherId), other.token).status,
                 202);
        const QJsonObject destroy = s.agent->take(u"command"_s);
        QCOMPARE(destroy[u"action"_s].toString(), u"destroy"_s);
        s.agent->report(otherId, u"destroyed"_s, {}, destroy[u"id"_s].toString());
        QVERIFY(s.waitForState(*m_h, otherId, u"destroyed"_s));
        auto again = start(s, id, {}, &command);
        QCOMPARE(again.status, 202);
        QCOMPARE(again.json[u"gpu_count"_s].toInt(), 2);
        QCOMPARE(again.json[u"no_gpu"_s].toBool(), false);
        QVERIFY(again.json[u"price_nogpu_hour_micro"_s].isNull());
        QCOMPARE(command[u"spec"_s][u"gpu_count"_s].toInt(), 2);
        QCOMPARE(gpusFree(s, s.hostId), 0);
        const Micro beforeGpu = s.balance(*m_h, s.renter.id);
        m_h->clock().advanceSeconds(1800);
        m_h->market().runBilling();
        QCOMPARE(beforeGpu - s.balance(*m_h, s.renter.id), kHour); // 2 GPUs × half an hour
    }

    void theOwnCountStartsNormally()
    {
        Scenario s;
        QVERIFY(setUp(s, 1));
        const qint64 id = s.launch(*m_h, 1);
        QVERIFY(id);
        QVERIFY(stop(s, id));
        QJsonObject command;
        auto started = start(s, id, R"({"gpu_count": 1})", &command);
        QCOMPARE(started.status, 202);
        QCOMPARE(started.json[u"no_gpu"_s].toBool(), false);
        QCOMPARE(command[u"spec"_s][u"gpu_count"_s].toInt(), 1);
    }

    void refusalsChargeAndReserveNothing()
    {
        Scenario s;
        QVERIFY(setUp(s, 2, 0)); // no no-GPU price
        const qint64 id = s.launch(*m_h, 1);
        QVERIFY(id);
        QVERIFY(stop(s, id));
        const Micro balance = s.balance(*m_h, s.renter.id);
        const auto refuse = [&](const QByteArray &body, int status, const QString &code) {
            auto r =
                m_h->request("POST", u"/api/v1/instances/%1/start"_s.arg(id), s.renter.token, body);
            QCOMPARE(r.status, status);
            QCOMPARE(r.json[u"error"_s][u"code"_s].toString(), code);
            QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"stopped"_s);
        };
        refuse(R"({"gpu_count": 0})", 409, u"no_gpu_not_offered"_s);
        refuse(R"({"gpu_count": 2})", 422, u"invalid_value"_s); // not its own count
        refuse(R"({"gpu_count": -1})", 422, u"invalid_value"_s);
        refuse(R"({"gpu_count": "none"})", 422, u"invalid_type"_s);
        refuse(R"([1])", 422, u"invalid_type"_s);
        QCOMPARE(s.balance(*m_h, s.renter.id), balance);
        QCOMPARE(gpusFree(s, s.hostId), 2);
        QVERIFY(s.agent->take(u"command"_s, 300).isEmpty());

        // The listing's price: positive and at most a tenth of the GPU-hour price.
        const auto patch = [&](const QByteArray &body) {
            return m_h->request("PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), s.lender.token, body);
        };
        auto above = patch(R"({"price_nogpu_hour_micro": 100001})");
        QCOMPARE(above.status, 422);
        QCOMPARE(above.json[u"error"_s][u"field"_s].toString(), u"price_nogpu_hour_micro"_s);
        QCOMPARE(patch(R"({"price_nogpu_hour_micro": 0})").status, 422);
        QCOMPARE(patch(R"({"price_nogpu_hour_micro": 100000})").status, 200);
        QCOMPARE(patch(R"({"price_gpu_hour_micro": 1000000})")
                     .json[u"listing"_s][u"price_nogpu_hour_micro"_s]
                     .toInteger(),
                 100'000); // left out: kept
        QVERIFY(patch(R"({"price_nogpu_hour_micro": null})")
                    .json[u"listing"_s][u"price_nogpu_hour_micro"_s]
                    .isNull()); // null withdraws it
    }

    void machineWithoutGpusAndPlansCannot()
    {
        // A CPU-only machine's instance has no GPU to start without.
        {
            Scenario s;
            QVERIFY(setUp(s, 0, 0));
            QVERIFY(m_h->request("PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), s.lender.token,
                                 R"({"price_nogpu_hour_micro": 100000})")
                        .status == 200);
            const qint64 id = s.launch(*m_h, 0);
            QVERIFY(id);
            QVERIFY(stop(s, id));
            auto r = m_h->request("POST", u"/api/v1/instances/%1/start"_s.arg(id), s.renter.token,
                                  R"({"gpu_count": 0})");
            QCOMPARE(r.status, 422);
            QCOMPARE(r.json[u"error"_s][u"field"_s].toString(), u"gpu_count"_s);
        }
        QVERIFY(checkLedgerThenClose(m_h).isEmpty());
        m_h = std::make_unique<MarketHarness>();
        QVERIFY(m_h->ok());
        // A plan instance keeps its GPUs while stopped: nothing to start without.
        Scenario s;
        QVERIFY(setUp(s, 1));
        QCOMPARE(m_h->request("PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), s.lender.token,
                              R"({"price_gpu_day_micro": 20000000})")
                     .status,
                 200);
        auto created = m_h->post(u"/api/v1/instances"_s, s.renter.token,
                                 {{u"offer_id"_s, s.hostId},
                                  {u"gpu_count"_s, 1},
                                  {u"image"_s, u"localhost/suanli/base:bookworm"_s},
                                  {u"disk_gb"_s, 50},
                                  {u"ssh_public_key"_s, testPublicKey()},
                                  {u"plan"_s, u"day"_s}});
        QCOMPARE(created.status, 201);
        const qint64 id = created.json[u"id"_s].toInteger();
        const QJsonObject create = s.agent->take(u"command"_s);
        s.agent->report(id, u"running"_s, {}, create[u"id"_s].toString());
        QVERIFY(s.waitForState(*m_h, id, u"running"_s));
        QVERIFY(stop(s, id));
        auto r = m_h->request("POST", u"/api/v1/instances/%1/start"_s.arg(id), s.renter.token,
                              R"({"gpu_count": 0})");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json[u"error"_s][u"code"_s].toString(), u"invalid_state"_s);
    }
};

SUANLI_TEST_MAIN(TestMarketNoGpu)
#include "tst_market_nogpu.moc"
