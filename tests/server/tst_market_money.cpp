// Money in and out (issue 18, docs/market.md "Top-ups and payouts"): top-up orders confirmed by
// the operator (admin API and the built admin command) and by a signed payment webhook, and
// payouts through every step, on a real market over SQLite and over the `postgres` fixture.
// Every scenario ends with the ledger invariant check (tests/support/ledgercheck.h).

#include "support/ledgercheck.h"
#include "support/marketscenario.h"
#include "support/testmain.h"

#include "server/moneyhandlers.h"

#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace suanli;
using namespace suanli::testing;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSecret = "whsec_test_0123456789abcdef";

server::MarketPolicy moneyPolicy()
{
    server::MarketPolicy policy;
    policy.paymentWebhookSecret = kSecret;
    return policy;
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace

class TestMarketMoney : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_h = std::make_unique<MarketHarness>(moneyPolicy());
        QVERIFY2(m_h->ok(), qPrintable(m_h->error()));
        m_admin = m_h->createAccount(u"root"_s, {u"admin"_s});
    }
    void cleanup()
    {
        // The invariant after every scenario, whatever it did.
        const QStringList problems = checkLedgerThenClose(m_h);
        for (const QString &p : problems)
            qWarning("ledger: %s", qPrintable(p));
        QVERIFY2(problems.isEmpty(), "the ledger does not balance");
    }

    void topUpOrderConfirmedByAdminApiCreditsOnce()
    {
        const auto renter = m_h->createAccount(u"alice"_s, {u"renter"_s});
        EventListener events(m_h->baseUrl(), renter.token);
        QVERIFY(events.waitConnected());
        const qint64 now = m_h->clock().nowMs();
        auto created =
            m_h->post(u"/api/v1/topups"_s, renter.token, {{u"amount_micro"_s, 12'500'000}});
        QCOMPARE(created.status, 201);
        const qint64 id = created.json[u"id"_s].toInteger();
        const QString reference = created.json[u"reference"_s].toString();
        QVERIFY2(QRegularExpression(u"^SL(-[A-HJ-NP-Z2-9]{4}){3}$"_s).match(reference).hasMatch(),
                 qPrintable(reference));
        QCOMPARE(created.json[u"state"_s].toString(), u"pending"_s);
        QCOMPARE(created.json[u"amount_micro"_s].toInteger(), 12'500'000);
        QCOMPARE(QDateTime::fromString(created.json[u"expires_at"_s].toString(), Qt::ISODateWithMs)
                     .toMSecsSinceEpoch(),
                 now + 24 * 3600 * 1000);
        QCOMPARE(m_h->store().account(renter.id)->balance_micro, 0); // an order is not money

        auto listed = m_h->get(u"/api/v1/topups"_s, renter.token);
        QCOMPARE(listed.status, 200);
        QCOMPARE(listed.json[u"topups"_s].toArray().size(), 1);
        QCOMPARE(listed.json[u"topups"_s][0][u"reference"_s].toString(), reference);

        // Only the operator confirms; a renter cannot confirm its own order.
        const QString confirm = u"/api/v1/admin/topups/%1/confirm"_s.arg(id);
        QCOMPARE(m_h->post(confirm, renter.token, {}).status, 403);
        auto paid = m_h->post(confirm, m_admin.token, {});
        QCOMPARE(paid.status, 200);
        QCOMPARE(paid.json[u"credited"_s].toBool(), true);
        QCOMPARE(paid.json[u"balance_micro"_s].toInteger(), 12'500'000);
        QCOMPARE(paid.json[u"topup"_s][u"state"_s].toString(), u"paid"_s);
        QCOMPARE(paid.json[u"topup"_s][u"confirmed_by"_s].toString(), u"admin"_s);
        // Retried, it credits nothing more.
        for (int i = 0; i < 3; ++i) {
            auto again = m_h->post(confirm, m_admin.token, {});
            QCOMPARE(again.status, 200);
            QCOMPARE(again.json[u"credited"_s].toBool(), false);
            QCOMPARE(again.json[u"balance_micro"_s].toInteger(), 12'500'000);
        }
        QCOMPARE(m_h->store().account(renter.id)->balance_micro, 12'500'000);
        auto ledger = m_h->store().ledger(renter.id, 0, 0, 100);
        QVERIFY(ledger);
        QCOMPARE(ledger->size(), 1);
        QCOMPARE(ledger->at(0).kind, u"topup"_s);
        QCOMPARE(ledger->at(0).amount_micro, 12'500'000);
        QCOMPARE(ledger->at(0).idempotency_key, u"topup:%1:%2"_s.arg(renter.id).arg(reference));
        QCOMPARE(m_h->post(u"/api/v1/admin/topups/999999/confirm"_s, m_admin.token, {}).status,
                 404);
        // The app hears the order paid.
        const QJsonObject event = events.take(u"topup"_s, 5000);
        QCOMPARE(event[u"topup"_s][u"reference"_s].toString(), reference);
        QCOMPARE(event[u"topup"_s][u"state"_s].toString(), u"paid"_s);
        // The admin listing shows everyone's orders, by state.
        auto all = m_h->get(u"/api/v1/admin/topups?state=paid"_s, m_admin.token);
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json[u"topups"_s].toArray().size(), 1);
        QCOMPARE(all.json[u"topups"_s][0][u"account_id"_s].toInteger(), renter.id);
        QCOMPARE(m_h->get(u"/api/v1/admin/topups?state=bogus"_s, m_admin.token).status, 400);
    }

    void topUpConfirmedByAdminCommand()
    {
        const auto renter = m_h->createAccount(u"alice"_s, {u"renter"_s});
        auto created =
            m_h->post(u"/api/v1/topups"_s, renter.token, {{u"amount_micro"_s, 3'000'001}});
        QCOMPARE(created.status, 201);
        const QString id = QString::number(created.json[u"id"_s].toInteger());
        QCOMPARE(admin({u"confirm-topup"_s, id}), u"3000001"_s);
        QCOMPARE(admin({u"confirm-topup"_s, id}), u"3000001"_s); // retried: once
        QCOMPARE(admin({u"confirm-topup"_s, u"999999"_s}).left(7), u"(exit 1"_s);
        QCOMPARE(m_h->store().account(renter.id)->balance_micro, 3'000'001);
        const QStringList lines = admin({u"topups"_s, u"--state"_s, u"paid"_s}).split(u'\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[1].startsWith(id + u'\t' + QString::number(renter.id) + u'\t'));
        QVERIFY(lines[1].contains(u"\t3000001\tpaid\t"_s));
        QVERIFY(lines[1].endsWith(u"\tadmin"_s));
        // The order the API shows is paid too.
        auto listed = m_h->get(u"/api/v1/topups"_s, renter.token);
        QCOMPARE(listed.json[u"topups"_s][0][u"state"_s].toString(), u"paid"_s);
    }

    void webhookCreditsOnceAndRefusesReplays()
    {
        const auto renter = m_h->createAccount(u"alice"_s, {u"renter"_s});
        auto created =
            m_h->post(u"/api/v1/topups"_s, renter.token, {{u"amount_micro"_s, 50'000'000}});
        QCOMPARE(created.status, 201);
        const QString reference = created.json[u"reference"_s].toString();
        const QByteArray body = compact({{u"reference"_s, reference},
                                         {u"amount_micro"_s, 50'000'000},
                                         {u"provider_id"_s, u"pay_123"_s}});
        const qint64 t = m_h->clock().nowMs() / 1000;
        auto first = webhook(body, server::MoneyHandlers::signature(kSecret, t, body));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json[u"credited"_s].toBool(), true);
        QCOMPARE(first.json[u"topup"_s][u"state"_s].toString(), u"paid"_s);
        QCOMPARE(first.json[u"topup"_s][u"confirmed_by"_s].toString(), u"webhook"_s);
        QCOMPARE(m_h->store().account(renter.id)->balance_micro, 50'000'000);
        // The very same signed request again: refused as a replay.
        auto replay = webhook(body, server::MoneyHandlers::signature(kSecret, t, body));
        QCOMPARE(replay.status, 409);
        QCOMPARE(replay.errorCode(), u"webhook_replayed"_s);
        // The provider retrying (a new timestamp, the same payment): accepted, nothing credited.
        m_h->clock().advanceSeconds(30);
        auto retry = webhook(
            body, server::MoneyHandlers::signature(kSecret, m_h->clock().nowMs() / 1000, body));
        QCOMPARE(retry.status, 200);
        QCOMPARE(retry.json[u"credited"_s].toBool(), false);
        // Another payment for an order already paid: refused.
        const QByteArray other = compact({{u"reference"_s, reference},
                                          {u"amount_micro"_s, 50'000'000},
                                          {u"provider_id"_s, u"pay_999"_s}});
        auto second = webhook(
            other, server::MoneyHandlers::signature(kSecret, m_h->clock().nowMs() / 1000, other));
        QCOMPARE(second.status, 409);
        QCOMPARE(second.errorCode(), u"topup_already_paid"_s);
        // An operator confirming it too credits nothing.
        auto confirmed =
            m_h->post(u"/api/v1/admin/topups/%1/confirm"_s.arg(created.json[u"id"_s].toInteger()),
                      m_admin.token, {});
        QCOMPARE(confirmed.json[u"credited"_s].toBool(), false);
        QCOMPARE(m_h->store().account(renter.id)->balance_micro, 50'000'000);
        QCOMPARE(m_h->store().ledger(renter.id, 0, 0, 100)->size(), 1);
    }

    void webhookRefusesWhatIsNotAValidPayment()
    {
        const auto renter = m_h->createAccount(u"alice"_s, {u"renter"_s});
        auto created =
            m_h->post(u"/api/v1/topups"_s, renter.token, {{u"amount_micro"_s, 8'000'000}});
        QCOMPARE(created.status, 201);
        const QString reference = created.json[u"reference"_s].toString();
        const QByteArray good = compact({{u"reference"_s, reference},
                                         {u"amount_micro"_s, 8'000'000},
                                         {u"provider_id"_s, u"pay_1"_s}});
        const qint64 t = m_h->clock().nowMs() / 1000;
        auto sign = [&](const QByteArray &body, qint64 at) {
            return server::MoneyHandlers::signature(kSecret, at, body);
        };
        struct Case
        {
            const char *name;
            QByteArray body;
            QByteArray header;
            int status;
            QString code;
        };
        const QByteArray wrongAmount = compact({{u"reference"_s, reference},
                                                {u"amount_micro"_s, 8'000'001},
                                                {u"provider_id"_s, u"p"_s}});
        const QByteArray unknownRef = compact({{u"reference"_s, u"SL-AAAA-BBBB-CCCC"_s},
                                               {u"amount_micro"_s, 8'000'000},
                                               {u"provider_id"_s, u"p"_s}});
        const QByteArray extraField = compact({{u"reference"_s, reference},
                                               {u"amount_micro"_s, 8'000'000},
                                               {u"provider_id"_s, u"p"_s},
                                               {u"account_id"_s, 1}});
        const QByteArray wrongType = compact(
            {{u"reference"_s, reference}, {u"amount_micro"_s, u"8"_s}, {u"provider_id"_s, u"p"_s}});
        const QByteArray negative = compact(
            {{u"reference"_s, reference}, {u"amount_micro"_s, -8}, {u"provider_id"_s, u"p"_s}});
        const QByteArray missingField =
            compact({{u"reference"_s, reference}, {u"amount_micro"_s, 8'000'000}});
        const QByteArray malformed = "{\"reference\": \"" + reference.toLatin1() + "\", ";
        const QByteArray otherSecret =
            server::MoneyHandlers::signature("not-the-secret-at-all", t, good);
        const Case cases[] = {
            {"no signature", good, {}, 400, u"missing_signature"_s},
            {"malformed header", good, "v1=abc", 400, u"invalid_signature_header"_s},
            {"no timestamp", good, "v1=" + QByteArray(64, 'a'), 400, u"invalid_signature_header"_s},
            {"another secret", good, otherSecret, 401, u"invalid_signature"_s},
            {"body changed after signing", wrongAmount, sign(good, t), 401, u"invalid_signature"_s},
            {"stale timestamp", good, sign(good, t - 301), 401, u"signature_expired"_s},
            {"timestamp from the future", good, sign(good, t + 301), 401, u"signature_expired"_s},
            {"unknown reference", unknownRef, sign(unknownRef, t), 404, u"topup_not_found"_s},
            {"amount mismatch", wrongAmount, sign(wrongAmount, t), 422, u"amount_mismatch"_s},
            {"unknown field", extraField, sign(extraField, t), 422, u"unknown_field"_s},
            {"wrong type", wrongType, sign(wrongType, t), 422, u"invalid_type"_s},
            {"negative amount", negative, sign(negative, t), 422, u"invalid_value"_s},
            {"missing field", missingField, sign(missingField, t), 422, u"missing_field"_s},
            {"malformed JSON", malformed, sign(malformed, t), 400, u"malformed_json"_s},
        };
        for (const Case &c : cases) {
            for (int attempt = 0; attempt < 2; ++attempt) {
                // A refused request is not remembered: sent again, it gets the same answer
                // (not "webhook_replayed").
                auto reply = webhook(c.body, c.header);
                QVERIFY2(reply.status == c.status && reply.errorCode() == c.code,
                         qPrintable(u"%1: %2 %3"_s.arg(QString::fromLatin1(c.name))
                                        .arg(reply.status)
                                        .arg(QString::fromUtf8(reply.body))));
                QVERIFY(!reply.json[u"error"_s][u"message"_s].toString().isEmpty());
            }
        }
        // Nothing changed…
        QCOMPARE(m_h->store().account(renter.id)->balance_micro, 0);
        QCOMPARE(m_h->store().ledger(renter.id, 0, 0, 100)->size(), 0);
        auto listed = m_h->get(u"/api/v1/topups"_s, renter.token);
        QCOMPARE(listed.json[u"topups"_s][0][u"state"_s].toString(), u"pending"_s);
        // …and the real payment still goes through, at the edge of the tolerance.
        auto paid = webhook(good, sign(good, t - 300));
        QCOMPARE(paid.status, 200);
        QCOMPARE(m_h->store().account(renter.id)->balance_micro, 8'000'000);
    }

    void webhookWithoutSecretIsOff()
    {
        MarketHarness plain; // no --payment-webhook-secret-file
        QVERIFY2(plain.ok(), qPrintable(plain.error()));
        const QByteArray body = "{}";
        auto reply = plain.request(
            "POST", u"/api/v1/payments/webhook"_s, {}, body,
            {{"Suanli-Signature",
              server::MoneyHandlers::signature(kSecret, plain.clock().nowMs() / 1000, body)}});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), u"webhook_not_configured"_s);
    }

    void topUpOrdersExpire()
    {
        const auto renter = m_h->createAccount(u"alice"_s, {u"renter"_s});
        QCOMPARE(m_h->post(u"/api/v1/topups"_s, renter.token, {{u"amount_micro"_s, 0}}).status,
                 422);
        QCOMPARE(m_h->post(u"/api/v1/topups"_s, renter.token, {{u"amount_micro"_s, u"5"_s}}).status,
                 422);
        QCOMPARE(m_h->post(u"/api/v1/topups"_s, renter.token, {}).status, 422);
        QCOMPARE(m_h->post(u"/api/v1/topups"_s, renter.token,
                           {{u"amount_micro"_s, 1'000'000 * kMicroPerUnit + 1}})
                     .status,
                 422);
        auto created =
            m_h->post(u"/api/v1/topups"_s, renter.token, {{u"amount_micro"_s, 7'000'000}});
        QCOMPARE(created.status, 201);
        const QString reference = created.json[u"reference"_s].toString();
        m_h->clock().advanceSeconds(24 * 3600 - 1);
        QCOMPARE(
            m_h->get(u"/api/v1/topups"_s, renter.token).json[u"topups"_s][0][u"state"_s].toString(),
            u"pending"_s);
        m_h->clock().advanceSeconds(1);
        QCOMPARE(
            m_h->get(u"/api/v1/topups"_s, renter.token).json[u"topups"_s][0][u"state"_s].toString(),
            u"expired"_s);
        // A provider's late payment is refused (it refunds); the operator can still confirm.
        const QByteArray body = compact({{u"reference"_s, reference},
                                         {u"amount_micro"_s, 7'000'000},
                                         {u"provider_id"_s, u"late"_s}});
        auto late = webhook(
            body, server::MoneyHandlers::signature(kSecret, m_h->clock().nowMs() / 1000, body));
        QCOMPARE(late.status, 409);
        QCOMPARE(late.errorCode(), u"topup_expired"_s);
        QCOMPARE(m_h->store().account(renter.id)->balance_micro, 0);
        auto confirmed =
            m_h->post(u"/api/v1/admin/topups/%1/confirm"_s.arg(created.json[u"id"_s].toInteger()),
                      m_admin.token, {});
        QCOMPARE(confirmed.status, 200);
        QCOMPARE(confirmed.json[u"credited"_s].toBool(), true);
        QCOMPARE(m_h->store().account(renter.id)->balance_micro, 7'000'000);
        // At most 20 orders wait for payment at once; an Idempotency-Key repeats the order.
        for (int i = 0; i < 20; ++i)
            QCOMPARE(m_h->post(u"/api/v1/topups"_s, renter.token, {{u"amount_micro"_s, 1}}).status,
                     201);
        auto tooMany = m_h->post(u"/api/v1/topups"_s, renter.token, {{u"amount_micro"_s, 1}});
        QCOMPARE(tooMany.status, 409);
        QCOMPARE(tooMany.errorCode(), u"too_many_pending_topups"_s);
        m_h->clock().advanceSeconds(24 * 3600);
        const QByteArray one = compact({{u"amount_micro"_s, 2'000'000}});
        auto a = m_h->request("POST", u"/api/v1/topups"_s, renter.token, one,
                              {{"Idempotency-Key", "k1"}});
        auto b = m_h->request("POST", u"/api/v1/topups"_s, renter.token, one,
                              {{"Idempotency-Key", "k1"}});
        QCOMPARE(a.status, 201);
        QCOMPARE(b.status, 201);
        QCOMPARE(b.json[u"reference"_s], a.json[u"reference"_s]);
    }

    void payoutsWaitForTheHoldDays()
    {
        Scenario s;
        QVERIFY(earn(s, 1));
        const qint64 earnedAt = m_h->clock().nowMs();
        QCOMPARE(s.balance(*m_h, s.lender.id), 1'800'000);
        auto summary = m_h->get(u"/api/v1/payouts/summary"_s, s.lender.token);
        QCOMPARE(summary.status, 200);
        QCOMPARE(summary.json[u"earned_micro"_s].toInteger(), 1'800'000);
        QCOMPARE(summary.json[u"withdrawable_micro"_s].toInteger(), 0);
        QCOMPARE(summary.json[u"requested_micro"_s].toInteger(), 0);
        QCOMPARE(summary.json[u"paid_micro"_s].toInteger(), 0);
        QCOMPARE(summary.json[u"hold_days"_s].toInteger(), 7);
        auto early =
            m_h->post(u"/api/v1/payouts"_s, s.lender.token,
                      {{u"amount_micro"_s, 1}, {u"destination"_s, u"alipay:bob@example.com"_s}});
        QCOMPARE(early.status, 409);
        QCOMPARE(early.errorCode(), u"exceeds_withdrawable"_s);
        m_h->clock().setMs(earnedAt + 7 * 86'400'000 - 1);
        QCOMPARE(m_h->get(u"/api/v1/payouts/summary"_s, s.lender.token)
                     .json[u"withdrawable_micro"_s]
                     .toInteger(),
                 0);
        m_h->clock().setMs(earnedAt + 7 * 86'400'000);
        QCOMPARE(m_h->get(u"/api/v1/payouts/summary"_s, s.lender.token)
                     .json[u"withdrawable_micro"_s]
                     .toInteger(),
                 1'800'000);
        // Never more than withdrawable; a renter has none to ask for.
        auto over = m_h->post(u"/api/v1/payouts"_s, s.lender.token,
                              {{u"amount_micro"_s, 1'800'001}, {u"destination"_s, u"bank:6222"_s}});
        QCOMPARE(over.status, 409);
        QCOMPARE(m_h->post(u"/api/v1/payouts"_s, s.renter.token,
                           {{u"amount_micro"_s, 1}, {u"destination"_s, u"x"_s}})
                     .status,
                 403);
        QCOMPARE(m_h->post(u"/api/v1/payouts"_s, s.lender.token,
                           {{u"amount_micro"_s, 1}, {u"destination"_s, u"  "_s}})
                     .status,
                 422);
        QCOMPARE(m_h->post(u"/api/v1/payouts"_s, s.lender.token, {{u"amount_micro"_s, 1}}).status,
                 422);
        auto all = m_h->post(u"/api/v1/payouts"_s, s.lender.token,
                             {{u"amount_micro"_s, 1'800'000}, {u"destination"_s, u"bank:6222"_s}});
        QCOMPARE(all.status, 201);
        QCOMPARE(all.json[u"state"_s].toString(), u"requested"_s);
        QCOMPARE(all.json[u"amount_micro"_s].toInteger(), 1'800'000);
        QCOMPARE(all.json[u"destination"_s].toString(), u"bank:6222"_s);
        QCOMPARE(s.balance(*m_h, s.lender.id), 0); // held from the request on
        auto more = m_h->post(u"/api/v1/payouts"_s, s.lender.token,
                              {{u"amount_micro"_s, 1}, {u"destination"_s, u"bank:6222"_s}});
        QCOMPARE(more.status, 409);
        summary = m_h->get(u"/api/v1/payouts/summary"_s, s.lender.token);
        QCOMPARE(summary.json[u"withdrawable_micro"_s].toInteger(), 0);
        QCOMPARE(summary.json[u"requested_micro"_s].toInteger(), 1'800'000);
        auto listed = m_h->get(u"/api/v1/payouts"_s, s.lender.token);
        QCOMPARE(listed.json[u"payouts"_s].toArray().size(), 1);
        QCOMPARE(m_h->get(u"/api/v1/payouts"_s, s.renter.token).json[u"payouts"_s].toArray().size(),
                 0);
    }

    void payoutStepsAreLedgerEntries()
    {
        Scenario s;
        QVERIFY(earn(s, 10)); // 10 h at 2/h: 20 charged, 18 earned, 2 fee
        QCOMPARE(s.balance(*m_h, s.lender.id), 18'000'000);
        m_h->clock().advanceSeconds(8 * 86400);
        EventListener events(m_h->baseUrl(), s.lender.token);
        QVERIFY(events.waitConnected());
        auto ask = [&](Micro amount, const QString &to) {
            auto r = m_h->post(u"/api/v1/payouts"_s, s.lender.token,
                               {{u"amount_micro"_s, amount}, {u"destination"_s, to}});
            return r.status == 201 ? r.json[u"id"_s].toInteger() : -r.status;
        };
        const qint64 first = ask(5'000'000, u"alipay:bob@example.com"_s);
        const qint64 second = ask(3'000'000, u"=HYPERLINK(\"x\")"_s);
        QVERIFY(first > 0 && second > 0);
        QCOMPARE(s.balance(*m_h, s.lender.id), 10'000'000);
        QCOMPARE(events
                     .take(u"payout"_s, 5000,
                           [&](const QJsonObject &e) {
                               return e[u"payout"_s][u"id"_s].toInteger() == second;
                           })[u"payout"_s][u"state"_s]
                     .toString(),
                 u"requested"_s);

        const QString base = u"/api/v1/admin/payouts/%1/"_s;
        // A lender cannot approve its own payout.
        QCOMPARE(m_h->post(base.arg(first) + u"approve"_s, s.lender.token, {}).status, 403);
        // Paid before approval: refused.
        auto early =
            m_h->post(base.arg(first) + u"mark-paid"_s, m_admin.token, {{u"reference"_s, u"T1"_s}});
        QCOMPARE(early.status, 409);
        QCOMPARE(early.errorCode(), u"invalid_state"_s);
        for (int i = 0; i < 2; ++i) { // twice: the second changes nothing
            auto approved = m_h->post(base.arg(first) + u"approve"_s, m_admin.token, {});
            QCOMPARE(approved.status, 200);
            QCOMPARE(approved.json[u"state"_s].toString(), u"approved"_s);
        }
        QCOMPARE(events
                     .take(u"payout"_s, 5000,
                           [&](const QJsonObject &e) {
                               return e[u"payout"_s][u"state"_s].toString() == u"approved"_s;
                           })[u"payout"_s][u"id"_s]
                     .toInteger(),
                 first);
        // Marked paid by the admin command, with the transfer's reference.
        QCOMPARE(
            admin({u"mark-paid"_s, QString::number(first), u"--reference"_s, u"ALI-2026-77"_s}),
            u"paid"_s);
        QCOMPARE(
            admin({u"mark-paid"_s, QString::number(first), u"--reference"_s, u"ALI-2026-77"_s}),
            u"paid"_s);
        QVERIFY(admin({u"mark-paid"_s, QString::number(first), u"--reference"_s, u"OTHER"_s})
                    .startsWith(u"(exit 1)"_s));
        QVERIFY(admin({u"mark-paid"_s, QString::number(first)}).startsWith(u"(exit 1)"_s));
        const QJsonObject paidEvent = events.take(u"payout"_s, 5000, [&](const QJsonObject &e) {
            return e[u"payout"_s][u"state"_s].toString() == u"paid"_s;
        });
        QCOMPARE(paidEvent[u"payout"_s][u"reference"_s].toString(), u"ALI-2026-77"_s);
        auto rejectPaid =
            m_h->post(base.arg(first) + u"reject"_s, m_admin.token, {{u"reason"_s, u"x"_s}});
        QCOMPARE(rejectPaid.status, 409);
        // The second is rejected (API, with a reason): its amount comes back.
        QCOMPARE(m_h->post(base.arg(second) + u"reject"_s, m_admin.token, {}).status, 422);
        for (int i = 0; i < 2; ++i) {
            auto rejected = m_h->post(base.arg(second) + u"reject"_s, m_admin.token,
                                      {{u"reason"_s, u"destination is not an account"_s}});
            QCOMPARE(rejected.status, 200);
            QCOMPARE(rejected.json[u"state"_s].toString(), u"rejected"_s);
            QCOMPARE(rejected.json[u"reason"_s].toString(), u"destination is not an account"_s);
        }
        QCOMPARE(s.balance(*m_h, s.lender.id), 13'000'000);
        QCOMPARE(m_h->post(base.arg(second) + u"approve"_s, m_admin.token, {}).status, 409);
        QCOMPARE(m_h->post(base.arg(999999) + u"approve"_s, m_admin.token, {}).status, 404);
        const QJsonObject rejectedEvent = events.take(u"payout"_s, 5000, [&](const QJsonObject &e) {
            return e[u"payout"_s][u"state"_s].toString() == u"rejected"_s;
        });
        QCOMPARE(rejectedEvent[u"payout"_s][u"id"_s].toInteger(), second);
        QVERIFY(!events
                     .take(u"balance"_s, 5000,
                           [](const QJsonObject &e) {
                               return e[u"balance_micro"_s].toInteger() == 13'000'000;
                           })
                     .isEmpty());

        auto summary = m_h->get(u"/api/v1/payouts/summary"_s, s.lender.token);
        QCOMPARE(summary.json[u"earned_micro"_s].toInteger(), 18'000'000);
        QCOMPARE(summary.json[u"withdrawable_micro"_s].toInteger(), 13'000'000);
        QCOMPARE(summary.json[u"requested_micro"_s].toInteger(), 0);
        QCOMPARE(summary.json[u"paid_micro"_s].toInteger(), 5'000'000);

        // Each step is a ledger line of the lender's under its own key.
        QStringList lines;
        const auto entries = m_h->store().ledger(s.lender.id, 0, 0, 1000);
        QVERIFY(entries);
        for (const auto &e : *entries) {
            if (e.kind.startsWith(u"payout"_s))
                lines << u"%1 %2 %3"_s.arg(e.idempotency_key, e.kind).arg(e.amount_micro);
        }
        const QString f = QString::number(first);
        const QString g = QString::number(second);
        QCOMPARE(lines, (QStringList{u"payout:%1:requested payout -5000000"_s.arg(f),
                                     u"payout:%1:requested payout -3000000"_s.arg(g),
                                     u"payout:%1:approved payout_approved 0"_s.arg(f),
                                     u"payout:%1:paid payout_paid 0"_s.arg(f),
                                     u"payout:%1:rejected payout_returned 3000000"_s.arg(g)}));

        // The operator's CSV: API and admin command say the same, formulas neutralised.
        auto csv = m_h->get(u"/api/v1/admin/payouts.csv"_s, m_admin.token);
        QCOMPARE(csv.status, 200);
        QCOMPARE(m_h->get(u"/api/v1/admin/payouts.csv"_s, s.lender.token).status, 403);
        const QStringList rows = QString::fromUtf8(csv.body).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0], u"id,account_id,account,amount_micro,amount,currency,destination,state,"
                          "requested_at,decided_at,paid_at,reference,reason"_s);
        QVERIFY2(rows[1].startsWith(u"%1,%2,lender,3000000,3.000000,CNY,"
                                    "\"'=HYPERLINK(\"\"x\"\")\",rejected,"_s.arg(g)
                                        .arg(s.lender.id)),
                 qPrintable(rows[1]));
        QVERIFY2(rows[2].startsWith(u"%1,%2,lender,5000000,5.000000,CNY,"
                                    "alipay:bob@example.com,paid,"_s.arg(f)
                                        .arg(s.lender.id)),
                 qPrintable(rows[2]));
        QVERIFY(rows[2].contains(u",ALI-2026-77,"_s));
        QCOMPARE(admin({u"payouts"_s, u"--csv"_s}) + u"\r\n"_s, QString::fromUtf8(csv.body));
        const QString paidCsv = admin({u"payouts"_s, u"--state"_s, u"paid"_s, u"--csv"_s});
        QCOMPARE(paidCsv.split(u"\r\n"_s).size(), 2);
        auto approvedOnly = m_h->get(u"/api/v1/admin/payouts?state=approved"_s, m_admin.token);
        QCOMPARE(approvedOnly.json[u"payouts"_s].toArray().size(), 0);
    }

    void concurrentPayoutsOnTwoProcessesNeverOverdraw()
    {
        Scenario s;
        QVERIFY(earn(s, 1)); // 1.8 earned
        m_h->clock().advanceSeconds(8 * 86400);
        // A second market process, the built binary, on the same database (its wall clock is
        // later than the manual clock: the earning is as old there).
        QProcess second;
        second.setProcessChannelMode(QProcess::MergedChannels);
        second.start(QStringLiteral(SUANLI_MARKET_BIN),
                     {u"serve"_s, u"--db"_s, m_h->databaseUrl(), u"--listen"_s, u"127.0.0.1:0"_s});
        QVERIFY(second.waitForStarted(10000));
        QString secondUrl;
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QString out = QString::fromUtf8(second.peek(4096));
                const auto m = QRegularExpression(u"listening on (http://\\S+)"_s).match(out);
                if (m.hasMatch())
                    secondUrl = m.captured(1);
                return !secondUrl.isEmpty();
            },
            20000));
        // Ten requests of 0.5 at once, alternating between the processes: 1.8 fits three.
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 10; ++i) {
            QNetworkRequest request(
                QUrl((i % 2 ? secondUrl : m_h->baseUrl()) + u"/api/v1/payouts"_s));
            request.setRawHeader("Authorization", "Bearer " + s.lender.token);
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            replies << m_h->network().post(
                request, compact({{u"amount_micro"_s, 500'000}, {u"destination"_s, u"bank:1"_s}}));
        }
        QVERIFY(QTest::qWaitFor(
            [&] {
                return std::all_of(replies.begin(), replies.end(),
                                   [](QNetworkReply *r) { return r->isFinished(); });
            },
            30000));
        int created = 0;
        int refused = 0;
        for (QNetworkReply *r : replies) {
            const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = r->readAll();
            if (status == 201)
                ++created;
            else if (status == 409 && body.contains("exceeds_withdrawable"))
                ++refused;
            else
                qWarning("unexpected %d %s", status, body.constData());
            r->deleteLater();
        }
        second.terminate();
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(created, 3);
        QCOMPARE(refused, 7);
        QCOMPARE(s.balance(*m_h, s.lender.id), 300'000);
        auto summary = m_h->get(u"/api/v1/payouts/summary"_s, s.lender.token);
        QCOMPARE(summary.json[u"requested_micro"_s].toInteger(), 1'500'000);
        QCOMPARE(summary.json[u"withdrawable_micro"_s].toInteger(), 300'000);
    }

private:
    /// The lender earns: one GPU at 2 per hour runs `hours`, then is destroyed (no storage
    /// price): charged 2 × hours, earned 1.8 × hours, fee 0.2 × hours.
    bool earn(Scenario &s, int hours)
    {
        if (!s.setUp(*m_h, 1, 2'000'000, 0))
            return false;
        const qint64 id = s.launch(*m_h);
        if (!id)
            return false;
        m_h->clock().advanceSeconds(hours * 3600);
        m_h->market().runBilling();
        if (m_h->request("DELETE", u"/api/v1/instances/%1"_s.arg(id), s.renter.token).status != 202)
            return false;
        if (s.agent->take(u"command"_s).value(u"action"_s).toString() != u"destroy"_s)
            return false;
        s.agent->report(id, u"destroyed"_s);
        if (!s.waitForState(*m_h, id, u"destroyed"_s))
            return false;
        m_h->market().runBilling();
        return s.balance(*m_h, s.lender.id) == hours * 1'800'000;
    }

    MarketHarness::Reply webhook(const QByteArray &body, const QByteArray &signature)
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!signature.isEmpty())
            headers.append({"Suanli-Signature", signature});
        return m_h->request("POST", u"/api/v1/payments/webhook"_s, {}, body, headers);
    }

    /// Runs the built `suanli-market admin --db URL …`: its stdout, trimmed, or "(exit N) stderr".
    QString admin(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(SUANLI_MARKET_BIN),
                QStringList{u"admin"_s, u"--db"_s, m_h->databaseUrl()} + args);
        if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit)
            return u"(did not finish)"_s;
        if (p.exitCode() != 0)
            return u"(exit %1) "_s.arg(p.exitCode()) + QString::fromUtf8(p.readAllStandardError());
        return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    }

    std::unique_ptr<MarketHarness> m_h;
    MarketHarness::Account m_admin;
};

SUANLI_TEST_MAIN(TestMarketMoney)
#include "tst_market_money.moc"
