#pragma once

#include "httpreply.h"
#include "store.h"

#include "protocol/clock.h"

#include <QHttpServerRequest>

#include <optional>

namespace suanli::server {

/// Money in and out (issue 18, docs/market.md "Top-ups and payouts"): a renter's top-up
/// orders, the payment provider's webhook, a lender's payouts, and the operator's admin API
/// for both (role `admin`).
class MoneyHandlers
{
public:
    MoneyHandlers(Store &store, const Clock &clock);

    /// The route template (after "/api/v1/") of a money path split at '/', or empty.
    static QString routeTemplate(const QStringList &parts);
    /// The webhook is answered before authentication: it carries no token, only its signature.
    HttpReply webhook(const QHttpServerRequest &request);
    /// Every other money route (`route` is routeTemplate()'s); nullopt when not one of them.
    std::optional<HttpReply> route(const Principal &who, QStringView route, qint64 id,
                                   const QHttpServerRequest &request);

    /// `Suanli-Signature: t=UNIX,v1=HEX` for `body` at `unixTime` under `secret`: what a
    /// provider sends (and the tests).
    static QByteArray signature(const QByteArray &secret, qint64 unixTime, const QByteArray &body);
    /// The operator's CSV of payouts (admin payouts --csv, GET /api/v1/admin/payouts.csv).
    static QString payoutsCsv(Store &store, const QList<protocol::Payout> &payouts);

private:
    HttpReply createTopUp(const Principal &who, const QHttpServerRequest &request);
    HttpReply listTopUps(qint64 accountId, const QHttpServerRequest &request);
    HttpReply createPayout(const Principal &who, const QHttpServerRequest &request);
    HttpReply listPayouts(qint64 accountId, const QHttpServerRequest &request, bool csv);
    HttpReply payoutStep(qint64 id, QStringView step, const QHttpServerRequest &request);

    Store &m_store;
    const Clock &m_clock;
};

/// The HTTP answer to an error of the money store calls (their codes, then httpreply's).
HttpReply moneyError(const Error &error);

} // namespace suanli::server
