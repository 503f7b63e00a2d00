#include "contributormarket.h"

#include "protocol/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace suanli::contributor {

ContributorMarket::ContributorMarket(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{}

void ContributorMarket::setMarket(const QUrl &baseUrl, const QByteArray &accountToken)
{
    m_base = baseUrl;
    m_token = accountToken;
}

void ContributorMarket::get(const QString &path, const QList<std::pair<QString, QString>> &query,
                            QObject *context, std::function<void(Result<QJsonObject>)> done)
{
    if (!isConfigured()) {
        done(makeError(u"not_signed_in"_s, u"no market account is set up"_s));
        return;
    }
    QUrl url = m_base.resolved(QUrl(path));
    QStringList q;
    for (const auto &[k, v] : query)
        // ':' stays as is: the market reads `since` without decoding %3A (ISO 8601 times).
        q.append(k + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(v, ":")));
    if (!q.isEmpty())
        url.setQuery(q.join(u'&'), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setTransferTimeout(15'000);
    QNetworkReply *reply = m_network->get(request);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done)] {
        reply->deleteLater();
        if (!guard)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject json = QJsonDocument::fromJson(reply->readAll()).object();
        if (status == 0) {
            done(makeError(u"market_unreachable"_s, reply->errorString()));
        } else if (status >= 400) {
            const QJsonObject e = json.value(u"error"_s).toObject();
            done(makeError(e.value(u"code"_s).toString(u"http_%1"_s.arg(status)),
                           e.value(u"message"_s).toString(reply->errorString())));
        } else {
            done(json);
        }
    });
}

void ContributorMarket::earnings(QObject *context, std::function<void(Result<Earnings>)> done)
{
    get(u"/api/v1/earnings"_s, {}, context, [done](Result<QJsonObject> json) {
        if (!json)
            return done(json.error());
        done(Earnings::fromJson(*json));
    });
}

void ContributorMarket::pricing(const QString &gpuModel, QObject *context,
                                std::function<void(Result<PricingSuggestion>)> done)
{
    get(u"/api/v1/pricing"_s, {{u"gpu_model"_s, gpuModel}}, context,
        [done, gpuModel](Result<QJsonObject> json) {
            if (!json)
                return done(json.error());
            done(PricingSuggestion::fromJson(gpuModel, *json));
        });
}

void ContributorMarket::earningsLedger(
    const QDateTime &since, QObject *context,
    std::function<void(Result<QList<protocol::LedgerEntry>>)> done)
{
    get(u"/api/v1/ledger"_s,
        {{u"since"_s, since.toUTC().toString(Qt::ISODate)}, {u"limit"_s, u"1000"_s}}, context,
        [done](Result<QJsonObject> json) {
            if (!json)
                return done(json.error());
            QList<protocol::LedgerEntry> entries;
            for (const QJsonValue &v : json->value(u"entries"_s).toArray()) {
                auto e = protocol::ledgerEntryFromJson(v.toObject());
                if (!e)
                    return done(e.error());
                // A lender's account also holds top-ups and its own rentals' charges.
                if (e->kind == "earning"_L1)
                    entries.append(*e);
            }
            done(entries);
        });
}

} // namespace suanli::contributor
