// API tests over loopback for the market: auth, errors, limits, offers, idempotency, events.
// Runs against SQLite and, as tst_market_api_postgres, against a throwaway PostgreSQL.

#include "support/marketscenario.h"
#include "support/testmain.h"

#include <QTcpSocket>

#include <ctime>

#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

class TestMarketApi : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_h = std::make_unique<MarketHarness>();
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
    }
    void cleanup() { m_h.reset(); }

    void healthAndMetricsNeedNoAuth()
    {
        auto health = m_h->get(u"/healthz"_s, {});
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json.value(u"status"_s).toString(), u"ok"_s);
        auto metrics = m_h->get(u"/metrics"_s, {});
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.body.contains("suanli_http_requests_total"));
        QVERIFY(metrics.body.contains("suanli_agents_connected"));
    }

    void missingAndForgedTokensAreRejected()
    {
        auto none = m_h->get(u"/api/v1/me"_s, {});
        QCOMPARE(none.status, 401);
        QCOMPARE(none.errorCode(), u"unauthorized"_s);
        auto forged = m_h->get(u"/api/v1/me"_s,
                               "sk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QCOMPARE(forged.status, 401);
        auto garbage = m_h->get(u"/api/v1/me"_s, "x");
        QCOMPARE(garbage.status, 401);
    }

    void meShowsBalanceInMicroUnits()
    {
        auto a = m_h->createAccount(u"alice"_s, {u"renter"_s}, 12'500'000);
        auto me = m_h->get(u"/api/v1/me"_s, a.token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(u"name"_s).toString(), u"alice"_s);
        QCOMPARE(me.json.value(u"balance_micro"_s).toInteger(), 12'500'000);
        QCOMPARE(me.json.value(u"currency"_s).toString(), u"CNY"_s);
        QCOMPARE(me.json.value(u"roles"_s).toArray().first().toString(), u"renter"_s);
    }

    void hostTokenCannotUseAccountEndpoints()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        auto r = m_h->get(u"/api/v1/me"_s, s.hostToken);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), u"forbidden"_s);
    }

    void malformedJsonWrongTypesAndHugeBodies()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        const Micro before = s.balance(*m_h, s.renter.id);
        auto malformed = m_h->request("POST", u"/api/v1/instances"_s, s.renter.token, "{\"offer_id\": ");
        QCOMPARE(malformed.status, 400);
        QCOMPARE(malformed.errorCode(), u"malformed_json"_s);
        auto wrongType = m_h->post(u"/api/v1/instances"_s, s.renter.token,
                                   {{u"offer_id"_s, u"one"_s}, {u"gpu_count"_s, 1},
                                    {u"image"_s, u"x"_s}, {u"disk_gb"_s, 10},
                                    {u"ssh_public_key"_s, testPublicKey()}});
        QCOMPARE(wrongType.status, 422);
        QCOMPARE(wrongType.errorCode(), u"invalid_type"_s);
        QCOMPARE(wrongType.json[u"error"_s][u"field"_s].toString(), u"offer_id"_s);
        auto missing = m_h->post(u"/api/v1/instances"_s, s.renter.token, {{u"offer_id"_s, 1}});
        QCOMPARE(missing.status, 422);
        QCOMPARE(missing.errorCode(), u"missing_field"_s);
        const QByteArray huge = "{\"pad\":\"" + QByteArray(2 * 1024 * 1024, 'a') + "\"}";
        auto tooBig = m_h->request("POST", u"/api/v1/instances"_s, s.renter.token, huge);
        QCOMPARE(tooBig.status, 413);
        QCOMPARE(tooBig.errorCode(), u"body_too_large"_s);
        // Nothing changed.
        auto list = m_h->get(u"/api/v1/instances"_s, s.renter.token);
        QCOMPARE(list.json.value(u"instances"_s).toArray().size(), 0);
        QCOMPARE(s.balance(*m_h, s.renter.id), before);
        // Unknown fields are ignored.
        auto extra = m_h->post(u"/api/v1/instances"_s, s.renter.token,
                               {{u"offer_id"_s, s.hostId}, {u"gpu_count"_s, 1},
                                {u"image"_s, u"localhost/suanli/base:bookworm"_s},
                                {u"disk_gb"_s, 10}, {u"ssh_public_key"_s, testPublicKey()},
                                {u"color"_s, u"blue"_s}});
        QCOMPARE(extra.status, 201);
    }

    void oversizedBodiesAreRefusedBeforeTheyAreBuffered()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        const QUrl base(m_h->baseUrl());
        // A declared 100 MiB body: 413 as soon as the header is in, with no body sent at all.
        QTcpSocket declared;
        declared.connectToHost(base.host(), quint16(base.port()));
        QVERIFY(declared.waitForConnected(5000));
        declared.write("POST /api/v1/instances HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                       + s.renter.token
                       + "\r\nContent-Type: application/json\r\n"
                         "Content-Length: 104857600\r\n\r\n{");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += declared.readAll()).contains("body_too_large"), 5000);
        QVERIFY(answer.startsWith("HTTP/1.1 413"));
        // A chunked body with no length is cut off once it passes the limit.
        QTcpSocket chunked;
        chunked.connectToHost(base.host(), quint16(base.port()));
        QVERIFY(chunked.waitForConnected(5000));
        chunked.write("POST /api/v1/instances HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                      + s.renter.token
                      + "\r\nContent-Type: application/json\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = "10000\r\n" + QByteArray(0x10000, 'a') + "\r\n";
        QByteArray cut;
        for (int i = 0; i < 64 && chunked.state() == QAbstractSocket::ConnectedState; ++i) {
            chunked.write(chunk); // 64 KiB at a time, up to 4 MiB
            chunked.waitForBytesWritten(1000);
            // The market's answer, if it has one yet (a few ms, as a client writing on would).
            (void)QTest::qWaitFor([&chunked] { return chunked.bytesAvailable() > 0; }, 5);
            cut += chunked.readAll();
        }
        QTRY_VERIFY_WITH_TIMEOUT((cut += chunked.readAll()).contains("body_too_large")
                                     || chunked.state() == QAbstractSocket::UnconnectedState,
                                 5000);
        QVERIFY2(cut.isEmpty() || cut.startsWith("HTTP/1.1 413"), cut.left(200).constData());
        // The market is fine and nothing was created.
        auto list = m_h->get(u"/api/v1/instances"_s, s.renter.token);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json.value(u"instances"_s).toArray().size(), 0);
    }

    void offersSayWhatEachGpuBrings()
    {
        // DESIGN §9.4: an offer states the instance's share, per GPU on a GPU machine, the
        // whole allowance on a machine without; unknown (null) from an agent that does not say.
        const auto lender = m_h->createAccount(u"lender"_s, {u"lender"_s});
        const auto renter = m_h->createAccount(u"renter"_s, {u"renter"_s});
        const auto host = [&](const QString &name, int gpus, const QJsonObject &extra) {
            auto created = m_h->post(u"/api/v1/hosts"_s, lender.token, {{u"name"_s, name}});
            const qint64 id = created.json[u"host"_s][u"id"_s].toInteger();
            m_h->request("PATCH", u"/api/v1/hosts/%1"_s.arg(id), lender.token,
                         R"({"listed": true, "price_gpu_hour_micro": 1000000})");
            auto agent = std::make_unique<ScriptedAgent>(
                m_h->baseUrl(), created.json[u"token"_s].toString().toLatin1());
            agent->setSpecExtra(extra);
            return agent->connectAndHello(gpus) ? std::move(agent) : nullptr;
        };
        auto gpu = host(u"gpu"_s, 4, {{u"share_cpu_cores"_s, 4}, {u"share_ram_mb"_s, 16384}});
        auto cpu = host(u"cpu"_s, 0, {{u"share_cpu_cores"_s, 2}, {u"share_ram_mb"_s, 4096}});
        auto old = host(u"old"_s, 2, {});
        QVERIFY(gpu && cpu && old);
        auto offers = m_h->get(u"/api/v1/offers"_s, renter.token);
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &o : offers.json[u"offers"_s].toArray())
            byName.insert(o[u"host_name"_s].toString(), o.toObject());
        QCOMPARE(byName.size(), 3);
        QCOMPARE(byName[u"gpu"_s][u"cpu_cores"_s].toInt(), 16); // the machine
        QCOMPARE(byName[u"gpu"_s][u"cpu_cores_per_gpu"_s].toInt(), 4);
        QCOMPARE(byName[u"gpu"_s][u"ram_mb_per_gpu"_s].toInteger(), 16384);
        QCOMPARE(byName[u"cpu"_s][u"cpu_cores"_s].toInt(), 2); // the instance's allowance
        QCOMPARE(byName[u"cpu"_s][u"ram_mb"_s].toInteger(), 4096);
        QVERIFY(byName[u"cpu"_s][u"cpu_cores_per_gpu"_s].isNull());
        QVERIFY(byName[u"old"_s][u"cpu_cores_per_gpu"_s].isNull()); // unknown, never 0
        QVERIFY(byName[u"old"_s][u"ram_mb_per_gpu"_s].isNull());
    }

    void operatorVerifiesAndUnverifiesAHost()
    {
        // `admin verify-host` / `unverify-host` (docs/market.md, "Verified hosts"), the built
        // binary against this market's database: the offer says so, and "verified=true" finds it.
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'000'000));
        const auto admin = [&](const QString &command, const QString &host) {
            QProcess p;
            p.start(QStringLiteral(SUANLI_MARKET_BIN),
                    {u"admin"_s, u"--db"_s, m_h->databaseUrl(), command, host});
            p.waitForFinished(30'000);
            return std::pair{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() +
                                                             p.readAllStandardError())};
        };
        const auto verifiedOffers = [&] {
            return m_h->get(u"/api/v1/offers?q=verified%3Dtrue"_s, s.renter.token)
                .json[u"offers"_s]
                .toArray()
                .size();
        };
        QCOMPARE(verifiedOffers(), 0);
        auto [code, out] = admin(u"verify-host"_s, QString::number(s.hostId));
        QVERIFY2(code == 0, qPrintable(out));
        QVERIFY2(out.contains(u"verified"_s), qPrintable(out));
        QTRY_COMPARE_WITH_TIMEOUT(verifiedOffers(), 1, 5000); // the search cache follows
        QVERIFY(m_h->store().host(s.hostId)->verified);
        std::tie(code, out) = admin(u"unverify-host"_s, QString::number(s.hostId));
        QVERIFY2(code == 0 && out.contains(u"not verified"_s), qPrintable(out));
        QTRY_COMPARE_WITH_TIMEOUT(verifiedOffers(), 0, 5000);
        std::tie(code, out) = admin(u"verify-host"_s, u"999"_s);
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(u"no host 999"_s), qPrintable(out));
        std::tie(code, out) = admin(u"verify-host"_s, u"rig-1"_s);
        QCOMPARE(code, 1);
        QVERIFY2(out.contains(u"usage"_s), qPrintable(out));
    }

    void offersSearchFiltersSortsAndRejectsUnknownFields()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 4, 1'320'000));
        auto all = m_h->get(u"/api/v1/offers"_s, s.renter.token);
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json.value(u"total"_s).toInteger(), 1);
        const QJsonObject offer = all.json.value(u"offers"_s).toArray().first().toObject();
        QCOMPARE(offer.value(u"gpu_model"_s).toString(), u"RTX 3090"_s);
        QCOMPARE(offer.value(u"gpus_free"_s).toInt(), 4);
        QCOMPARE(offer.value(u"price_gpu_hour_micro"_s).toInteger(), 1'320'000);
        QCOMPARE(offer.value(u"perf_tflops"_s).toDouble(), 71.0 * 4);
        auto match = m_h->get(u"/api/v1/offers?q=gpu=rtx_3090%20gpus%3E=2%20price%3C=1.32"_s,
                              s.renter.token);
        QCOMPARE(match.json.value(u"total"_s).toInteger(), 1);
        auto none = m_h->get(u"/api/v1/offers?q=price%3C1.32"_s, s.renter.token);
        QCOMPARE(none.status, 200);
        QCOMPARE(none.json.value(u"total"_s).toInteger(), 0);
        auto unknown = m_h->get(u"/api/v1/offers?q=gpux=1"_s, s.renter.token);
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.errorCode(), u"invalid_query"_s);
        QVERIFY(unknown.json[u"error"_s][u"message"_s].toString().contains(u"gpux"_s));
        auto badOrder = m_h->get(u"/api/v1/offers?order=-nope"_s, s.renter.token);
        QCOMPARE(badOrder.status, 400);
        auto badLimit = m_h->get(u"/api/v1/offers?limit=-3"_s, s.renter.token);
        QCOMPARE(badLimit.status, 400);
        auto images = m_h->get(u"/api/v1/images"_s, s.renter.token);
        QCOMPARE(images.status, 200);
        QVERIFY(images.body.contains("localhost/suanli/base:bookworm"));
    }

    void cachedSearchesSeeEveryOfferChange()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, 1'320'000));
        const QString search = u"/api/v1/offers?q=gpus%3E=1"_s;
        auto gpusFree = [&] {
            auto r = m_h->get(search, s.renter.token);
            const QJsonArray offers = r.json.value(u"offers"_s).toArray();
            return offers.isEmpty() ? -1 : offers.first()[u"gpus_free"_s].toInt();
        };
        QCOMPARE(gpusFree(), 2);
        QCOMPARE(gpusFree(), 2); // answered from the cache
        QVERIFY(m_h->get(u"/metrics"_s, {}).body.contains("suanli_offer_search_cache_hits_total 1"));
        // Taking a GPU, a new price and unlisting each show in the very next search.
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        QCOMPARE(gpusFree(), 1);
        auto priced = m_h->request("PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), s.lender.token,
                                   R"({"price_gpu_hour_micro": 990000})");
        QCOMPARE(priced.status, 200);
        auto r = m_h->get(search, s.renter.token);
        QCOMPARE(r.json[u"offers"_s][0][u"price_gpu_hour_micro"_s].toInteger(), 990'000);
        QCOMPARE(m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(id), s.renter.token).status,
                 202);
        s.agent->report(id, u"destroyed"_s);
        QVERIFY(s.waitForState(*m_h, id, u"destroyed"_s));
        QCOMPARE(gpusFree(), 2);
        QCOMPARE(m_h->request("PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), s.lender.token,
                              R"({"listed": false})").status,
                 200);
        QCOMPARE(gpusFree(), -1);
    }

    void concurrentCreatesForTheLastGpuHaveOneWinner()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        QList<QNetworkReply *> replies;
        const QByteArray body = QJsonDocument(QJsonObject{
            {u"offer_id"_s, s.hostId}, {u"gpu_count"_s, 1},
            {u"image"_s, u"localhost/suanli/base:bookworm"_s}, {u"disk_gb"_s, 10},
            {u"ssh_public_key"_s, testPublicKey()}}).toJson();
        for (int i = 0; i < 6; ++i) {
            QNetworkRequest request(QUrl(m_h->baseUrl() + u"/api/v1/instances"_s));
            request.setRawHeader("Authorization", "Bearer " + s.renter.token);
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            replies.append(m_h->network().post(request, body));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.begin(), replies.end(),
                                             [](QNetworkReply *r) { return r->isFinished(); }),
                                 10000);
        int created = 0, conflicts = 0;
        for (QNetworkReply *r : replies) {
            const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject json = QJsonDocument::fromJson(r->readAll()).object();
            if (status == 201)
                ++created;
            else if (status == 409 && json[u"error"_s][u"code"_s].toString() == u"gpus_unavailable"_s)
                ++conflicts;
            r->deleteLater();
        }
        QCOMPARE(created, 1);
        QCOMPARE(conflicts, 5);
    }

    void idempotencyKeyCreatesOnce()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 2, 1'320'000));
        const QByteArray body = QJsonDocument(QJsonObject{
            {u"offer_id"_s, s.hostId}, {u"gpu_count"_s, 1},
            {u"image"_s, u"localhost/suanli/base:bookworm"_s}, {u"disk_gb"_s, 10},
            {u"ssh_public_key"_s, testPublicKey()}}).toJson();
        auto first = m_h->request("POST", u"/api/v1/instances"_s, s.renter.token, body,
                                  {{"Idempotency-Key", "launch-42"}});
        auto second = m_h->request("POST", u"/api/v1/instances"_s, s.renter.token, body,
                                   {{"Idempotency-Key", "launch-42"}});
        QCOMPARE(first.status, 201);
        QCOMPARE(second.status, 201);
        QCOMPARE(second.json.value(u"id"_s), first.json.value(u"id"_s));
        auto list = m_h->get(u"/api/v1/instances"_s, s.renter.token);
        QCOMPARE(list.json.value(u"instances"_s).toArray().size(), 1);
    }

    void renterCannotTouchAnotherRentersInstance()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        auto mallory = m_h->createAccount(u"mallory"_s, {u"renter"_s}, 10 * kMicroPerUnit);
        for (const auto &[method, path] : QList<QPair<QByteArray, QString>>{
                 {"GET", u"/api/v1/instances/%1"_s}, {"POST", u"/api/v1/instances/%1/stop"_s},
                 {"DELETE", u"/api/v1/instances/%1"_s}, {"GET", u"/api/v1/instances/%1/logs"_s}}) {
            auto r = m_h->request(method, path.arg(id), mallory.token);
            QCOMPARE(r.status, 404);
        }
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"running"_s);
        auto hostsOfOthers = m_h->request("PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), mallory.token,
                                          "{\"listed\":false}");
        QCOMPARE(hostsOfOthers.status, 404);
    }

    void hostTokenCannotReportOnAnotherHostsInstance()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        auto other = m_h->post(u"/api/v1/hosts"_s, s.lender.token, {{u"name"_s, u"rig-2"_s}});
        ScriptedAgent intruder(m_h->baseUrl(), other.json.value(u"token"_s).toString().toLatin1());
        QVERIFY(intruder.connectAndHello(1));
        intruder.report(id, u"stopped"_s);
        const QJsonObject error = intruder.take(u"error"_s);
        QCOMPARE(error[u"error"_s][u"code"_s].toString(), u"forbidden"_s);
        QCOMPARE(protocol::toString(m_h->store().instance(id)->state), u"running"_s);
        // An account token cannot open the agent channel.
        ScriptedAgent impostor(m_h->baseUrl(), s.renter.token);
        QVERIFY(!impostor.connectAndHello(1));
    }

    void vouchersRedeemOnce()
    {
        auto a = m_h->createAccount(u"bob"_s, {u"renter"_s});
        QVERIFY(m_h->store().createVoucher(u"WELCOME-0001"_s, 20 * kMicroPerUnit));
        auto r = m_h->post(u"/api/v1/vouchers/redeem"_s, a.token, {{u"code"_s, u"WELCOME-0001"_s}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(u"balance_micro"_s).toInteger(), 20 * kMicroPerUnit);
        auto again = m_h->post(u"/api/v1/vouchers/redeem"_s, a.token, {{u"code"_s, u"WELCOME-0001"_s}});
        QCOMPARE(again.status, 409);
        QCOMPARE(again.errorCode(), u"voucher_redeemed"_s);
        auto unknown = m_h->post(u"/api/v1/vouchers/redeem"_s, a.token, {{u"code"_s, u"NOPE"_s}});
        QCOMPARE(unknown.status, 404);
        QCOMPARE(m_h->store().account(a.id)->balance_micro, 20 * kMicroPerUnit);
    }

    void eventsSocketSeesInstanceChanges()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        EventListener events(m_h->baseUrl(), s.renter.token);
        QVERIFY(events.waitConnected());
        QVERIFY(!events.take(u"balance"_s).isEmpty());
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        auto running = events.take(u"instance"_s, 5000, [](const QJsonObject &e) {
            return e[u"instance"_s][u"state"_s].toString() == u"running"_s;
        });
        QVERIFY(!running.isEmpty());
        QCOMPARE(running[u"instance"_s][u"ssh"_s][u"host_key"_s].toString(), testPublicKey());
        // Telemetry is relayed live and kept as history.
        s.agent->send(
            {{u"type"_s, u"telemetry"_s},
             {u"samples"_s, QJsonArray{QJsonObject{
                                {u"instance_id"_s, id},
                                {u"at"_s, m_h->clock().nowUtc().toString(Qt::ISODateWithMs)},
                                {u"gpus"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                                                   {u"utilization_pct"_s, 97.0},
                                                                   {u"memory_used_mb"_s, 20000},
                                                                   {u"temperature_c"_s, 71.0},
                                                                   {u"power_w"_s, 330.0}}}},
                                {u"cpu_pct"_s, 150.0},
                                {u"memory_used_mb"_s, 8000},
                                {u"ssh_sessions"_s, 1}}}}});
        auto sample = events.take(u"telemetry"_s);
        QCOMPARE(sample[u"sample"_s][u"gpus"_s][0][u"utilization_pct"_s].toDouble(), 97.0);
        m_h->market().flushTelemetry();
        auto history = m_h->get(u"/api/v1/instances/%1/telemetry"_s.arg(id), s.renter.token);
        QCOMPARE(history.status, 200);
        QCOMPARE(history.json.value(u"samples"_s).toArray().size(), 1);
        // Unauthenticated event sockets are closed.
        EventListener anonymous(m_h->baseUrl(), "sk_bad");
        QSignalSpy closed(&anonymous.socket(), &QWebSocket::disconnected);
        QVERIFY(closed.wait(5000));
    }

    void ledgerCsvAndEarnings()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        const qint64 id = s.launch(*m_h);
        QVERIFY(id);
        m_h->clock().advanceSeconds(3600);
        m_h->market().runBilling();
        auto ledger = m_h->get(u"/api/v1/ledger"_s, s.renter.token);
        QCOMPARE(ledger.status, 200);
        const QJsonArray entries = ledger.json.value(u"entries"_s).toArray();
        QCOMPARE(entries.last()[u"amount_micro"_s].toInteger(), -1'320'000);
        QCOMPARE(entries.last()[u"idempotency_key"_s].toString(), u"lease:%1:accrual:1"_s.arg(id));
        auto csv = m_h->get(u"/api/v1/ledger.csv"_s, s.renter.token);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.body.startsWith("id,at,kind,amount_micro"));
        QVERIFY(csv.body.contains("-1320000"));
        auto earnings = m_h->get(u"/api/v1/earnings"_s, s.lender.token);
        QCOMPARE(earnings.json.value(u"total_micro"_s).toInteger(), 1'188'000);
        QCOMPARE(earnings.json[u"hosts"_s][0][u"earned_micro"_s].toInteger(), 1'188'000);
        // A time without an offset is UTC, the market's clock: the accrual is at or after it.
        const QString at = entries.last()[u"at"_s].toString();
        QVERIFY(at.endsWith(u'Z'));
        const QByteArray zone = qgetenv("TZ");
        qputenv("TZ", "Asia/Shanghai"); // UTC+8: a local reading would be 8 hours off
        tzset();
        auto hasAccrual = [&](const QString &since) {
            auto r = m_h->get(u"/api/v1/ledger?since="_s + since, s.renter.token);
            const QJsonArray list = r.json.value(u"entries"_s).toArray();
            return std::any_of(list.begin(), list.end(), [&](const QJsonValue &e) {
                return e[u"idempotency_key"_s].toString() == u"lease:%1:accrual:1"_s.arg(id);
            });
        };
        const QDateTime accrued = QDateTime::fromString(at, Qt::ISODateWithMs);
        const bool atItsTime = hasAccrual(at.chopped(1));
        const bool aSecondLater =
            hasAccrual(accrued.addSecs(1).toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s));
        qputenv("TZ", zone);
        tzset();
        QVERIFY(atItsTime);
        QVERIFY(!aSecondLater);
    }

    void lendersCannotRentAndAppsThatStopAnsweringAreDropped()
    {
        Scenario s;
        QVERIFY(s.setUp(*m_h, 1, 1'320'000));
        auto lenderRents = m_h->post(u"/api/v1/instances"_s, s.lender.token,
                                     {{u"offer_id"_s, s.hostId}, {u"gpu_count"_s, 1},
                                      {u"image"_s, u"localhost/suanli/base:bookworm"_s},
                                      {u"disk_gb"_s, 10}, {u"ssh_public_key"_s, testPublicKey()}});
        QCOMPARE(lenderRents.status, 403);
        QCOMPARE(lenderRents.errorCode(), u"forbidden"_s);
        // A live app answers pings and stays; one that stops reading is dropped.
        EventListener events(m_h->baseUrl(), s.renter.token);
        QVERIFY(events.waitConnected());
        QSignalSpy appDropped(&events.socket(), &QWebSocket::disconnected);
        m_h->market().pingApps();
        QVERIFY(!appDropped.wait(200)); // the client's pong comes back
        m_h->market().pingApps();
        QVERIFY(!appDropped.wait(200));
        QCOMPARE(events.socket().state(), QAbstractSocket::ConnectedState);
        // A bare WebSocket client that never answers, as a laptop gone to sleep.
        const QUrl base(m_h->baseUrl());
        QTcpSocket silent;
        silent.connectToHost(base.host(), quint16(base.port()));
        QVERIFY(silent.waitForConnected(5000));
        silent.write("GET /api/v1/events HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                     "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer "
                     + s.renter.token + "\r\n\r\n");
        QByteArray handshake;
        QTRY_VERIFY_WITH_TIMEOUT((handshake += silent.readAll()).contains("\r\n\r\n"), 5000);
        QVERIFY(handshake.startsWith("HTTP/1.1 101"));
        QSignalSpy dropped(&silent, &QTcpSocket::disconnected);
        m_h->market().pingApps();
        QVERIFY(!dropped.wait(200)); // one unanswered ping is not enough
        m_h->market().pingApps();
        QVERIFY(dropped.count() || dropped.wait(5000));
    }

    void servesHttpsWithTls()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(u"cert.pem"_s), key = dir.filePath(u"key.pem"_s);
        const int rc = QProcess::execute(u"openssl"_s,
            {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s,
             u"-nodes"_s, u"-keyout"_s, key, u"-out"_s, cert, u"-days"_s, u"1"_s, u"-subj"_s,
             u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
        QCOMPARE(rc, 0);
        QProcess market;
        market.setProgram(QCoreApplication::applicationDirPath() +
                          u"/../../server/suanli-market"_s);
        market.setArguments({u"serve"_s, u"--db"_s, u"sqlite:"_s + dir.filePath(u"tls.db"_s),
                             u"--listen"_s, u"127.0.0.1:0"_s, u"--tls-cert"_s, cert,
                             u"--tls-key"_s, key});
        market.start();
        QVERIFY(market.waitForReadyRead(10000));
        const QString line = QString::fromUtf8(market.readLine()).trimmed();
        QVERIFY2(line.contains(u"https://"_s), qPrintable(line));
        const QString url = line.section(u' ', -1) + u"/healthz"_s;
        QNetworkRequest request{QUrl(url)};
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(cert));
        request.setSslConfiguration(ssl);
        QNetworkReply *reply = m_h->network().get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QVERIFY(reply->readAll().contains("ok"));
        reply->deleteLater();
        market.terminate();
        market.waitForFinished(5000);
    }

private:
    std::unique_ptr<MarketHarness> m_h;
};

SUANLI_TEST_MAIN(TestMarketApi)
#include "tst_market_api.moc"
