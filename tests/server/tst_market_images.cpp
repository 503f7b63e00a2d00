// Saved images (docs/market.md, "Saved images") with scripted agents and a manual clock: "Save
// as image" queues the agent's save_image, its image_state makes the image ready with its size,
// GET /api/v1/images lists it for its owner only, storage is billed per second to the
// micro-unit until DELETE, launching it works on the host that holds it only (anywhere once it
// is in the registry), and another renter can neither see, launch, save nor delete.
//
// Prices: ¥1.00 per GPU-hour, ¥0.30 per GB and month of storage; platform fee 10 %.

#include "support/ledgercheck.h"
#include "support/marketscenario.h"
#include "support/testmain.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

constexpr Micro kHour = 1'000'000;
constexpr Micro kStorage = 300'000;
constexpr qint64 kSize = 2'500'000'000; // 2.5 GB
const QString kBase = u"localhost/suanli/base:bookworm"_s;

/// Storage entries of one image (keys image:<id>:storage:<n>) of an account, summed.
Micro imageCharges(MarketHarness &h, qint64 accountId, qint64 imageId, const QString &suffix = {})
{
    auto entries = h.store().ledger(accountId, 0, 0, 10'000);
    Micro sum = 0;
    const QString prefix = u"image:%1:storage:"_s.arg(imageId);
    for (const auto &e : *entries) {
        if (!e.idempotency_key.startsWith(prefix))
            continue;
        const QString rest = e.idempotency_key.mid(prefix.size());
        if (suffix.isEmpty() ? !rest.contains(u':') : rest.endsWith(suffix))
            sum += e.amount_micro;
    }
    return sum;
}

} // namespace

class TestMarketImages : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MarketHarness> m_h;

    /// POST …/images {name}; on 202 the agent's save_image command is returned in `command`.
    MarketHarness::Reply save(Scenario &s, qint64 instanceId, const QString &name,
                              QJsonObject *command = nullptr)
    {
        auto r = m_h->post(u"/api/v1/instances/%1/images"_s.arg(instanceId), s.renter.token,
                           {{u"name"_s, name}});
        if (r.status == 202 && command)
            *command = s.agent->take(u"command"_s);
        return r;
    }

    /// The agent says the image is ready with `size` bytes.
    void ready(Scenario &s, const QJsonObject &command, qint64 size, bool pushed = false)
    {
        s.agent->send({{u"type"_s, u"image_state"_s},
                       {u"image_id"_s, command[u"image"_s][u"id"_s]},
                       {u"state"_s, u"ready"_s},
                       {u"ref"_s, command[u"image"_s][u"ref"_s]},
                       {u"size_bytes"_s, size},
                       {u"pushed"_s, pushed},
                       {u"command_id"_s, command[u"id"_s]}});
        QVERIFY(s.agent->sync());
    }

    QJsonArray images(const QByteArray &token)
    {
        auto r = m_h->get(u"/api/v1/images"_s, token);
        return QJsonDocument::fromJson(r.body).array();
    }

    static QJsonObject own(const QJsonArray &list, qint64 id)
    {
        for (const QJsonValue &v : list) {
            if (v[u"owner"_s].toString() == "me"_L1 && v[u"id"_s].toInteger() == id)
                return v.toObject();
        }
        return {};
    }

    /// A second lender's listed host with its agent connected.
    struct OtherHost
    {
        qint64 id = 0;
        std::unique_ptr<ScriptedAgent> agent;
    };
    OtherHost otherHost()
    {
        OtherHost o;
        auto lender = m_h->createAccount(u"lender2"_s, {u"lender"_s});
        auto created = m_h->post(u"/api/v1/hosts"_s, lender.token, {{u"name"_s, u"rig-2"_s}});
        o.id = created.json[u"host"_s][u"id"_s].toInteger();
        const QByteArray token = created.json[u"token"_s].toString().toLatin1();
        auto listed = m_h->request(
            "PATCH", u"/api/v1/hosts/%1"_s.arg(o.id), lender.token,
            QJsonDocument(QJsonObject{{u"listed"_s, true}, {u"price_gpu_hour_micro"_s, kHour}})
                .toJson());
        if (listed.status != 200)
            return {};
        o.agent = std::make_unique<ScriptedAgent>(m_h->baseUrl(), token);
        if (!o.agent->connectAndHello(1))
            return {};
        return o;
    }

    MarketHarness::Reply launchImage(const QByteArray &token, qint64 offerId, const QString &ref)
    {
        return m_h->post(u"/api/v1/instances"_s, token,
                         {{u"offer_id"_s, offerId},
                          {u"gpu_count"_s, 1},
                          {u"image"_s, ref},
                          {u"disk_gb"_s, 20},
                          {u"ssh_public_key"_s, testPublicKey()}});
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

    void savesListsBillsAndDeletes()
    {
        Scenario s;
        // Enough money for weeks of GPU time beside the image.
        QVERIFY(s.setUp(*m_h, 1, kHour, kStorage, 10'000 * kMicroPerUnit));
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        QJsonObject command;
        auto saved = save(s, id, u"my env"_s, &command);
        QCOMPARE(saved.status, 202);
        const qint64 imageId = saved.json[u"id"_s].toInteger();
        QVERIFY(imageId > 0);
        QCOMPARE(saved.json[u"state"_s].toString(), u"saving"_s);
        QCOMPARE(saved.json[u"size_bytes"_s].toInteger(), 0);
        const QString ref = saved.json[u"ref"_s].toString();
        QCOMPARE(ref, u"localhost/suanli-images/img-%1:latest"_s.arg(imageId));
        // The agent is told what to commit and where; no registry without --registry.
        QCOMPARE(command[u"action"_s].toString(), u"save_image"_s);
        QCOMPARE(command[u"instance_id"_s].toInteger(), id);
        QCOMPARE(command[u"image"_s][u"id"_s].toInteger(), imageId);
        QCOMPARE(command[u"image"_s][u"ref"_s].toString(), ref);
        QVERIFY(command[u"image"_s][u"registry"_s].isNull());

        // While saving: listed as such, nothing billed, not launchable.
        QJsonObject listed = own(images(s.renter.token), imageId);
        QCOMPARE(listed[u"state"_s].toString(), u"saving"_s);
        auto early = launchImage(s.renter.token, s.hostId, ref);
        QCOMPARE(early.status, 409);
        QCOMPARE(early.errorCode(), u"image_not_ready"_s);

        ready(s, command, kSize);
        const QJsonArray list = images(s.renter.token);
        // The hosts' image is still there, beside the renter's own.
        QCOMPARE(list[0][u"ref"_s].toString(), kBase);
        QVERIFY(!list[0].toObject().contains(u"owner"_s));
        listed = own(list, imageId);
        QCOMPARE(listed[u"state"_s].toString(), u"ready"_s);
        QCOMPARE(listed[u"name"_s].toString(), u"my env"_s);
        QCOMPARE(listed[u"size_bytes"_s].toInteger(), kSize);
        QCOMPARE(listed[u"host_id"_s].toInteger(), s.hostId);
        QCOMPARE(listed[u"host_name"_s].toString(), u"rig-1"_s);
        QCOMPARE(listed[u"instance_id"_s].toInteger(), id);
        QCOMPARE(listed[u"has_jupyter"_s].toBool(), true); // the host's image had Jupyter
        QCOMPARE(listed[u"price_storage_gb_month_micro"_s].toInteger(), kStorage);

        // 10 days: floor(300,000 × 2.5e9 × 864,000 s / (1e9 × 2,592,000 s)) = 250,000.
        m_h->clock().advanceSeconds(10 * 86400);
        m_h->market().runBilling();
        QCOMPARE(imageCharges(*m_h, s.renter.id, imageId), -250'000);
        QCOMPARE(imageCharges(*m_h, s.lender.id, imageId, u":earning"_s), 225'000);
        // 1 day and 7 s more, then deleted: floor(300,000 × 2.5 × 950,407 / 2,592,000) = 275,002.
        m_h->clock().advanceSeconds(86400 + 7);
        auto deleted = m_h->request("DELETE", u"/api/v1/images/%1"_s.arg(imageId), s.renter.token);
        QCOMPARE(deleted.status, 204);
        QCOMPARE(imageCharges(*m_h, s.renter.id, imageId), -275'002);
        QCOMPARE(imageCharges(*m_h, s.lender.id, imageId, u":earning"_s), 247'502);
        // The host frees it.
        const QJsonObject remove = s.agent->take(u"command"_s);
        QCOMPARE(remove[u"action"_s].toString(), u"delete_image"_s);
        QCOMPARE(remove[u"image"_s][u"ref"_s].toString(), ref);
        // Gone from the list, billed no more, not launchable, not deletable twice.
        QVERIFY(own(images(s.renter.token), imageId).isEmpty());
        m_h->clock().advanceSeconds(30 * 86400);
        m_h->market().runBilling();
        QCOMPARE(imageCharges(*m_h, s.renter.id, imageId), -275'002);
        auto gone = launchImage(s.renter.token, s.hostId, ref);
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.errorCode(), u"image_not_found"_s);
        QCOMPARE(m_h->request("DELETE", u"/api/v1/images/%1"_s.arg(imageId), s.renter.token).status,
                 404);
    }

    void launchesOnlyOnTheHostThatHoldsIt()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, kHour, kStorage));
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        QJsonObject command;
        auto saved = save(s, id, u"env"_s, &command);
        QCOMPARE(saved.status, 202);
        ready(s, command, kSize);
        const QString ref = saved.json[u"ref"_s].toString();

        OtherHost other = otherHost();
        QVERIFY(other.agent);
        auto elsewhere = launchImage(s.renter.token, other.id, ref);
        QCOMPARE(elsewhere.status, 409);
        QCOMPARE(elsewhere.errorCode(), u"image_on_other_host"_s);
        const QString message = elsewhere.json[u"error"_s][u"message"_s].toString();
        QVERIFY2(message.contains(u"rig-1"_s), qPrintable(message));
        QVERIFY(other.agent->take(u"command"_s, 300).isEmpty()); // nothing sent there

        auto here = launchImage(s.renter.token, s.hostId, ref);
        QCOMPARE(here.status, 201);
        QCOMPARE(here.json[u"image"_s].toString(), ref);
        const QJsonObject create = s.agent->take(u"command"_s);
        QCOMPARE(create[u"action"_s].toString(), u"create"_s);
        QCOMPARE(create[u"spec"_s][u"image"_s].toString(), ref);
    }

    void anotherRenterCannotSeeLaunchSaveOrDelete()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, kHour, kStorage));
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        QJsonObject command;
        auto saved = save(s, id, u"private"_s, &command);
        QCOMPARE(saved.status, 202);
        ready(s, command, kSize);
        const qint64 imageId = saved.json[u"id"_s].toInteger();
        const QString ref = saved.json[u"ref"_s].toString();

        auto mallory = m_h->createAccount(u"mallory"_s, {u"renter"_s}, 100 * kMicroPerUnit);
        const QJsonArray theirs = images(mallory.token);
        QCOMPARE(theirs.size(), 1); // the host's image only
        QCOMPARE(theirs[0][u"ref"_s].toString(), kBase);
        auto launch = launchImage(mallory.token, s.hostId, ref);
        QCOMPARE(launch.status, 404);
        QCOMPARE(launch.errorCode(), u"image_not_found"_s);
        // A ref in the saved namespace that nobody has is refused the same way.
        auto guessed =
            launchImage(mallory.token, s.hostId, u"localhost/suanli-images/img-999:latest"_s);
        QCOMPARE(guessed.status, 404);
        auto theirSave = m_h->post(u"/api/v1/instances/%1/images"_s.arg(id), mallory.token,
                                   {{u"name"_s, u"stolen"_s}});
        QCOMPARE(theirSave.status, 404);
        auto theirDelete =
            m_h->request("DELETE", u"/api/v1/images/%1"_s.arg(imageId), mallory.token);
        QCOMPARE(theirDelete.status, 404);
        QCOMPARE(theirDelete.errorCode(), u"image_not_found"_s);
        // Still the owner's, still ready; mallory paid nothing.
        QCOMPARE(own(images(s.renter.token), imageId)[u"state"_s].toString(), u"ready"_s);
        QCOMPARE(s.balance(*m_h, mallory.id), 100 * kMicroPerUnit);
        // An agent of another host cannot report on it.
        OtherHost other = otherHost();
        QVERIFY(other.agent);
        other.agent->send({{u"type"_s, u"image_state"_s},
                           {u"image_id"_s, imageId},
                           {u"state"_s, u"failed"_s},
                           {u"reason"_s, u"forged"_s}});
        const QJsonObject error = other.agent->take(u"error"_s);
        QCOMPARE(error[u"error"_s][u"code"_s].toString(), u"forbidden"_s);
        QCOMPARE(own(images(s.renter.token), imageId)[u"state"_s].toString(), u"ready"_s);
    }

    void badInputAndFailures()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, kHour, kStorage));
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        auto empty = m_h->post(u"/api/v1/instances/%1/images"_s.arg(id), s.renter.token,
                               {{u"name"_s, u"  "_s}});
        QCOMPARE(empty.status, 422);
        QCOMPARE(empty.json[u"error"_s][u"field"_s].toString(), u"name"_s);
        auto slash = m_h->post(u"/api/v1/instances/%1/images"_s.arg(id), s.renter.token,
                               {{u"name"_s, u"../etc"_s}});
        QCOMPARE(slash.status, 422);
        auto missing = m_h->post(u"/api/v1/instances/%1/images"_s.arg(id), s.renter.token, {});
        QCOMPARE(missing.status, 422);
        QCOMPARE(missing.errorCode(), u"missing_field"_s);
        auto wrongType =
            m_h->post(u"/api/v1/instances/%1/images"_s.arg(id), s.renter.token, {{u"name"_s, 5}});
        QCOMPARE(wrongType.status, 422);
        auto noInstance =
            m_h->post(u"/api/v1/instances/99999/images"_s, s.renter.token, {{u"name"_s, u"x"_s}});
        QCOMPARE(noInstance.status, 404);
        QCOMPARE(m_h->request("DELETE", u"/api/v1/images/abc"_s, s.renter.token).status, 404);

        // A failed save: listed with its reason, never billed.
        QJsonObject command;
        auto saved = save(s, id, u"broken"_s, &command);
        QCOMPARE(saved.status, 202);
        const qint64 imageId = saved.json[u"id"_s].toInteger();
        s.agent->send({{u"type"_s, u"image_state"_s},
                       {u"image_id"_s, imageId},
                       {u"state"_s, u"failed"_s},
                       {u"reason"_s, u"image_commit_failed: no space left"_s},
                       {u"command_id"_s, command[u"id"_s]}});
        QVERIFY(s.agent->sync());
        const QJsonObject failed = own(images(s.renter.token), imageId);
        QCOMPARE(failed[u"state"_s].toString(), u"failed"_s);
        QCOMPARE(failed[u"reason"_s].toString(), u"image_commit_failed: no space left"_s);
        m_h->clock().advanceSeconds(86400);
        m_h->market().runBilling();
        QCOMPARE(imageCharges(*m_h, s.renter.id, imageId), 0);
        // A late `ready` for it changes nothing.
        ready(s, command, kSize);
        QCOMPARE(own(images(s.renter.token), imageId)[u"state"_s].toString(), u"failed"_s);

        // Deleted while saving: never billed, the host frees it once it is ready.
        QJsonObject second;
        auto pending = save(s, id, u"short-lived"_s, &second);
        QCOMPARE(pending.status, 202);
        const qint64 pendingId = pending.json[u"id"_s].toInteger();
        QCOMPARE(
            m_h->request("DELETE", u"/api/v1/images/%1"_s.arg(pendingId), s.renter.token).status,
            204);
        ready(s, second, kSize);
        const QJsonObject freed = s.agent->take(u"command"_s);
        QCOMPARE(freed[u"action"_s].toString(), u"delete_image"_s);
        QCOMPARE(freed[u"image"_s][u"id"_s].toInteger(), pendingId);
        m_h->clock().advanceSeconds(86400);
        m_h->market().runBilling();
        QCOMPARE(imageCharges(*m_h, s.renter.id, pendingId), 0);

        // A destroyed instance has no system disk to save.
        QCOMPARE(m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(id), s.renter.token).status,
                 202);
        auto destroying = save(s, id, u"late"_s);
        QCOMPARE(destroying.status, 409);
        QCOMPARE(destroying.errorCode(), u"invalid_state"_s);
    }

    void withARegistryAnyHostLaunchesIt()
    {
        server::MarketPolicy policy;
        policy.registry = u"https://127.0.0.1:5443"_s;
        policy.registryUsername = u"suanli"_s;
        policy.registryPassword = u"s3cret"_s;
        m_h.reset();
        m_h = std::make_unique<MarketHarness>(policy);
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, kHour, kStorage, 10'000 * kMicroPerUnit));
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        QJsonObject command;
        auto saved = save(s, id, u"shared"_s, &command);
        QCOMPARE(saved.status, 202);
        const qint64 imageId = saved.json[u"id"_s].toInteger();
        const QString ref = saved.json[u"ref"_s].toString();
        QCOMPARE(ref, u"127.0.0.1:5443/suanli-images/img-%1:latest"_s.arg(imageId));
        const QJsonObject registry = command[u"image"_s][u"registry"_s].toObject();
        QCOMPARE(registry[u"url"_s].toString(), u"https://127.0.0.1:5443"_s);
        QCOMPARE(registry[u"username"_s].toString(), u"suanli"_s);
        QCOMPARE(registry[u"password"_s].toString(), u"s3cret"_s);
        ready(s, command, kSize, true);
        const QJsonObject listed = own(images(s.renter.token), imageId);
        QVERIFY(listed.contains(u"host_id"_s));
        QVERIFY(listed[u"host_id"_s].isNull());
        OtherHost other = otherHost();
        QVERIFY(other.agent);
        auto elsewhere = launchImage(s.renter.token, other.id, ref);
        QCOMPARE(elsewhere.status, 201);
        QCOMPARE(other.agent->take(u"command"_s)[u"spec"_s][u"image"_s].toString(), ref);
        // In the registry the market stores it: the whole charge is the platform's.
        m_h->clock().advanceSeconds(10 * 86400);
        m_h->market().runBilling();
        QCOMPARE(imageCharges(*m_h, s.renter.id, imageId), -250'000);
        QCOMPARE(imageCharges(*m_h, s.lender.id, imageId, u":earning"_s), 0);
        // Deleting frees the copy on the host that saved it.
        QCOMPARE(m_h->request("DELETE", u"/api/v1/images/%1"_s.arg(imageId), s.renter.token).status,
                 204);
        QCOMPARE(s.agent->take(u"command"_s)[u"action"_s].toString(), u"delete_image"_s);
    }
};

SUANLI_TEST_MAIN(TestMarketImages)
#include "tst_market_images.moc"
