#include "accounthandlers.h"

#include "changepublisher.h"

#include "protocol/csv.h"
#include "protocol/json.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace suanli::server {

AccountHandlers::AccountHandlers(Store &store, ChangePublisher &publisher)
    : m_store(store)
    , m_publisher(publisher)
{}

HttpReply AccountHandlers::me(const Principal &who)
{
    auto account = m_store.account(who.accountId);
    if (!account)
        return fromError(account.error());
    return jsonReply(200, protocol::toJson(*account));
}

HttpReply AccountHandlers::patchMe(const Principal &who, const QHttpServerRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto patch = protocol::accountFromJson(*body); // only low_balance_micro is changeable
    if (!patch)
        return fromError(patch.error());
    if (!body->contains("low_balance_micro"_L1))
        return me(who);
    auto account = m_store.setLowBalance(who.accountId, patch->low_balance_micro);
    if (!account)
        return fromError(account.error());
    return jsonReply(200, protocol::toJson(*account));
}

HttpReply AccountHandlers::redeem(const Principal &who, const QHttpServerRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    const QJsonValue code = body->value(u"code"_s);
    if (code.isUndefined())
        return fromError(makeError(u"missing_field"_s, u"code is required"_s, u"code"_s));
    if (!code.isString())
        return fromError(makeError(u"invalid_type"_s, u"code must be a string"_s, u"code"_s));
    auto balance = m_store.redeemVoucher(who.accountId, code.toString().trimmed());
    if (!balance)
        return fromError(balance.error());
    m_publisher.publish({{Change::Kind::Balance, who.accountId, 0, 0}});
    return jsonReply(200,
                     {{u"balance_micro"_s, *balance}, {u"currency"_s, m_store.policy().currency}});
}

HttpReply AccountHandlers::ledger(const Principal &who, const QHttpServerRequest &request, bool csv)
{
    const QUrlQuery params(request.url());
    // `since` is an entry id (entries after it) or an ISO 8601 time (entries at or after it).
    qint64 afterId = 0;
    qint64 sinceMs = 0;
    if (params.hasQueryItem(u"since"_s)) {
        const QString since = params.queryItemValue(u"since"_s);
        bool numeric = false;
        afterId = since.toLongLong(&numeric);
        if (!numeric) {
            afterId = 0;
            const QDateTime t = parseUtcTime(since);
            if (!t.isValid())
                return fromError(makeError(u"invalid_parameter"_s,
                                           u"since must be an entry id or an ISO 8601 time"_s,
                                           u"since"_s));
            sinceMs = t.toMSecsSinceEpoch();
        }
    }
    auto limit = intParameter(params, u"limit"_s, csv ? 1'000'000 : 100, 1, 1'000'000);
    if (!limit)
        return fromError(limit.error());
    auto entries = m_store.ledger(who.accountId, afterId, sinceMs, *limit);
    if (!entries)
        return fromError(entries.error());
    if (csv) {
        using protocol::csvNumber;
        using protocol::csvText;
        // Text columns go through csvText (neutralised, quoted), numbers through csvNumber:
        // a negative amount stays a number (docs/decisions.md, "CSV exports").
        QString text = protocol::csvRecord({u"id"_s, u"at"_s, u"kind"_s, u"amount_micro"_s,
                                            u"balance_after_micro"_s, u"instance_id"_s,
                                            u"idempotency_key"_s, u"description"_s});
        for (const auto &e : *entries)
            text += protocol::csvRecord({csvNumber(e.id), csvText(protocol::formatTime(e.at)),
                                         csvText(e.kind), csvNumber(e.amount_micro),
                                         csvNumber(e.balance_after_micro), csvNumber(e.instance_id),
                                         csvText(e.idempotency_key), csvText(e.description)});
        return {200, text.toUtf8(), "text/csv; charset=utf-8"};
    }
    QJsonArray array;
    for (const auto &e : *entries)
        array.append(protocol::toJson(e));
    return jsonReply(200, {{u"entries"_s, array}});
}

HttpReply AccountHandlers::earnings(const Principal &who)
{
    auto days = m_store.earningsByDay(who.accountId);
    if (!days)
        return fromError(days.error());
    auto hosts = m_store.earningsByHost(who.accountId);
    if (!hosts)
        return fromError(hosts.error());
    QJsonArray dayArray, hostArray;
    Micro total = 0;
    for (const auto &d : *days) {
        dayArray.append(QJsonObject{{u"day"_s, d.day}, {u"earned_micro"_s, d.earned}});
        total += d.earned;
    }
    for (const auto &h : *hosts)
        hostArray.append(QJsonObject{
            {u"host_id"_s, h.hostId}, {u"name"_s, h.name}, {u"earned_micro"_s, h.earned}});
    return jsonReply(200, {{u"days"_s, dayArray},
                           {u"hosts"_s, hostArray},
                           {u"total_micro"_s, total},
                           {u"currency"_s, m_store.policy().currency}});
}

} // namespace suanli::server
