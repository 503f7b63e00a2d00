#include "moneyhandlers.h"

#include "protocol/csv.h"
#include "protocol/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace suanli::server {

namespace {

constexpr Micro kMaxTopUpMicro = 1'000'000 * kMicroPerUnit; // one million currency units

HttpReply forbiddenUnlessAdmin()
{
    return errorReply(403, u"forbidden"_s, u"this endpoint is for the operator (role admin)"_s);
}

HttpReply badMethod()
{
    return errorReply(405, u"method_not_allowed"_s, u"method not allowed here"_s);
}

/// The stored answer to a repeated Idempotency-Key, or the key (empty without one).
std::optional<HttpReply> replayed(Store &store, const Principal &who,
                                  const QHttpServerRequest &request, QString *key)
{
    *key = QString::fromUtf8(request.value("idempotency-key")).trimmed();
    if (key->size() > 200)
        return fromError(
            makeError(u"invalid_parameter"_s, u"Idempotency-Key has at most 200 characters"_s));
    if (key->isEmpty())
        return std::nullopt;
    auto stored = store.storedResponse(who.accountId, *key);
    if (!stored)
        return fromError(stored.error());
    if (*stored)
        return HttpReply{(*stored)->status, (*stored)->body, "application/json"};
    return std::nullopt;
}

/// ?state= of a listing, checked against the states there are.
Result<QString> stateParameter(const QHttpServerRequest &request, const QStringList &states)
{
    const QString state = QUrlQuery(request.url()).queryItemValue(u"state"_s);
    if (!state.isEmpty() && !states.contains(state))
        return makeError(u"invalid_parameter"_s, u"state is one of %1"_s.arg(states.join(u", "_s)),
                         u"state"_s);
    return state;
}

const QStringList kTopUpStates = {u"pending"_s, u"paid"_s, u"expired"_s};
const QStringList kPayoutStates = {u"requested"_s, u"approved"_s, u"paid"_s, u"rejected"_s};

/// Decimal currency units from micro-units, exact: 12500000 → "12.500000".
QString units(Micro micro)
{
    const bool negative = micro < 0;
    const quint64 m = negative ? quint64(-(micro + 1)) + 1 : quint64(micro);
    return u"%1%2.%3"_s.arg(negative ? u"-"_s : QString())
        .arg(m / quint64(kMicroPerUnit))
        .arg(m % quint64(kMicroPerUnit), 6, 10, QChar(u'0'));
}

} // namespace

HttpReply moneyError(const Error &error)
{
    static const QHash<QString, int> statuses = {
        {u"too_many_pending_topups"_s, 409}, {u"topup_not_found"_s, 404},
        {u"webhook_replayed"_s, 409},        {u"amount_mismatch"_s, 422},
        {u"topup_expired"_s, 409},           {u"topup_already_paid"_s, 409},
        {u"exceeds_withdrawable"_s, 409},    {u"payout_not_found"_s, 404},
        {u"unknown_field"_s, 422},
    };
    if (const int status = statuses.value(error.code); status) {
        QJsonObject body{{u"code"_s, error.code}, {u"message"_s, error.message}};
        if (!error.field.isEmpty())
            body.insert(u"field"_s, error.field);
        return jsonReply(status, {{u"error"_s, body}});
    }
    return fromError(error);
}

MoneyHandlers::MoneyHandlers(Store &store, const Clock &clock)
    : m_store(store)
    , m_clock(clock)
{}

QString MoneyHandlers::routeTemplate(const QStringList &parts)
{
    const QString &head = parts[0];
    if (parts.size() == 1 && (head == "topups"_L1 || head == "payouts"_L1))
        return head;
    if (parts.size() == 2 && head == "payouts"_L1 && parts[1] == "summary"_L1)
        return u"payouts/summary"_s;
    if (parts.size() == 2 && head == "payments"_L1 && parts[1] == "webhook"_L1)
        return u"payments/webhook"_s;
    if (head != "admin"_L1)
        return {};
    static const QStringList lists = {u"topups"_s, u"payouts"_s, u"payouts.csv"_s};
    if (parts.size() == 2 && lists.contains(parts[1]))
        return u"admin/"_s + parts[1];
    if (parts.size() == 4 && parts[1] == "topups"_L1 && parts[3] == "confirm"_L1)
        return u"admin/topups/{id}/confirm"_s;
    static const QStringList steps = {u"approve"_s, u"reject"_s, u"mark-paid"_s};
    if (parts.size() == 4 && parts[1] == "payouts"_L1 && steps.contains(parts[3]))
        return u"admin/payouts/{id}/"_s + parts[3];
    return {};
}

std::optional<HttpReply> MoneyHandlers::route(const Principal &who, QStringView route, qint64 id,
                                              const QHttpServerRequest &request)
{
    using Method = QHttpServerRequest::Method;
    const Method method = request.method();
    if (route == "topups"_L1) {
        if (method == Method::Post)
            return createTopUp(who, request);
        return method == Method::Get ? listTopUps(who.accountId, request) : badMethod();
    }
    if (route == "payouts/summary"_L1) {
        if (method != Method::Get)
            return badMethod();
        auto summary = m_store.payoutSummary(who.accountId, m_clock.nowMs());
        if (!summary)
            return moneyError(summary.error());
        return jsonReply(200, protocol::toJson(*summary));
    }
    if (route == "payouts"_L1) {
        if (method == Method::Post)
            return createPayout(who, request);
        return method == Method::Get ? listPayouts(who.accountId, request, false) : badMethod();
    }
    if (!route.startsWith("admin/"_L1))
        return std::nullopt;
    // The operator's API: the only routes where the admin role grants more than its own.
    if (!who.hasRole(u"admin"_s))
        return forbiddenUnlessAdmin();
    const QStringView what = route.mid(6);
    if (what == "topups"_L1)
        return method == Method::Get ? listTopUps(0, request) : badMethod();
    if (what == "payouts"_L1 || what == "payouts.csv"_L1)
        return method == Method::Get ? listPayouts(0, request, what == "payouts.csv"_L1)
                                     : badMethod();
    if (method != Method::Post)
        return badMethod();
    if (id < 0)
        return errorReply(
            404, what.startsWith("topups"_L1) ? u"topup_not_found"_s : u"payout_not_found"_s,
            u"no such order or payout"_s);
    if (what == "topups/{id}/confirm"_L1) {
        auto done = m_store.confirmTopUpOrder(id, m_clock.nowMs());
        if (!done)
            return moneyError(done.error());
        auto account = m_store.account(done->accountId);
        return jsonReply(200, {{u"topup"_s, protocol::toJson(done->order)},
                               {u"credited"_s, done->credited},
                               {u"balance_micro"_s, account ? account->balance_micro : 0}});
    }
    return payoutStep(id, what.mid(u"payouts/{id}/"_s.size()), request);
}

HttpReply MoneyHandlers::createTopUp(const Principal &who, const QHttpServerRequest &request)
{
    QString key;
    if (auto stored = replayed(m_store, who, request, &key))
        return *stored;
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto asked = protocol::topUpRequestFromJson(*body);
    if (!asked)
        return moneyError(asked.error());
    if (asked->amount_micro > kMaxTopUpMicro)
        return fromError(
            makeError(u"invalid_value"_s,
                      u"a top-up is at most 1,000,000 %1"_s.arg(m_store.policy().currency),
                      u"amount_micro"_s));
    auto encode = [](const protocol::TopUpOrder &order) {
        return QJsonDocument(protocol::toJson(order)).toJson(QJsonDocument::Compact);
    };
    auto order =
        m_store.createTopUpOrder(who.accountId, asked->amount_micro, key, encode, m_clock.nowMs());
    if (!order) {
        if (order.error().code == "conflict"_L1 && !key.isEmpty()) {
            if (auto stored = replayed(m_store, who, request, &key))
                return *stored;
        }
        return moneyError(order.error());
    }
    return {201, encode(*order), "application/json"};
}

HttpReply MoneyHandlers::listTopUps(qint64 accountId, const QHttpServerRequest &request)
{
    auto state = stateParameter(request, kTopUpStates);
    if (!state)
        return fromError(state.error());
    auto orders = m_store.topUpOrders(accountId, *state, m_clock.nowMs());
    if (!orders)
        return moneyError(orders.error());
    QJsonArray array;
    for (const auto &o : *orders)
        array.append(protocol::toJson(o));
    return jsonReply(200, {{u"topups"_s, array}, {u"currency"_s, m_store.policy().currency}});
}

HttpReply MoneyHandlers::createPayout(const Principal &who, const QHttpServerRequest &request)
{
    if (!who.hasRole(u"lender"_s) && !who.hasRole(u"admin"_s))
        return errorReply(403, u"forbidden"_s, u"this account has no lender role"_s);
    QString key;
    if (auto stored = replayed(m_store, who, request, &key))
        return *stored;
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto asked = protocol::payoutRequestFromJson(*body);
    if (!asked)
        return moneyError(asked.error());
    auto encode = [](const protocol::Payout &payout) {
        return QJsonDocument(protocol::toJson(payout)).toJson(QJsonDocument::Compact);
    };
    auto payout = m_store.requestPayout(who.accountId, *asked, key, encode, m_clock.nowMs());
    if (!payout) {
        if (payout.error().code == "conflict"_L1 && !key.isEmpty()) {
            if (auto stored = replayed(m_store, who, request, &key))
                return *stored;
        }
        return moneyError(payout.error());
    }
    return {201, encode(*payout), "application/json"};
}

HttpReply MoneyHandlers::listPayouts(qint64 accountId, const QHttpServerRequest &request, bool csv)
{
    auto state = stateParameter(request, kPayoutStates);
    if (!state)
        return fromError(state.error());
    auto list = m_store.payouts(accountId, *state);
    if (!list)
        return moneyError(list.error());
    if (csv)
        return {200, payoutsCsv(m_store, *list).toUtf8(), "text/csv; charset=utf-8"};
    QJsonArray array;
    for (const auto &p : *list)
        array.append(protocol::toJson(p));
    return jsonReply(200, {{u"payouts"_s, array}, {u"currency"_s, m_store.policy().currency}});
}

HttpReply MoneyHandlers::payoutStep(qint64 id, QStringView step, const QHttpServerRequest &request)
{
    const qint64 now = m_clock.nowMs();
    Result<protocol::Payout> done = makeError(u"not_found"_s, u"no such endpoint"_s);
    if (step == "approve"_L1) {
        done = m_store.approvePayout(id, now);
    } else {
        auto body = bodyObject(request);
        if (!body)
            return fromError(body.error());
        const QString field = step == "reject"_L1 ? u"reason"_s : u"reference"_s;
        const QJsonValue value = body->value(field);
        if (value.isUndefined())
            return fromError(makeError(u"missing_field"_s, field + u" is required"_s, field));
        if (!value.isString())
            return fromError(makeError(u"invalid_type"_s, field + u" must be a string"_s, field));
        const QString text = value.toString().trimmed();
        if (text.isEmpty() || text.size() > 500)
            return fromError(
                makeError(u"invalid_value"_s, field + u" takes 1 to 500 characters"_s, field));
        done = step == "reject"_L1 ? m_store.rejectPayout(id, text, now)
                                   : m_store.markPayoutPaid(id, text, now);
    }
    if (!done)
        return moneyError(done.error());
    return jsonReply(200, protocol::toJson(*done));
}

HttpReply MoneyHandlers::webhook(const QHttpServerRequest &request)
{
    if (request.method() != QHttpServerRequest::Method::Post)
        return badMethod();
    // Suanli-Signature: t=UNIX,v1=HEX[,v1=HEX…] (several v1 while a secret is being rotated).
    const QByteArray header = request.value("suanli-signature").trimmed();
    if (header.isEmpty())
        return errorReply(400, u"missing_signature"_s,
                          u"the Suanli-Signature header is required"_s);
    qint64 t = -1;
    QList<QByteArray> signatures;
    for (const QByteArray &part : header.split(',')) {
        const QByteArray item = part.trimmed();
        if (item.startsWith("t=")) {
            bool ok = false;
            t = item.mid(2).toLongLong(&ok);
            if (!ok)
                t = -1;
        } else if (item.startsWith("v1=")) {
            const QByteArray hex = item.mid(3);
            if (hex.size() == 64)
                signatures.append(hex.toLower());
        }
    }
    if (t < 0 || signatures.isEmpty())
        return errorReply(400, u"invalid_signature_header"_s,
                          u"Suanli-Signature takes t=UNIX,v1=HEX (64 hex digits)"_s);
    const QByteArray &secret = m_store.policy().paymentWebhookSecret;
    if (secret.isEmpty())
        return errorReply(404, u"webhook_not_configured"_s,
                          u"this market takes no payment webhooks "
                          "(--payment-webhook-secret-file)"_s);
    // The raw body as received: re-encoding the JSON would change the bytes that were signed.
    const QByteArray body = request.body();
    const QByteArray expected = QMessageAuthenticationCode::hash(QByteArray::number(t) + '.' + body,
                                                                 secret, QCryptographicHash::Sha256)
                                    .toHex();
    QByteArray matched;
    for (const QByteArray &candidate : std::as_const(signatures)) {
        // Constant time: how much of a guess was right must not show in the answer's timing.
        unsigned char diff = 0;
        for (qsizetype i = 0; i < expected.size(); ++i)
            diff |= static_cast<unsigned char>(expected[i] ^ candidate[i]);
        if (diff == 0)
            matched = candidate;
    }
    if (matched.isEmpty())
        return errorReply(401, u"invalid_signature"_s, u"the signature does not match"_s);
    const qint64 nowS = m_clock.nowMs() / 1000;
    if (std::abs(nowS - t) > m_store.policy().webhookToleranceS)
        return errorReply(401, u"signature_expired"_s,
                          u"the signature's timestamp is %1 s from the market's clock (at most "
                          "%2 s)"_s.arg(nowS - t)
                              .arg(m_store.policy().webhookToleranceS));
    auto json = protocol::parseJsonObject(body);
    if (!json)
        return fromError(json.error());
    auto notice = protocol::paymentWebhookFromJson(*json);
    if (!notice)
        return moneyError(notice.error());
    auto done = m_store.applyPaymentWebhook(QString::fromLatin1(matched), *notice, m_clock.nowMs());
    if (!done)
        return moneyError(done.error());
    return jsonReply(
        200, {{u"topup"_s, protocol::toJson(done->order)}, {u"credited"_s, done->credited}});
}

QByteArray MoneyHandlers::signature(const QByteArray &secret, qint64 unixTime,
                                    const QByteArray &body)
{
    const QByteArray t = QByteArray::number(unixTime);
    return "t=" + t + ",v1=" +
           QMessageAuthenticationCode::hash(t + '.' + body, secret, QCryptographicHash::Sha256)
               .toHex();
}

QString MoneyHandlers::payoutsCsv(Store &store, const QList<protocol::Payout> &payouts)
{
    using protocol::csvNumber;
    using protocol::csvText;
    // What the operator's bank batch needs: whom, how much (micro-units and decimal), where,
    // and the payout id to quote as the transfer's remark (docs/market.md, "Payouts").
    QString text =
        protocol::csvRecord({u"id"_s, u"account_id"_s, u"account"_s, u"amount_micro"_s, u"amount"_s,
                             u"currency"_s, u"destination"_s, u"state"_s, u"requested_at"_s,
                             u"decided_at"_s, u"paid_at"_s, u"reference"_s, u"reason"_s});
    QHash<qint64, QString> names;
    for (const auto &p : payouts) {
        if (!names.contains(p.account_id)) {
            auto account = store.account(p.account_id);
            names.insert(p.account_id, account ? account->name : QString());
        }
        text += protocol::csvRecord(
            {csvNumber(p.id), csvNumber(p.account_id), csvText(names.value(p.account_id)),
             csvNumber(p.amount_micro), csvText(units(p.amount_micro)),
             csvText(store.policy().currency), csvText(p.destination), csvText(p.state),
             csvText(protocol::formatTime(p.requested_at)),
             csvText(protocol::formatTime(p.decided_at)), csvText(protocol::formatTime(p.paid_at)),
             csvText(p.reference), csvText(p.reason)});
    }
    return text;
}

} // namespace suanli::server
