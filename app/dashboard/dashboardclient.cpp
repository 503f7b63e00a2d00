#include "dashboardclient.h"

#include "client/marketclient.h"
#include "protocol/json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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

/// A MarketClient::request callback that hands the 2xx body to `decode` and its Result on.
template<typename T>
client::MarketClient::Callback<QByteArray> decoded(Result<T> (*decode)(const QByteArray &),
                                                DashboardClient::Callback<T> done)
{
    return [decode, done = std::move(done)](Result<QByteArray> r) {
        if (!r)
            return done(r.error());
        done(decode(*r));
    };
}

template<typename T, Result<T> (*fromJson)(const QJsonObject &)>
Result<T> objectAs(const QByteArray &body)
{
    auto json = protocol::parseJsonObject(body);
    if (!json)
        return json.error();
    return fromJson(*json);
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

DashboardClient::DashboardClient(client::MarketClient *market, QObject *parent)
    : QObject(parent)
    , m_market(market)
{
}

void DashboardClient::telemetry(qint64 instanceId, const QDateTime &since, QObject *context,
                                Callback<TelemetryHistory> done)
{
    QUrlQuery query;
    if (since.isValid())
        query.addQueryItem(u"since"_s, since.toUTC().toString(Qt::ISODateWithMs));
    m_market->request("GET", u"/api/v1/instances/%1/telemetry"_s.arg(instanceId), query, {},
                      context, decoded(&parseTelemetryHistory, std::move(done)));
}

void DashboardClient::instanceEvents(qint64 instanceId, QObject *context,
                                     Callback<QList<InstanceHistoryEvent>> done)
{
    m_market->request("GET", u"/api/v1/instances/%1/events"_s.arg(instanceId), {}, {}, context,
                      decoded(&parseInstanceEvents, std::move(done)));
}

void DashboardClient::patchGuards(qint64 instanceId, const protocol::InstanceGuardsPatch &patch,
                                  QObject *context, Callback<protocol::Instance> done)
{
    m_market->request("PATCH", u"/api/v1/instances/%1"_s.arg(instanceId), {},
                      QJsonDocument(protocol::toJson(patch)).toJson(QJsonDocument::Compact),
                      context,
                      decoded(&objectAs<protocol::Instance, &protocol::instanceFromJson>,
                              std::move(done)));
}

void DashboardClient::setLowBalance(Micro threshold, QObject *context,
                                    Callback<protocol::Account> done)
{
    const QJsonObject body{{u"low_balance_micro"_s, threshold}};
    m_market->request("PATCH", u"/api/v1/me"_s, {},
                      QJsonDocument(body).toJson(QJsonDocument::Compact), context,
                      decoded(&objectAs<protocol::Account, &protocol::accountFromJson>,
                              std::move(done)));
}

} // namespace suanli::dashboard
