#include "dashboardclient.h"

#include "app/marketclient.h"
#include "protocol/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace suanli::dashboard {

namespace {

Stat statFrom(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    return Stat{o.value(u"min"_s).toDouble(), o.value(u"max"_s).toDouble(),
                o.value(u"mean"_s).toDouble()};
}

Result<TelemetryBucket> bucketFromJson(const QJsonObject &json)
{
    TelemetryBucket b;
    const QDateTime at = QDateTime::fromString(json.value(u"at"_s).toString(), Qt::ISODateWithMs);
    if (!at.isValid())
        return makeError(u"invalid_value"_s, u"bucket without a valid time"_s, u"at"_s);
    b.atMs = at.toMSecsSinceEpoch();
    b.bucketS = json.value(u"bucket_s"_s).toInt(60);
    b.count = json.value(u"count"_s).toInt();
    b.cpu = statFrom(json.value(u"cpu_pct"_s));
    b.memory = statFrom(json.value(u"memory_used_mb"_s));
    const QJsonArray gpus = json.value(u"gpus"_s).toArray();
    for (const QJsonValue &g : gpus) {
        const QJsonObject o = g.toObject();
        b.gpus.append({o.value(u"index"_s).toInt(), statFrom(o.value(u"utilization_pct"_s)),
                       statFrom(o.value(u"memory_used_mb"_s)),
                       statFrom(o.value(u"temperature_c"_s)), statFrom(o.value(u"power_w"_s))});
    }
    return b;
}

} // namespace

Result<TelemetryHistory> parseTelemetryHistory(const QByteArray &body)
{
    auto json = protocol::parseJsonObject(body);
    if (!json)
        return json.error();
    TelemetryHistory history;
    const QJsonArray samples = json->value(u"samples"_s).toArray();
    for (qsizetype i = 0; i < samples.size(); ++i) {
        const QJsonObject o = samples.at(i).toObject();
        if (o.contains(u"bucket_s"_s)) {
            auto bucket = bucketFromJson(o);
            if (!bucket)
                return bucket.error();
            history.buckets.append(*bucket);
        } else {
            auto sample = protocol::telemetrySampleFromJson(o);
            if (!sample) {
                Error e = sample.error();
                e.field = u"samples[%1].%2"_s.arg(i).arg(e.field);
                return e;
            }
            history.samples.append(*sample);
        }
    }
    return history;
}

Result<QList<InstanceHistoryEvent>> parseInstanceEvents(const QByteArray &body)
{
    auto json = protocol::parseJsonObject(body);
    if (!json)
        return json.error();
    QList<InstanceHistoryEvent> out;
    const QJsonArray events = json->value(u"events"_s).toArray();
    for (const QJsonValue &v : events) {
        const QJsonObject o = v.toObject();
        out.append({QDateTime::fromString(o.value(u"at"_s).toString(), Qt::ISODateWithMs),
                    o.value(u"state"_s).toString(), o.value(u"reason"_s).toString()});
    }
    return out;
}

DashboardClient::DashboardClient(QNetworkAccessManager *network, const app::MarketClient *market,
                                 QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_market(market)
{
}

void DashboardClient::send(const QByteArray &method, const QString &path, const QString &query,
                           const QByteArray &body, QObject *context,
                           std::function<void(Result<QByteArray>)> done, int attempt)
{
    QUrl url = m_market->baseUrl();
    url.setPath(url.path().chopped(url.path().endsWith(u'/') ? 1 : 0) + path);
    if (!query.isEmpty())
        url.setQuery(query);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setRawHeader("Authorization", "Bearer " + m_market->token());
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this,
            [=, this, done = std::move(done)]() mutable {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = reply->readAll();
        if (!guard)
            return;
        if (status == 0 && attempt == 0)
            return send(method, path, query, body, guard, std::move(done), 1);
        if (status == 0)
            return done(makeError(u"network_error"_s,
                                  tr("Cannot reach the market: %1").arg(reply->errorString())));
        if (status < 200 || status >= 300)
            return done(app::errorFromReply(status, answer));
        done(answer);
    });
}

void DashboardClient::telemetry(qint64 instanceId, const QDateTime &since, QObject *context,
                                Callback<TelemetryHistory> done)
{
    QUrlQuery query;
    if (since.isValid())
        query.addQueryItem(u"since"_s, since.toUTC().toString(Qt::ISODateWithMs));
    send("GET", u"/api/v1/instances/%1/telemetry"_s.arg(instanceId),
         query.toString(QUrl::FullyEncoded), {}, context,
         [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        done(parseTelemetryHistory(*r));
    });
}

void DashboardClient::instanceEvents(qint64 instanceId, QObject *context,
                                     Callback<QList<InstanceHistoryEvent>> done)
{
    send("GET", u"/api/v1/instances/%1/events"_s.arg(instanceId), {}, {}, context,
         [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        done(parseInstanceEvents(*r));
    });
}

void DashboardClient::patchGuards(qint64 instanceId, const protocol::InstanceGuardsPatch &patch,
                                  QObject *context, Callback<protocol::Instance> done)
{
    send("PATCH", u"/api/v1/instances/%1"_s.arg(instanceId), {},
         QJsonDocument(protocol::toJson(patch)).toJson(QJsonDocument::Compact), context,
         [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        auto json = protocol::parseJsonObject(*r);
        if (!json)
            return done(json.error());
        done(protocol::instanceFromJson(*json));
    });
}

void DashboardClient::setLowBalance(Micro threshold, QObject *context,
                                    Callback<protocol::Account> done)
{
    QJsonObject body{{u"low_balance_micro"_s, threshold}};
    send("PATCH", u"/api/v1/me"_s, {}, QJsonDocument(body).toJson(QJsonDocument::Compact), context,
         [done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        auto json = protocol::parseJsonObject(*r);
        if (!json)
            return done(json.error());
        done(protocol::accountFromJson(*json));
    });
}

} // namespace suanli::dashboard
