// Clone and move (DESIGN §9.4, docs/market.md "Clone and move") with two scripted agents and a
// manual clock: POST /instances/{id}/clone validates and authorizes, the new instance's create
// asks its agent for a copy, the one-time key goes to the source's agent and is revoked at the
// end, a move destroys the source only after a verified copy, a failure or a cancel leaves it
// as it was, a stopped source runs without a GPU for the copy, and both instances are billed
// to the micro-unit (the ledger invariant after every scenario).
//
// Prices: host A ¥1.00 per GPU-hour (¥0.10/h without a GPU), host B ¥2.00; fee 10 %.

#include "support/ledgercheck.h"
#include "support/marketscenario.h"
#include "support/testmain.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

constexpr Micro kHourA = 1'000'000;
constexpr Micro kHourB = 2'000'000;
constexpr Micro kNoGpu = 100'000;
const QString kCopyKey =
    u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGyR6YzqPOka/iXuqJqy6wfcJ17ghri1GpsUSq4uq2xD"_s;

} // namespace

class TestMarketClone : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MarketHarness> m_h;
    qint64 m_hostB = 0;
    std::unique_ptr<ScriptedAgent> m_agentB;

    /// Host A (the scenario's, 2 GPUs) and host B (1 GPU, ¥2/h) of the same lender.
    bool setUp(Scenario &s)
    {
        if (!s.setUp(*m_h, 2, kHourA, 0))
            return false;
        auto price = m_h->request(
            "PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), s.lender.token,
            QJsonDocument(QJsonObject{{u"price_nogpu_hour_micro"_s, kNoGpu}}).toJson());
        if (price.status != 200)
            return false;
        auto created = m_h->post(u"/api/v1/hosts"_s, s.lender.token, {{u"name"_s, u"rig-2"_s}});
        if (created.status != 201)
            return false;
        m_hostB = created.json[u"host"_s][u"id"_s].toInteger();
        auto listed =
            m_h->request("PATCH", u"/api/v1/hosts/%1"_s.arg(m_hostB), s.lender.token,
                         QJsonDocument(QJsonObject{{u"listed"_s, true},
                                                   {u"price_gpu_hour_micro"_s, kHourB},
                                                   {u"price_storage_gb_month_micro"_s, 0}})
                             .toJson());
        if (listed.status != 200)
            return false;
        m_agentB = std::make_unique<ScriptedAgent>(m_h->baseUrl(),
                                                   created.json[u"token"_s].toString().toLatin1());
        return m_agentB->connectAndHello(1);
    }

    MarketHarness::Reply clone(const Scenario &s, qint64 id, const QJsonObject &body,
                               const QByteArray &token = {})
    {
        return m_h->request("POST", u"/api/v1/instances/%1/clone"_s.arg(id),
                            token.isEmpty() ? s.renter.token : token, QJsonDocument(body).toJson());
    }

    /// The new instance on host B: its create (with copy_from), running, then the agent's key.
    /// Returns the copy command host B gets.
    QJsonObject bringUpTarget(Scenario &s, qint64 sourceId, qint64 targetId)
    {
        const QJsonObject create = m_agentB->take(u"command"_s);
        if (create[u"action"_s].toString() != u"create"_s ||
            create[u"spec"_s][u"copy_from"_s].toInteger() != sourceId) {
            qWarning("create: %s", QJsonDocument(create).toJson().constData());
            return {};
        }
        m_agentB->report(targetId, u"running"_s, {}, create[u"id"_s].toString());
        if (!s.waitForState(*m_h, targetId, u"running"_s))
            return {};
        m_agentB->send({{u"type"_s, u"copy_progress"_s},
                        {u"instance_id"_s, targetId},
                        {u"state"_s, u"key"_s},
                        {u"public_key"_s, kCopyKey}});
        const QJsonObject authorize = s.agent->take(u"command"_s);
        if (authorize[u"action"_s].toString() != u"authorize_key"_s ||
            authorize[u"instance_id"_s].toInteger() != sourceId ||
            authorize[u"public_key"_s].toString() != kCopyKey ||
            authorize[u"copy_instance_id"_s].toInteger() != targetId) {
            qWarning("authorize: %s; B got %s", QJsonDocument(authorize).toJson().constData(),
                     QJsonDocument(QJsonArray::fromVariantList([&] {
                         QVariantList l;
                         for (const auto &m : m_agentB->received)
                             l.append(m);
                         return l;
                     }()))
                         .toJson()
                         .constData());
            return {};
        }
        return m_agentB->take(u"command"_s);
    }

    void progress(qint64 targetId, const QString &state, qint64 bytes, qint64 files,
                  const QString &error = {})
    {
        m_agentB->send({{u"type"_s, u"copy_progress"_s},
                        {u"instance_id"_s, targetId},
                        {u"state"_s, state},
                        {u"bytes_done"_s, bytes},
                        {u"bytes_total"_s, 1000},
                        {u"files_done"_s, files},
                        {u"files_total"_s, 10},
                        {u"error"_s, error}});
        QVERIFY(m_agentB->sync());
    }

    QJsonObject instanceJson(const Scenario &s, qint64 id)
    {
        return m_h->get(u"/api/v1/instances/%1"_s.arg(id), s.renter.token).json;
    }

private slots:
    void init()
    {
        m_h = std::make_unique<MarketHarness>();
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
    }
    void cleanup()
    {
        m_agentB.reset();
        const QStringList problems = checkLedgerThenClose(m_h);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
    }

    void moveCopiesVerifiesThenDestroysTheSource()
    {
        Scenario s;
        QVERIFY(setUp(s));
        const qint64 source = s.launch(*m_h, 1);
        QVERIFY(source);
        EventListener events(m_h->baseUrl(), s.renter.token);
        QVERIFY(events.waitConnected());

        auto r =
            clone(s, source, {{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, 1}, {u"move"_s, true}});
        QCOMPARE(r.status, 201);
        const qint64 target = r.json[u"id"_s].toInteger();
        QVERIFY(target != source);
        QCOMPARE(r.json[u"host_id"_s].toInteger(), m_hostB);
        QCOMPARE(r.json[u"disk_gb"_s].toInteger(), 50); // the source's
        QCOMPARE(r.json[u"price_gpu_hour_micro"_s].toInteger(), kHourB);
        QCOMPARE(r.json[u"copy"_s][u"state"_s].toString(), u"waiting"_s);
        QCOMPARE(r.json[u"copy"_s][u"source_id"_s].toInteger(), source);
        QCOMPARE(r.json[u"copy"_s][u"move"_s].toBool(), true);
        // The source is no clone: it shows no copy.
        QVERIFY(!instanceJson(s, source).contains(u"copy"_s));

        const QJsonObject copy = bringUpTarget(s, source, target);
        QCOMPARE(copy[u"action"_s].toString(), u"copy"_s);
        QCOMPARE(copy[u"instance_id"_s].toInteger(), target);
        QCOMPARE(copy[u"copy_from"_s][u"instance_id"_s].toInteger(), source);
        QCOMPARE(copy[u"copy_from"_s][u"ssh"_s][u"port"_s].toInt(), 40001);

        progress(target, u"copying"_s, 400, 4);
        auto during = instanceJson(s, target);
        QCOMPARE(during[u"copy"_s][u"state"_s].toString(), u"copying"_s);
        QCOMPARE(during[u"copy"_s][u"bytes_done"_s].toInteger(), 400);
        QCOMPARE(during[u"copy"_s][u"files_total"_s].toInteger(), 10);
        // The app hears the progress in the new instance's events.
        const QJsonObject heard = events.take(u"instance"_s, 5000, [&](const QJsonObject &e) {
            return e[u"instance"_s][u"id"_s].toInteger() == target &&
                   e[u"instance"_s][u"copy"_s][u"bytes_done"_s].toInteger() == 400;
        });
        QVERIFY(!heard.isEmpty());

        // "done" before "verifying" is refused: a copy counts only once verified.
        m_agentB->send(
            {{u"type"_s, u"copy_progress"_s}, {u"instance_id"_s, target}, {u"state"_s, u"done"_s}});
        const QJsonObject refused = m_agentB->take(u"error"_s);
        QCOMPARE(refused[u"error"_s][u"code"_s].toString(), u"invalid_state"_s);
        QCOMPARE(protocol::toString(m_h->store().instance(source)->state), u"running"_s);

        progress(target, u"verifying"_s, 1000, 10);
        QCOMPARE(protocol::toString(m_h->store().instance(source)->state), u"running"_s);
        progress(target, u"done"_s, 1000, 10);
        QCOMPARE(instanceJson(s, target)[u"copy"_s][u"state"_s].toString(), u"done"_s);
        // The key is revoked and the source destroyed, only now.
        QJsonObject revoke = s.agent->take(u"command"_s);
        QJsonObject destroy = s.agent->take(u"command"_s);
        if (revoke[u"action"_s].toString() == u"destroy"_s)
            std::swap(revoke, destroy); // queued together: either may come first
        QCOMPARE(revoke[u"action"_s].toString(), u"revoke_key"_s);
        QCOMPARE(revoke[u"public_key"_s].toString(), kCopyKey);
        QCOMPARE(destroy[u"action"_s].toString(), u"destroy"_s);
        QCOMPARE(destroy[u"instance_id"_s].toInteger(), source);
        QCOMPARE(destroy[u"reason"_s].toString(), u"moved"_s);
        // A late report changes nothing.
        progress(target, u"failed"_s, 0, 0, u"late"_s);
        QCOMPARE(instanceJson(s, target)[u"copy"_s][u"state"_s].toString(), u"done"_s);
    }

    void bothInstancesAreBilledExactly()
    {
        Scenario s;
        QVERIFY(setUp(s));
        const qint64 source = s.launch(*m_h, 1);
        QVERIFY(source);
        const Micro start = s.balance(*m_h, s.renter.id);
        auto r =
            clone(s, source, {{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, 1}, {u"move"_s, false}});
        QCOMPARE(r.status, 201);
        const qint64 target = r.json[u"id"_s].toInteger();
        QVERIFY(!bringUpTarget(s, source, target).isEmpty());
        // An hour with both running: ¥1 for the source and ¥2 for the clone, 90 % to the lender.
        const Micro lender = s.balance(*m_h, s.lender.id);
        m_h->clock().advanceSeconds(3600);
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), kHourA + kHourB);
        QCOMPARE(s.balance(*m_h, s.lender.id) - lender, (kHourA + kHourB) * 9 / 10);
        progress(target, u"verifying"_s, 1000, 10);
        progress(target, u"done"_s, 1000, 10);
        // A clone leaves the source running and billed; the revoke is its only command.
        QCOMPARE(s.agent->take(u"command"_s)[u"action"_s].toString(), u"revoke_key"_s);
        QCOMPARE(protocol::toString(m_h->store().instance(source)->state), u"running"_s);
        m_h->clock().advanceSeconds(1800);
        m_h->market().runBilling();
        QCOMPARE(start - s.balance(*m_h, s.renter.id), (kHourA + kHourB) * 3 / 2);
    }

    void aFailedCopyLeavesTheSourceAndSaysWhy()
    {
        Scenario s;
        QVERIFY(setUp(s));
        const qint64 source = s.launch(*m_h, 1);
        QVERIFY(source);
        auto r =
            clone(s, source, {{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, 1}, {u"move"_s, true}});
        QCOMPARE(r.status, 201);
        const qint64 target = r.json[u"id"_s].toInteger();
        QVERIFY(!bringUpTarget(s, source, target).isEmpty());
        progress(target, u"copying"_s, 100, 1);
        progress(target, u"failed"_s, 100, 1, u"disk quota exceeded"_s);
        auto after = instanceJson(s, target);
        QCOMPARE(after[u"copy"_s][u"state"_s].toString(), u"failed"_s);
        QCOMPARE(after[u"copy"_s][u"error"_s].toString(), u"disk quota exceeded"_s);
        auto history = m_h->get(u"/api/v1/instances/%1/events"_s.arg(target), s.renter.token);
        QVERIFY2(history.body.contains("copy_failed: disk quota exceeded"),
                 history.body.constData());
        QCOMPARE(s.agent->take(u"command"_s)[u"action"_s].toString(), u"revoke_key"_s);
        // The source is untouched: running, no further command.
        QCOMPARE(protocol::toString(m_h->store().instance(source)->state), u"running"_s);
        QVERIFY(s.agent->take(u"command"_s, 300).isEmpty());
        // And it can be moved again.
        auto again =
            clone(s, source, {{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, 0}, {u"move"_s, true}});
        QCOMPARE(again.status, 422); // host B has a GPU: gpu_count 0 is refused as at launch
        QCOMPARE(again.json[u"error"_s][u"field"_s].toString(), u"gpu_count"_s);
    }

    void destroyingTheCloneCancels()
    {
        Scenario s;
        QVERIFY(setUp(s));
        const qint64 source = s.launch(*m_h, 1);
        QVERIFY(source);
        auto r =
            clone(s, source, {{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, 1}, {u"move"_s, true}});
        QCOMPARE(r.status, 201);
        const qint64 target = r.json[u"id"_s].toInteger();
        QVERIFY(!bringUpTarget(s, source, target).isEmpty());
        progress(target, u"copying"_s, 100, 1);
        auto destroyed =
            m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(target), s.renter.token);
        QCOMPARE(destroyed.status, 202);
        QCOMPARE(destroyed.json[u"copy"_s][u"state"_s].toString(), u"cancelled"_s);
        QCOMPARE(m_agentB->take(u"command"_s)[u"action"_s].toString(), u"destroy"_s);
        QCOMPARE(s.agent->take(u"command"_s)[u"action"_s].toString(), u"revoke_key"_s);
        QCOMPARE(protocol::toString(m_h->store().instance(source)->state), u"running"_s);
        // Reports after the cancel change nothing.
        progress(target, u"verifying"_s, 1000, 10);
        progress(target, u"done"_s, 1000, 10);
        QCOMPARE(protocol::toString(m_h->store().instance(source)->state), u"running"_s);
    }

    void aStoppedSourceRunsWithoutAGpuForTheCopy()
    {
        Scenario s;
        QVERIFY(setUp(s));
        const qint64 source = s.launch(*m_h, 2);
        QVERIFY(source);
        QCOMPARE(
            m_h->request("POST", u"/api/v1/instances/%1/stop"_s.arg(source), s.renter.token).status,
            202);
        const QJsonObject stop = s.agent->take(u"command"_s);
        s.agent->report(source, u"stopped"_s, {}, stop[u"id"_s].toString());
        QVERIFY(s.waitForState(*m_h, source, u"stopped"_s));

        auto r =
            clone(s, source, {{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, 1}, {u"move"_s, false}});
        QCOMPARE(r.status, 201);
        const qint64 target = r.json[u"id"_s].toInteger();
        const QJsonObject start = s.agent->take(u"command"_s);
        QCOMPARE(start[u"action"_s].toString(), u"start"_s);
        QCOMPARE(start[u"spec"_s][u"gpu_count"_s].toInt(), 0);
        auto sourceNow = m_h->store().instance(source);
        QVERIFY(sourceNow->no_gpu);
        // The target's key arrives before the source runs: the copy waits for it.
        const QJsonObject create = m_agentB->take(u"command"_s);
        m_agentB->report(target, u"running"_s, {}, create[u"id"_s].toString());
        QVERIFY(s.waitForState(*m_h, target, u"running"_s));
        m_agentB->send({{u"type"_s, u"copy_progress"_s},
                        {u"instance_id"_s, target},
                        {u"state"_s, u"key"_s},
                        {u"public_key"_s, kCopyKey}});
        QCOMPARE(s.agent->take(u"command"_s)[u"action"_s].toString(), u"authorize_key"_s);
        QVERIFY(m_agentB->take(u"command"_s, 300).isEmpty());
        s.agent->report(source, u"running"_s, {}, start[u"id"_s].toString());
        QVERIFY(s.waitForState(*m_h, source, u"running"_s));
        const QJsonObject copy = m_agentB->take(u"command"_s);
        QCOMPARE(copy[u"action"_s].toString(), u"copy"_s);
        // An hour of copying: the source at the no-GPU price, the clone at host B's.
        const Micro before = s.balance(*m_h, s.renter.id);
        m_h->clock().advanceSeconds(3600);
        m_h->market().runBilling();
        QCOMPARE(before - s.balance(*m_h, s.renter.id), kNoGpu + kHourB);
        progress(target, u"verifying"_s, 1000, 10);
        progress(target, u"done"_s, 1000, 10);
        // Done: the key revoked, the source stopped again as the renter left it.
        QJsonObject revoke = s.agent->take(u"command"_s);
        QJsonObject again = s.agent->take(u"command"_s);
        if (revoke[u"action"_s].toString() == u"stop"_s)
            std::swap(revoke, again); // queued together: either may come first
        QCOMPARE(revoke[u"action"_s].toString(), u"revoke_key"_s);
        QCOMPARE(again[u"action"_s].toString(), u"stop"_s);
        QCOMPARE(again[u"reason"_s].toString(), u"copy_done"_s);
    }

    void validationAndAuthz()
    {
        Scenario s;
        QVERIFY(setUp(s));
        const qint64 source = s.launch(*m_h, 1);
        QVERIFY(source);
        const Micro balance = s.balance(*m_h, s.renter.id);
        // Someone else's instance is not found, and nothing is created.
        auto other = m_h->createAccount(u"other"_s, {u"renter"_s}, 100 * kMicroPerUnit);
        auto foreign =
            clone(s, source, {{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, 1}, {u"move"_s, true}},
                  other.token);
        QCOMPARE(foreign.status, 404);
        QCOMPARE(
            m_h->get(u"/api/v1/instances"_s, other.token).json[u"instances"_s].toArray().size(), 0);
        // A lender without the renter role cannot clone either (it owns no instance: 404).
        QCOMPARE(clone(s, source,
                       {{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, 1}, {u"move"_s, true}},
                       s.lender.token)
                     .status,
                 404);
        struct Case
        {
            QJsonObject body;
            int status;
            QString code;
        };
        const QList<Case> cases{
            {{{u"gpu_count"_s, 1}, {u"move"_s, true}}, 422, u"missing_field"_s},
            {{{u"offer_id"_s, m_hostB}, {u"move"_s, true}}, 422, u"missing_field"_s},
            {{{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, 1}}, 422, u"missing_field"_s},
            {{{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, u"one"_s}, {u"move"_s, true}},
             422,
             u"invalid_type"_s},
            {{{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, 1}, {u"move"_s, true}, {u"disk_gb"_s, 0}},
             422,
             u"invalid_value"_s},
            {{{u"offer_id"_s, 999}, {u"gpu_count"_s, 1}, {u"move"_s, true}},
             404,
             u"offer_not_found"_s},
            {{{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, 2}, {u"move"_s, true}},
             409,
             u"gpus_unavailable"_s},
            {{{u"offer_id"_s, m_hostB},
              {u"gpu_count"_s, 1},
              {u"move"_s, true},
              {u"disk_gb"_s, 99'999}},
             409,
             u"disk_unavailable"_s},
        };
        for (const Case &c : cases) {
            auto r = clone(s, source, c.body);
            QVERIFY2(r.status == c.status, r.body.constData());
            QCOMPARE(r.json[u"error"_s][u"code"_s].toString(), c.code);
        }
        QCOMPARE(
            m_h->get(u"/api/v1/instances"_s, s.renter.token).json[u"instances"_s].toArray().size(),
            1);
        QCOMPARE(s.balance(*m_h, s.renter.id), balance);
        QVERIFY(m_agentB->take(u"command"_s, 300).isEmpty());
        // One move at a time; a clone's target cannot be cloned until its copy ends.
        auto first =
            clone(s, source, {{u"offer_id"_s, m_hostB}, {u"gpu_count"_s, 1}, {u"move"_s, true}});
        QCOMPARE(first.status, 201);
        auto second =
            clone(s, source, {{u"offer_id"_s, s.hostId}, {u"gpu_count"_s, 1}, {u"move"_s, false}});
        QCOMPARE(second.status, 409);
        QCOMPARE(second.json[u"error"_s][u"code"_s].toString(), u"invalid_state"_s);
        auto ofTarget = clone(s, first.json[u"id"_s].toInteger(),
                              {{u"offer_id"_s, s.hostId}, {u"gpu_count"_s, 1}, {u"move"_s, false}});
        QCOMPARE(ofTarget.status, 409);
        // Another host cannot report on the copy.
        s.agent->send({{u"type"_s, u"copy_progress"_s},
                       {u"instance_id"_s, first.json[u"id"_s].toInteger()},
                       {u"state"_s, u"key"_s},
                       {u"public_key"_s, kCopyKey}});
        QCOMPARE(s.agent->take(u"error"_s)[u"error"_s][u"code"_s].toString(), u"forbidden"_s);
        // A key that is no ed25519 key line is refused.
        m_agentB->send({{u"type"_s, u"copy_progress"_s},
                        {u"instance_id"_s, first.json[u"id"_s].toInteger()},
                        {u"state"_s, u"key"_s},
                        {u"public_key"_s, u"ssh-rsa AAAA"_s}});
        QCOMPARE(m_agentB->take(u"error"_s)[u"error"_s][u"code"_s].toString(), u"invalid_value"_s);
    }
};

SUANLI_TEST_MAIN(TestMarketClone)
#include "tst_market_clone.moc"
