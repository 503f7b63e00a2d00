#include "client/marketclient.h"
#include "protocol/json.h"

#include "asyncresult.h"
#include "support/marketharness.h"
#include "support/marketscenario.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::protocol;
using namespace suanli::client;
using namespace suanli::testing;

class TestMarketClient : public QObject
{
    Q_OBJECT
private slots:
    void meRequestAndBadToken()
    {
        MarketHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        auto renter = h.createAccount(u"ann"_s, {u"renter"_s}, 5 * kMicroPerUnit);
        QNetworkAccessManager network;
        MarketClient client(&network);
        client.setMarket(QUrl(h.baseUrl()), renter.token);
        Async<Account> me;
        client.me(me.context(), me.callback());
        auto account = me.wait();
        QVERIFY2(account.ok(), why(account).constData());
        QCOMPARE(account->name, u"ann"_s);
        QCOMPARE(account->balance_micro, 5 * kMicroPerUnit);
        QCOMPARE(account->currency, u"CNY"_s);

        // request(): the raw body of a 2xx, the market's own error otherwise.
        Async<QByteArray> raw;
        client.request("PATCH", u"/api/v1/me"_s, {}, R"({"low_balance_micro":3000000})",
                       raw.context(), raw.callback());
        auto patched = raw.wait();
        QVERIFY2(patched.ok(), why(patched).constData());
        auto json = protocol::parseJsonObject(*patched);
        QVERIFY(json.ok());
        QCOMPARE(json->value(u"low_balance_micro"_s).toInteger(), 3'000'000);
        client.request("GET", u"/api/v1/instances/424242/events"_s, {}, {}, raw.context(),
                       raw.callback());
        auto missing = raw.wait();
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, u"not_found"_s);
        QCOMPARE(missing.error().message, u"no such instance"_s);

        client.setMarket(QUrl(h.baseUrl()), "sk_" + QByteArray(43, 'x'));
        client.me(me.context(), me.callback());
        auto refused = me.wait();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"unauthorized"_s);
    }

    void marketInfoSignUpSignInAndKeys()
    {
        server::MarketPolicy policy;
        policy.signup = u"open"_s;
        policy.retentionDays = 9;
        MarketHarness h(policy);
        QVERIFY2(h.ok(), qPrintable(h.error()));
        QNetworkAccessManager network;
        MarketClient anonymous(&network);
        anonymous.setMarket(QUrl(h.baseUrl()), {});

        // The market's facts, asked without a token.
        Async<MarketInfo> info;
        anonymous.marketInfo(info.context(), info.callback());
        auto market = info.wait();
        QVERIFY2(market.ok(), why(market).constData());
        QCOMPARE(market->retention_days, 9);
        QCOMPARE(market->signup, u"open"_s);
        QCOMPARE(market->currency, u"CNY"_s);

        // Sign-up: a weak password and a taken name are refused with their codes.
        Async<IssuedToken> issued;
        anonymous.signUp({u"bea"_s, u"short"_s, {u"renter"_s}, {}}, issued.context(),
                         issued.callback());
        auto weak = issued.wait();
        QVERIFY(!weak.ok());
        QCOMPARE(weak.error().code, u"weak_password"_s);
        anonymous.signUp({u"bea"_s, u"correct horse"_s, {u"renter"_s, u"lender"_s}, {}},
                         issued.context(), issued.callback());
        auto first = issued.wait();
        QVERIFY2(first.ok(), why(first).constData());
        QVERIFY(first->token.startsWith(u"sk_"_s));
        anonymous.signUp({u"bea"_s, u"correct horse"_s, {}, {}}, issued.context(),
                         issued.callback());
        auto taken = issued.wait();
        QVERIFY(!taken.ok());
        QCOMPARE(taken.error().code, u"account_exists"_s);

        // Sign-in: a wrong password says so; the right one gives a key with our label.
        anonymous.signIn({u"bea"_s, u"wrong horse"_s, u"laptop"_s}, issued.context(),
                         issued.callback());
        auto wrong = issued.wait();
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, u"invalid_credentials"_s);
        anonymous.signIn({u"bea"_s, u"correct horse"_s, u"laptop"_s}, issued.context(),
                         issued.callback());
        auto laptop = issued.wait();
        QVERIFY2(laptop.ok(), why(laptop).constData());

        MarketClient client(&network);
        client.setMarket(QUrl(h.baseUrl()), laptop->token.toLatin1());
        Async<Account> me;
        client.me(me.context(), me.callback());
        auto account = me.wait();
        QVERIFY2(account.ok(), why(account).constData());
        QCOMPARE(account->name, u"bea"_s);

        // Keys: listed by prefix only; a new one with an expiry; revoked, it stops at once.
        Async<QList<ApiToken>> list;
        client.tokens(list.context(), list.callback());
        auto keys = list.wait();
        QVERIFY2(keys.ok(), why(keys).constData());
        QCOMPARE(keys->size(), 2);
        const auto byId = [](const QList<ApiToken> &all, qint64 id) -> std::optional<ApiToken> {
            for (const ApiToken &key : all) {
                if (key.id == id)
                    return key;
            }
            return std::nullopt;
        };
        auto own = byId(*keys, laptop->id);
        QVERIFY(own.has_value());
        QCOMPARE(own->label, u"laptop"_s);
        QCOMPARE(own->prefix, laptop->token.left(12));
        QVERIFY(!own->expires_at.isValid());
        QVERIFY(own->created_at.isValid());

        client.createToken({u"ci"_s, 86400}, issued.context(), issued.callback());
        auto ci = issued.wait();
        QVERIFY2(ci.ok(), why(ci).constData());
        client.tokens(list.context(), list.callback());
        keys = list.wait();
        QVERIFY(keys.ok());
        QCOMPARE(keys->size(), 3);
        auto ciKey = byId(*keys, ci->id);
        QVERIFY(ciKey.has_value());
        QCOMPARE(ciKey->label, u"ci"_s);
        QVERIFY(ciKey->expires_at.isValid());

        MarketClient ciClient(&network);
        ciClient.setMarket(QUrl(h.baseUrl()), ci->token.toLatin1());
        ciClient.me(me.context(), me.callback());
        QVERIFY(me.wait().ok());
        Async<void> revoked;
        client.revokeToken(ci->id, revoked.context(), revoked.callback());
        auto gone = revoked.wait();
        QVERIFY2(gone.ok(), why(gone).constData());
        ciClient.me(me.context(), me.callback());
        auto refused = me.wait();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, u"unauthorized"_s);

        // A password change keeps the key that asked and revokes every other one.
        Async<qint64> changed;
        client.changePassword({u"wrong horse"_s, u"battery staple"_s}, changed.context(),
                              changed.callback());
        auto badOld = changed.wait();
        QVERIFY(!badOld.ok());
        client.changePassword({u"correct horse"_s, u"battery staple"_s}, changed.context(),
                              changed.callback());
        auto count = changed.wait();
        QVERIFY2(count.ok(), why(count).constData());
        QCOMPARE(*count, 1); // the sign-up key
        client.me(me.context(), me.callback());
        QVERIFY(me.wait().ok());
        client.tokens(list.context(), list.callback());
        keys = list.wait();
        QVERIFY(keys.ok());
        QCOMPARE(keys->size(), 1);
        QCOMPARE(keys->first().id, laptop->id);
        anonymous.signIn({u"bea"_s, u"battery staple"_s, u"desk"_s}, issued.context(),
                         issued.callback());
        QVERIFY(issued.wait().ok());
    }

    void offersImagesAndQueryErrors()
    {
        MarketHarness h;
        QVERIFY(h.ok());
        Scenario s;
        QVERIFY(s.setUp(h, 4, 1'320'000));
        QNetworkAccessManager network;
        MarketClient client(&network);
        client.setMarket(QUrl(h.baseUrl()), s.renter.token);

        Async<OfferPage> page;
        client.offers(u"gpu=RTX_3090 gpus>=2 price<1.5"_s, u"price"_s, 50, 0, page.context(), page.callback());
        auto offers = page.wait();
        QVERIFY2(offers.ok(), why(offers).constData());
        QCOMPARE(offers->total, 1);
        QCOMPARE(offers->offers.first().gpus_total, 4);
        QCOMPARE(offers->offers.first().price_gpu_hour_micro, 1'320'000);

        client.offers(u"gpus>=2 pric<2"_s, {}, 50, 0, page.context(), page.callback());
        auto bad = page.wait();
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, u"invalid_query"_s);
        QCOMPARE(bad.error().position, 8);

        Async<QList<Image>> images;
        client.images(images.context(), images.callback());
        auto list = images.wait();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 1);
        QVERIFY(list->first().has_jupyter);
    }

    void createIsIdempotentAndLifecycle()
    {
        MarketHarness h;
        QVERIFY(h.ok());
        Scenario s;
        QVERIFY(s.setUp(h, 1, 1'000'000));
        QNetworkAccessManager network;
        MarketClient client(&network);
        client.setMarket(QUrl(h.baseUrl()), s.renter.token);

        CreateInstanceRequest request;
        request.offer_id = s.hostId;
        request.gpu_count = 1;
        request.image = u"localhost/suanli/base:bookworm"_s;
        request.disk_gb = 20;
        request.ssh_public_key = testPublicKey();
        request.label = u"job"_s;
        Async<Instance> created;
        client.createInstance(request, u"key-1"_s, created.context(), created.callback());
        auto first = created.wait();
        QVERIFY2(first.ok(), why(first).constData());
        client.createInstance(request, u"key-1"_s, created.context(), created.callback());
        auto again = created.wait();
        QVERIFY(again.ok());
        QCOMPARE(again->id, first->id); // the market answered the repeat with the first reply

        // The only GPU is taken: a second create with another key is refused.
        client.createInstance(request, u"key-2"_s, created.context(), created.callback());
        auto taken = created.wait();
        QVERIFY(!taken.ok());
        QCOMPARE(taken.error().code, u"gpus_unavailable"_s);

        const QJsonObject command = s.agent->take(u"command"_s);
        s.agent->report(first->id, u"running"_s, {}, command.value(u"id"_s).toString());
        QVERIFY(s.waitForState(h, first->id, u"running"_s));

        Async<QList<Instance>> list;
        client.instances(list.context(), list.callback());
        auto mine = list.wait();
        QVERIFY(mine.ok());
        QCOMPARE(mine->size(), 1);
        QCOMPARE(mine->first().label, u"job"_s);

        client.stopInstance(first->id, created.context(), created.callback());
        auto stopping = created.wait();
        QVERIFY(stopping.ok());
        QCOMPARE(int(stopping->state), int(protocol::InstanceState::Stopping));
        client.destroyInstance(first->id, created.context(), created.callback());
        auto destroying = created.wait();
        QVERIFY(destroying.ok());
        QCOMPARE(int(destroying->state), int(protocol::InstanceState::Destroying));

        Async<QStringList> logs;
        client.logs(first->id, 10, logs.context(), logs.callback());
        QVERIFY(logs.wait().ok());
    }

    void ledgerCsvAndVouchers()
    {
        MarketHarness h;
        QVERIFY(h.ok());
        auto renter = h.createAccount(u"ann"_s, {u"renter"_s}, 1 * kMicroPerUnit);
        QVERIFY(h.store().createVoucher(u"TEST-VOUCHER"_s, 20 * kMicroPerUnit).ok());
        QNetworkAccessManager network;
        MarketClient client(&network);
        client.setMarket(QUrl(h.baseUrl()), renter.token);

        Async<Balance> redeem;
        client.redeemVoucher(u"TEST-VOUCHER"_s, redeem.context(), redeem.callback());
        auto balance = redeem.wait();
        QVERIFY2(balance.ok(), why(balance).constData());
        QCOMPARE(balance->balance_micro, 21 * kMicroPerUnit);
        client.redeemVoucher(u"TEST-VOUCHER"_s, redeem.context(), redeem.callback());
        QCOMPARE(redeem.wait().error().code, u"voucher_redeemed"_s);
        client.redeemVoucher(u"NO-SUCH"_s, redeem.context(), redeem.callback());
        QCOMPARE(redeem.wait().error().code, u"voucher_not_found"_s);

        Async<QList<LedgerEntry>> ledger;
        client.ledger(0, 100, ledger.context(), ledger.callback());
        auto entries = ledger.wait();
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->last().kind, u"voucher"_s);
        client.ledger(entries->first().id, 100, ledger.context(), ledger.callback());
        QCOMPARE(ledger.wait()->size(), 1);

        Async<QByteArray> csv;
        client.ledgerCsv(csv.context(), csv.callback());
        auto text = csv.wait();
        QVERIFY(text.ok());
        QVERIFY(text->startsWith("id,at,kind,amount_micro"));
        QCOMPARE(text->count("\r\n"), 3);
    }

    void errorWithoutJsonBodyNamesTheStatus()
    {
        // Answers every request with a plain-text 418, as a proxy in front of the market might.
        QTcpServer teapot;
        QVERIFY(teapot.listen(QHostAddress::LocalHost));
        connect(&teapot, &QTcpServer::newConnection, &teapot, [&teapot] {
            QTcpSocket *socket = teapot.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->write("HTTP/1.1 418 I'm a teapot\r\nContent-Type: text/plain\r\n"
                              "Content-Length: 6\r\nConnection: close\r\n\r\nteapot");
                socket->disconnectFromHost();
            }, Qt::SingleShotConnection);
        });
        QNetworkAccessManager network;
        MarketClient client(&network);
        client.setMarket(QUrl(u"http://127.0.0.1:%1"_s.arg(teapot.serverPort())), "sk_x");
        Async<QByteArray> raw;
        client.request("GET", u"/api/v1/me"_s, {}, {}, raw.context(), raw.callback());
        auto r = raw.wait();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"http_418"_s);
        QVERIFY2(r.error().message.contains(u"418"_s), why(r).constData());
    }

    void networkErrorsAfterRetries()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close(); // nothing listens there now
        QNetworkAccessManager network;
        MarketClient client(&network);
        client.setMarket(QUrl(u"http://127.0.0.1:%1"_s.arg(port)), "sk_x");
        client.setRetryDelay(20);
        QSignalSpy reachable(&client, &MarketClient::reachableChanged);
        Async<Account> me;
        client.me(me.context(), me.callback());
        auto r = me.wait();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"network_error"_s);
        QCOMPARE(reachable.size(), 1);
        QCOMPARE(reachable.first().first().toBool(), false);
    }

    void timesOut()
    {
        // Accepts connections and never answers.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QNetworkAccessManager network;
        MarketClient client(&network);
        client.setMarket(QUrl(u"http://127.0.0.1:%1"_s.arg(silent.serverPort())), "sk_x");
        client.setTimeout(300);
        client.setRetries(1);
        client.setRetryDelay(10);
        Async<Account> me;
        QElapsedTimer timer;
        timer.start();
        client.me(me.context(), me.callback());
        auto r = me.wait();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, u"timeout"_s);
        QVERIFY(timer.elapsed() >= 600); // two attempts
    }

    void noCallbackAfterContextIsGone()
    {
        MarketHarness h;
        QVERIFY(h.ok());
        auto renter = h.createAccount(u"ann"_s, {u"renter"_s});
        QNetworkAccessManager network;
        MarketClient client(&network);
        client.setMarket(QUrl(h.baseUrl()), renter.token);
        bool called = false;
        {
            QObject context;
            client.me(&context, [&called](Result<Account>) { called = true; });
        }
        QVERIFY(!QTest::qWaitFor([&called] { return called; }, 300));
    }
};

QTEST_GUILESS_MAIN(TestMarketClient)
#include "tst_marketclient.moc"
