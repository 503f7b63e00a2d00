// Accounts people make and the keys they manage (docs/market.md, "Accounts and keys"), over real
// HTTP and WebSockets on a real market: sign-up in each --signup mode, sign-in, the attempt
// limits on the market's clock, named keys (list, create with expiry, revoke), the password
// change that revokes every other key, event sockets of revoked and expired keys closed (by this
// process, by an admin command in another process, by a second market process on PostgreSQL),
// and passwords never stored in clear. SQLite, and PostgreSQL as tst_market_accounts_postgres.

#include "support/marketharness.h"
#include "support/testmain.h"

#include "protocol/json.h"
#include "server/passwords.h"
#include "server/sessionhandlers.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;
using server::SessionHandlers;

namespace {

server::MarketPolicy withSignup(const QString &mode)
{
    server::MarketPolicy policy;
    policy.signup = mode;
    return policy;
}

QJsonObject credentials(const QString &name, const QString &password, const QString &label = {})
{
    QJsonObject body{{u"name"_s, name}, {u"password"_s, password}};
    if (!label.isEmpty())
        body.insert(u"label"_s, label);
    return body;
}

} // namespace

class TestMarketAccounts : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { m_h.reset(); }

    void marketSaysWhatItIs()
    {
        start(u"invite"_s);
        const auto info = m_h->get(u"/api/v1/market"_s, {});
        QCOMPARE(info.status, 200);
        QCOMPARE(info.json.value(u"currency"_s).toString(), u"CNY"_s);
        QCOMPARE(info.json.value(u"platform_fee"_s).toDouble(), 0.1);
        QCOMPARE(info.json.value(u"retention_days"_s).toInteger(), 15);
        QCOMPARE(info.json.value(u"signup"_s).toString(), u"invite"_s);
        QCOMPARE(info.json.value(u"payout_hold_days"_s).toInteger(), 7);
        QVERIFY(!info.json.value(u"version"_s).toString().isEmpty());
    }

    void closedMarketRefusesSignUp()
    {
        start(u"closed"_s);
        const auto r =
            m_h->post(u"/api/v1/accounts"_s, {}, credentials(u"ann"_s, u"long enough"_s));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), u"signup_closed"_s);
        QVERIFY(!m_h->store().findAccount(u"ann"_s));
    }

    void openSignUpMakesAnAccountAndItsFirstKey()
    {
        start(u"open"_s);
        QJsonObject body = credentials(u"ann"_s, u"correct horse"_s);
        body.insert(u"roles"_s, QJsonArray{u"renter"_s, u"lender"_s});
        const auto r = m_h->post(u"/api/v1/accounts"_s, {}, body);
        QCOMPARE(r.status, 201);
        const QByteArray token = r.json.value(u"token"_s).toString().toLatin1();
        QVERIFY(token.startsWith("sk_"));
        const auto me = m_h->get(u"/api/v1/me"_s, token);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json.value(u"id"_s).toInteger(), r.json.value(u"id"_s).toInteger());
        QCOMPARE(me.json.value(u"name"_s).toString(), u"ann"_s);
        QCOMPARE(me.json.value(u"roles"_s).toArray(), (QJsonArray{u"renter"_s, u"lender"_s}));
        const auto keys = m_h->get(u"/api/v1/tokens"_s, token);
        QCOMPARE(keys.json.value(u"tokens"_s).toArray().size(), 1);
        QCOMPARE(keys.json.value(u"tokens"_s).toArray()[0].toObject().value(u"label"_s).toString(),
                 u"sign-up"_s);

        // What a sign-up may not do; each refusal makes no account.
        const auto taken =
            m_h->post(u"/api/v1/accounts"_s, {}, credentials(u"ann"_s, u"other password"_s));
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.errorCode(), u"account_exists"_s);
        QJsonObject admin = credentials(u"eve"_s, u"long enough"_s);
        admin.insert(u"roles"_s, QJsonArray{u"admin"_s});
        const auto asAdmin = m_h->post(u"/api/v1/accounts"_s, {}, admin);
        QCOMPARE(asAdmin.status, 422);
        QCOMPARE(asAdmin.json.value(u"error"_s).toObject().value(u"field"_s).toString(),
                 u"roles"_s);
        const auto weak = m_h->post(u"/api/v1/accounts"_s, {}, credentials(u"eve"_s, u"short"_s));
        QCOMPARE(weak.status, 422);
        QCOMPARE(weak.errorCode(), u"weak_password"_s);
        for (const QString &name :
             {u"e"_s, u"-eve"_s, u"eve smith"_s, u"e/../x"_s, QString(65, u'e')}) {
            const auto bad =
                m_h->post(u"/api/v1/accounts"_s, {}, credentials(name, u"long enough"_s));
            QVERIFY2(bad.status == 422 && bad.errorCode() == "invalid_name"_L1, qPrintable(name));
        }
        const auto malformed = m_h->request("POST", u"/api/v1/accounts"_s, {}, "{\"name\":");
        QCOMPARE(malformed.status, 400);
        QCOMPARE(malformed.errorCode(), u"malformed_json"_s);
        const auto wrongType = m_h->request("POST", u"/api/v1/accounts"_s, {},
                                            R"({"name":"eve","password":12345678})");
        QCOMPARE(wrongType.status, 422);
        QCOMPARE(wrongType.errorCode(), u"invalid_type"_s);
        QVERIFY(!m_h->store().findAccount(u"eve"_s));
        // Chinese names are names.
        QCOMPARE(m_h->post(u"/api/v1/accounts"_s, {}, credentials(u"算力用户"_s, u"long enough"_s))
                     .status,
                 201);
    }

    void inviteIsNeededAndUsedOnce()
    {
        start(u"invite"_s);
        QVERIFY(m_h->store().createInvite(u"INV-TEST1"_s, m_h->clock().nowMs()));
        const auto none =
            m_h->post(u"/api/v1/accounts"_s, {}, credentials(u"ann"_s, u"long enough"_s));
        QCOMPARE(none.status, 403);
        QCOMPARE(none.errorCode(), u"invite_required"_s);
        QJsonObject body = credentials(u"ann"_s, u"long enough"_s);
        body.insert(u"invite"_s, u"INV-NOPE"_s);
        QCOMPARE(m_h->post(u"/api/v1/accounts"_s, {}, body).errorCode(), u"invalid_invite"_s);
        QVERIFY(!m_h->store().findAccount(u"ann"_s)); // the failed invite undid the account
        body.insert(u"invite"_s, u"INV-TEST1"_s);
        QCOMPARE(m_h->post(u"/api/v1/accounts"_s, {}, body).status, 201);
        QJsonObject again = credentials(u"bob"_s, u"long enough"_s);
        again.insert(u"invite"_s, u"INV-TEST1"_s);
        const auto reused = m_h->post(u"/api/v1/accounts"_s, {}, again);
        QCOMPARE(reused.status, 403);
        QCOMPARE(reused.errorCode(), u"invalid_invite"_s);
        QVERIFY(!m_h->store().findAccount(u"bob"_s));
    }

    void signInIssuesANamedKeyAndSaysNothingMore()
    {
        start(u"open"_s);
        QCOMPARE(
            m_h->post(u"/api/v1/accounts"_s, {}, credentials(u"ann"_s, u"correct horse"_s)).status,
            201);
        const auto wrongPassword =
            m_h->post(u"/api/v1/sessions"_s, {}, credentials(u"ann"_s, u"wrong horse"_s));
        const auto unknownName =
            m_h->post(u"/api/v1/sessions"_s, {}, credentials(u"nobody"_s, u"wrong horse"_s));
        QCOMPARE(wrongPassword.status, 401);
        QCOMPARE(wrongPassword.errorCode(), u"invalid_credentials"_s);
        QCOMPARE(unknownName.body, wrongPassword.body); // byte for byte: nothing tells them apart
        // An account the operator made has no password: nothing signs in as it.
        m_h->createAccount(u"ops"_s, {u"renter"_s});
        QCOMPARE(m_h->post(u"/api/v1/sessions"_s, {}, credentials(u"ops"_s, QString())).body,
                 wrongPassword.body);

        const auto in = m_h->post(u"/api/v1/sessions"_s, {},
                                  credentials(u"ann"_s, u"correct horse"_s, u"lab-pc"_s));
        QCOMPARE(in.status, 201);
        const QByteArray token = in.json.value(u"token"_s).toString().toLatin1();
        QCOMPARE(m_h->get(u"/api/v1/me"_s, token).json.value(u"name"_s).toString(), u"ann"_s);
        const auto keys = m_h->get(u"/api/v1/tokens"_s, token);
        QCOMPARE(keys.status, 200);
        const QJsonArray list = keys.json.value(u"tokens"_s).toArray();
        QCOMPARE(list.size(), 2); // the sign-up's and this one, newest first
        const QJsonObject mine = list[0].toObject();
        QCOMPARE(mine.value(u"id"_s).toInteger(), in.json.value(u"id"_s).toInteger());
        QCOMPARE(mine.value(u"label"_s).toString(), u"lab-pc"_s);
        QCOMPARE(mine.value(u"prefix"_s).toString(), QString::fromLatin1(token.left(12)));
        QVERIFY(mine.value(u"expires_at"_s).isNull());
        QVERIFY(!mine.value(u"created_at"_s).toString().isEmpty());
        // The list never holds a key, only its first 12 characters.
        QVERIFY(!keys.body.contains(token.mid(12, 16)));
    }

    void attemptsAreLimitedPerNameAndPerAddress()
    {
        start(u"open"_s);
        for (const QString &name : {u"ann"_s, u"bob"_s})
            QCOMPARE(
                m_h->post(u"/api/v1/accounts"_s, {}, credentials(name, u"correct horse"_s)).status,
                201);
        auto signIn = [this](const QString &name, const QString &password) {
            return m_h->post(u"/api/v1/sessions"_s, {}, credentials(name, password));
        };
        // A success clears the name's count: four failures, a success, four failures, all told.
        for (int i = 0; i < 4; ++i)
            QCOMPARE(signIn(u"ann"_s, u"wrong horse"_s).status, 401);
        QCOMPARE(signIn(u"ann"_s, u"correct horse"_s).status, 201);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(signIn(u"ann"_s, u"wrong horse"_s).status, 401);
        // The fifth failure in the window locks the name, the right password included.
        QCOMPARE(signIn(u"ann"_s, u"wrong horse"_s).status, 401);
        const auto locked = signIn(u"ann"_s, u"correct horse"_s);
        QCOMPARE(locked.status, 429);
        QCOMPARE(locked.errorCode(), u"too_many_attempts"_s);
        QVERIFY(locked.json.value(u"error"_s)
                    .toObject()
                    .value(u"message"_s)
                    .toString()
                    .contains(u"15 minutes"_s));
        QCOMPARE(signIn(u"bob"_s, u"correct horse"_s).status, 201); // another name is not locked
        // 15 minutes after the oldest of the five, the name may try again.
        m_h->clock().advanceMs(SessionHandlers::kFailureWindowMs + 1000);
        QCOMPARE(signIn(u"ann"_s, u"correct horse"_s).status, 201);

        // Per address: 20 failures over any names lock every name from here.
        for (int i = 0; i < SessionHandlers::kAddressLimit; ++i)
            QCOMPARE(signIn(u"guess%1"_s.arg(i), u"wrong horse"_s).status, 401);
        QCOMPARE(signIn(u"bob"_s, u"correct horse"_s).status, 429);
        m_h->clock().advanceMs(SessionHandlers::kFailureWindowMs + 1000);
        QCOMPARE(signIn(u"bob"_s, u"correct horse"_s).status, 201);
    }

    void signUpsArePerAddressPerHour()
    {
        start(u"open"_s);
        for (int i = 0; i < SessionHandlers::kSignUpLimit; ++i)
            QCOMPARE(m_h->post(u"/api/v1/accounts"_s, {},
                               credentials(u"user%1"_s.arg(i), u"long enough"_s))
                         .status,
                     201);
        QCOMPARE(m_h->post(u"/api/v1/accounts"_s, {}, credentials(u"one-more"_s, u"long enough"_s))
                     .errorCode(),
                 u"too_many_attempts"_s);
        m_h->clock().advanceMs(SessionHandlers::kSignUpWindowMs + 1000);
        QCOMPARE(m_h->post(u"/api/v1/accounts"_s, {}, credentials(u"one-more"_s, u"long enough"_s))
                     .status,
                 201);
    }

    void trustedProxyNamesTheClient()
    {
        // Behind a proxy every client shares its address: with --trusted-proxy the market
        // counts by the X-Forwarded-For address the proxy appended, and believes nobody else's.
        server::MarketPolicy policy = withSignup(u"open"_s);
        policy.trustedProxies = {u"127.0.0.1"_s};
        m_h = std::make_unique<MarketHarness>(policy);
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
        auto attempt = [this](const QByteArray &forwarded, const QString &name) {
            return m_h->request("POST", u"/api/v1/sessions"_s, {},
                                QJsonDocument(credentials(name, u"wrong horse"_s)).toJson(),
                                {{"X-Forwarded-For", forwarded}});
        };
        for (int i = 0; i < SessionHandlers::kAddressLimit; ++i)
            QCOMPARE(attempt("203.0.113.9, 198.51.100.1", u"n%1"_s.arg(i)).status, 401);
        QCOMPARE(attempt("203.0.113.9, 198.51.100.1", u"x"_s).status, 429);
        QCOMPARE(attempt("198.51.100.2", u"x"_s).status, 401); // another client behind it
        QCOMPARE(*m_h->store().attempts(u"addr:198.51.100.1"_s, 0),
                 (QPair<int, qint64>{SessionHandlers::kAddressLimit, m_h->clock().nowMs()}));
    }

    void keysAreCreatedExpiredAndRevoked()
    {
        start(u"open"_s);
        const auto a = m_h->createAccount(u"ann"_s, {u"renter"_s});
        const auto b = m_h->createAccount(u"bob"_s, {u"renter"_s});
        const auto ci = m_h->post(u"/api/v1/tokens"_s, a.token,
                                  {{u"label"_s, u"ci runner"_s}, {u"expires_in_s"_s, 3600}});
        QCOMPARE(ci.status, 201);
        const QByteArray ciToken = ci.json.value(u"token"_s).toString().toLatin1();
        const qint64 ciId = ci.json.value(u"id"_s).toInteger();
        QCOMPARE(m_h->get(u"/api/v1/me"_s, ciToken).status, 200);
        const QJsonObject listed =
            m_h->get(u"/api/v1/tokens"_s, a.token).json.value(u"tokens"_s).toArray()[0].toObject();
        QCOMPARE(listed.value(u"label"_s).toString(), u"ci runner"_s);
        QCOMPARE(listed.value(u"expires_at"_s).toString(),
                 protocol::formatTime(
                     QDateTime::fromMSecsSinceEpoch(m_h->clock().nowMs() + 3'600'000, Qt::UTC)));
        QVERIFY(!listed.value(u"last_used_at"_s).isNull()); // used just now

        for (const QJsonObject &bad :
             {QJsonObject{{u"label"_s, u""_s}}, QJsonObject{{u"label"_s, QString(101, u'x')}},
              QJsonObject{{u"label"_s, u"x"_s}, {u"expires_in_s"_s, 59}},
              QJsonObject{{u"label"_s, u"x"_s}, {u"expires_in_s"_s, -5}}}) {
            const auto r = m_h->post(u"/api/v1/tokens"_s, a.token, bad);
            QVERIFY2(r.status == 422, r.body.constData());
        }

        // Another account's key is "no such key", and stays working.
        QCOMPARE(m_h->request("DELETE", u"/api/v1/tokens/%1"_s.arg(ciId), b.token).status, 404);
        QCOMPARE(m_h->get(u"/api/v1/me"_s, ciToken).status, 200);
        // An hour later it is expired: refused, and no longer listed.
        m_h->clock().advanceMs(3'600'000);
        QCOMPARE(m_h->get(u"/api/v1/me"_s, ciToken).status, 401);
        QCOMPARE(m_h->get(u"/api/v1/tokens"_s, a.token).json.value(u"tokens"_s).toArray().size(),
                 1);
        QCOMPARE(m_h->request("DELETE", u"/api/v1/tokens/%1"_s.arg(ciId), a.token).status, 404);

        // Revoked: refused at once; a key may revoke itself (sign out).
        const auto other = m_h->post(u"/api/v1/tokens"_s, a.token, {{u"label"_s, u"laptop"_s}});
        const QByteArray laptop = other.json.value(u"token"_s).toString().toLatin1();
        QCOMPARE(m_h->request("DELETE",
                              u"/api/v1/tokens/%1"_s.arg(other.json.value(u"id"_s).toInteger()),
                              laptop)
                     .status,
                 204);
        QCOMPARE(m_h->get(u"/api/v1/me"_s, laptop).status, 401);
        QCOMPARE(m_h->get(u"/api/v1/me"_s, a.token).status, 200);
        QCOMPARE(m_h->request("DELETE", u"/api/v1/tokens/abc"_s, a.token).status, 404);
    }

    void passwordChangeRevokesEveryOtherKey()
    {
        start(u"open"_s);
        QJsonObject body = credentials(u"ann"_s, u"correct horse"_s);
        body.insert(u"roles"_s, QJsonArray{u"renter"_s, u"lender"_s});
        const auto up = m_h->post(u"/api/v1/accounts"_s, {}, body);
        const QByteArray first = up.json.value(u"token"_s).toString().toLatin1();
        const QByteArray second =
            m_h->post(u"/api/v1/sessions"_s, {}, credentials(u"ann"_s, u"correct horse"_s))
                .json.value(u"token"_s)
                .toString()
                .toLatin1();
        const QByteArray here =
            m_h->post(u"/api/v1/sessions"_s, {}, credentials(u"ann"_s, u"correct horse"_s))
                .json.value(u"token"_s)
                .toString()
                .toLatin1();
        // The lender's host agent key is not an API key: it stays.
        const auto host = m_h->post(u"/api/v1/hosts"_s, here, {{u"name"_s, u"rig"_s}});
        QCOMPARE(host.status, 201);
        const QByteArray hostToken = host.json.value(u"token"_s).toString().toLatin1();
        QWebSocket events;
        QSignalSpy closed(&events, &QWebSocket::disconnected);
        QVERIFY(openEvents(events, second));

        const auto wrong = m_h->post(
            u"/api/v1/me/password"_s, here,
            {{u"old_password"_s, u"wrong horse"_s}, {u"new_password"_s, u"battery staple"_s}});
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorCode(), u"invalid_credentials"_s);
        QCOMPARE(m_h->get(u"/api/v1/me"_s, second).status, 200);
        const auto weak =
            m_h->post(u"/api/v1/me/password"_s, here,
                      {{u"old_password"_s, u"correct horse"_s}, {u"new_password"_s, u"short"_s}});
        QCOMPARE(weak.status, 422);
        QCOMPARE(weak.json.value(u"error"_s).toObject().value(u"field"_s).toString(),
                 u"new_password"_s);

        const auto changed = m_h->post(
            u"/api/v1/me/password"_s, here,
            {{u"old_password"_s, u"correct horse"_s}, {u"new_password"_s, u"battery staple"_s}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json.value(u"revoked"_s).toInteger(), 2);
        QCOMPARE(m_h->get(u"/api/v1/me"_s, first).status, 401);
        QCOMPARE(m_h->get(u"/api/v1/me"_s, second).status, 401);
        QCOMPARE(m_h->get(u"/api/v1/me"_s, here).status, 200);
        QVERIFY(closed.count() == 1 || closed.wait(5000)); // closed by this process at once
        QCOMPARE(int(events.closeCode()), 4401);
        QVERIFY(m_h->store().principalAt(
            QCryptographicHash::hash(hostToken, QCryptographicHash::Sha256), m_h->clock().nowMs()));
        QCOMPARE(
            m_h->post(u"/api/v1/sessions"_s, {}, credentials(u"ann"_s, u"correct horse"_s)).status,
            401);
        QCOMPARE(
            m_h->post(u"/api/v1/sessions"_s, {}, credentials(u"ann"_s, u"battery staple"_s)).status,
            201);
    }

    void socketsOfKeysRevokedElsewhereClose()
    {
        // Revoked by an admin command, a process of its own with no sockets: the market finds
        // it on its 1 s check of the open sockets' keys.
        start(u"open"_s);
        QCOMPARE(
            m_h->post(u"/api/v1/accounts"_s, {}, credentials(u"ann"_s, u"correct horse"_s)).status,
            201);
        const QByteArray token =
            m_h->post(u"/api/v1/sessions"_s, {}, credentials(u"ann"_s, u"correct horse"_s))
                .json.value(u"token"_s)
                .toString()
                .toLatin1();
        QWebSocket events;
        QSignalSpy closed(&events, &QWebSocket::disconnected);
        QVERIFY(openEvents(events, token));
        QProcess admin;
        admin.start(QStringLiteral(SUANLI_MARKET_BIN),
                    {u"admin"_s, u"--db"_s, m_h->databaseUrl(), u"set-password"_s, u"ann"_s});
        QVERIFY(admin.waitForStarted());
        admin.write("a new password\n");
        admin.closeWriteChannel();
        QVERIFY(admin.waitForFinished(30'000));
        QVERIFY2(admin.exitCode() == 0, admin.readAllStandardError().constData());
        QCOMPARE(admin.readAllStandardOutput().trimmed(), QByteArray("2"));
        QVERIFY(closed.wait(5000));
        QCOMPARE(int(events.closeCode()), 4401);
        QCOMPARE(m_h->get(u"/api/v1/me"_s, token).status, 401);
        QCOMPARE(
            m_h->post(u"/api/v1/sessions"_s, {}, credentials(u"ann"_s, u"a new password"_s)).status,
            201);

        // Expired while its socket is open: closed on the same check.
        const auto a = m_h->createAccount(u"bob"_s, {u"renter"_s});
        const auto shortKey = m_h->post(u"/api/v1/tokens"_s, a.token,
                                        {{u"label"_s, u"short"_s}, {u"expires_in_s"_s, 60}});
        QWebSocket second;
        QSignalSpy secondClosed(&second, &QWebSocket::disconnected);
        QVERIFY(openEvents(second, shortKey.json.value(u"token"_s).toString().toLatin1()));
        m_h->clock().advanceSeconds(61);
        QVERIFY(secondClosed.wait(5000));
        QCOMPARE(int(second.closeCode()), 4401);
    }

    void revokedOnOneProcessClosesOnAnother()
    {
        if (MarketHarness::backend() != "postgres"_L1)
            QSKIP("several market processes share a database only on PostgreSQL");
        start(u"open"_s);
        QString secondUrl;
        auto second = m_h->startSecondMarket(&secondUrl);
        QVERIFY(second);
        const auto a = m_h->createAccount(u"ann"_s, {u"renter"_s});
        const auto key = m_h->post(u"/api/v1/tokens"_s, a.token, {{u"label"_s, u"phone"_s}});
        const QByteArray token = key.json.value(u"token"_s).toString().toLatin1();
        // The socket is on the second process, the revocation on the first.
        QWebSocket events;
        QSignalSpy closed(&events, &QWebSocket::disconnected);
        QVERIFY(openEvents(events, token, secondUrl));
        QCOMPARE(m_h->request("DELETE",
                              u"/api/v1/tokens/%1"_s.arg(key.json.value(u"id"_s).toInteger()),
                              a.token)
                     .status,
                 204);
        QVERIFY(closed.wait(5000));
        QCOMPARE(int(events.closeCode()), 4401);
        // Sign-in attempts are counted in the database: failures on one process lock the
        // name on the other.
        for (int i = 0; i < SessionHandlers::kNameLimit; ++i)
            QCOMPARE(m_h->post(u"/api/v1/sessions"_s, {}, credentials(u"ann"_s, u"wrong horse"_s))
                         .status,
                     401);
        QNetworkRequest request(QUrl(secondUrl + u"/api/v1/sessions"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        QNetworkReply *reply = m_h->network().post(
            request, QJsonDocument(credentials(u"ann"_s, u"whatever it is"_s)).toJson());
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10'000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 429);
        reply->deleteLater();
    }

    void passwordsAreNeverStoredInClear()
    {
        start(u"open"_s);
        const QString password = u"unmistakable-Pa55word"_s;
        QCOMPARE(m_h->post(u"/api/v1/accounts"_s, {}, credentials(u"ann"_s, password)).status, 201);
        const QString stored = *m_h->store().passwordHash(*m_h->store().findAccount(u"ann"_s));
        QVERIFY2(stored.startsWith(u"$scrypt$ln=15,r=8,p=1$"_s), qPrintable(stored));
        QVERIFY(!stored.contains(password));
        QVERIFY(server::passwords::verify(password, stored));
        QVERIFY(!server::passwords::verify(password + u'x', stored));
        // Two hashes of one password differ (salted).
        QVERIFY(*server::passwords::hash(password) != *server::passwords::hash(password));
        // A tampered hash matches nothing and costs nothing unbounded.
        for (const QString &tampered : {QString(), u"$scrypt$ln=40,r=8,p=1$AAAA$AAAA"_s, u"plain"_s,
                                        QString(stored).replace(u"ln=15"_s, u"ln=14"_s)})
            QVERIFY(!server::passwords::verify(password, tampered));
        if (MarketHarness::backend() == "sqlite"_L1) {
            QFile db(m_h->databaseUrl().mid(7));
            QVERIFY(db.open(QIODevice::ReadOnly));
            QVERIFY(!db.readAll().contains(password.toUtf8()));
        }
    }

private:
    void start(const QString &signup)
    {
        m_h = std::make_unique<MarketHarness>(withSignup(signup));
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
    }

    bool openEvents(QWebSocket &socket, const QByteArray &token, QString base = {})
    {
        if (base.isEmpty())
            base = m_h->baseUrl();
        QNetworkRequest request(QUrl(base.replace(u"http://"_s, u"ws://"_s) + u"/api/v1/events"_s));
        request.setRawHeader("Authorization", "Bearer " + token);
        QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
        socket.open(request);
        // The socket is accepted once the market greets it with the balance.
        return messages.wait(10'000) && socket.state() == QAbstractSocket::ConnectedState;
    }

    std::unique_ptr<MarketHarness> m_h;
};

SUANLI_TEST_MAIN(TestMarketAccounts)
#include "tst_market_accounts.moc"
