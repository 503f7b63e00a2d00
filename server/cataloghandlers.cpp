#include "cataloghandlers.h"

#include "metrics.h"

#include "protocol/json.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace suanli::server {

CatalogHandlers::CatalogHandlers(Store &store, Metrics &metrics)
    : m_store(store)
    , m_metrics(metrics)
{}

HttpReply CatalogHandlers::offers(const QHttpServerRequest &request)
{
    const QUrlQuery params(request.url());
    const QString q = params.queryItemValue(u"q"_s, QUrl::FullyDecoded);
    const QString orderText = params.queryItemValue(u"order"_s, QUrl::FullyDecoded);
    const QString limitText = params.queryItemValue(u"limit"_s, QUrl::FullyDecoded);
    const QString offsetText = params.queryItemValue(u"offset"_s, QUrl::FullyDecoded);
    const QString key =
        q + QChar(0x1f) + orderText + QChar(0x1f) + limitText + QChar(0x1f) + offsetText;
    const quint64 version = m_store.offersVersion();
    const qint64 now = m_searchCache.nowMs();
    if (auto hit = m_searchCache.find(key, version, now)) {
        m_metrics.countSearchCacheHit();
        return {200, *hit, "application/json"};
    }
    auto query = protocol::query::parse(q);
    if (!query)
        return fromError(query.error());
    auto order = protocol::query::parseOrder(orderText);
    if (!order)
        return fromError(order.error());
    auto limit = intParameter(params, u"limit"_s, 50, 1, 1000);
    if (!limit)
        return fromError(limit.error());
    auto offset = intParameter(params, u"offset"_s, 0, 0, 10'000'000);
    if (!offset)
        return fromError(offset.error());
    auto page = m_store.searchOffers(*query, *order, *limit, *offset);
    if (!page)
        return fromError(page.error());
    QJsonArray list;
    for (const auto &offer : page->offers)
        list.append(protocol::toJson(offer));
    HttpReply reply = jsonReply(200, {{u"offers"_s, list}, {u"total"_s, page->total}});
    m_searchCache.insert(key, reply.body, version, now);
    return reply;
}

HttpReply CatalogHandlers::pricing(const QHttpServerRequest &request)
{
    const QString model =
        QUrlQuery(request.url()).queryItemValue(u"gpu_model"_s, QUrl::FullyDecoded);
    if (model.size() > 200)
        return fromError(
            makeError(u"invalid_parameter"_s, u"gpu_model is too long"_s, u"gpu_model"_s));
    auto p = m_store.priceSuggestion(model);
    if (!p)
        return fromError(p.error());
    return jsonReply(200, {{u"gpu_model"_s, p->gpuModel},
                           {u"listed"_s, p->listed},
                           {u"median_price_gpu_hour_micro"_s, p->medianPriceMicro},
                           {u"rented_share"_s, p->rentedShare},
                           {u"currency"_s, m_store.policy().currency},
                           // The lender's share is charge × (1 − fee) (docs/market.md,
                           // "Billing as implemented"); the app's estimate and per-hour
                           // figure are net of it.
                           {u"platform_fee"_s, double(m_store.policy().platformFeePpm) / 1e6}});
}

} // namespace suanli::server
