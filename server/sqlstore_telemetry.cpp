#include "sqlstore.h"

#include "protocol/json.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace suanli::server {

// Telemetry history (docs/market.md, "Telemetry history"): 1 Hz for the last hour, 1-minute buckets
// with min/max/mean for the 23 hours before, nothing older.

namespace {

constexpr qint64 kRawKeepMs = 3600 * 1000;
constexpr qint64 kHistoryKeepMs = 24 * 3600 * 1000;
constexpr qint64 kBucketMs = 60 * 1000;

/// Running min/max/sum of one metric.
struct Stat
{
    double min = 0, max = 0, sum = 0;
    int n = 0;
    void add(double v)
    {
        min = n ? std::min(min, v) : v;
        max = n ? std::max(max, v) : v;
        sum += v;
        ++n;
    }
    QJsonObject json() const
    {
        return {{u"min"_s, min}, {u"max"_s, max}, {u"mean"_s, n ? sum / n : 0.0}};
    }
};

/// Min/max/mean of every numeric field of the samples in one minute.
QJsonObject summarise(qint64 instanceId, qint64 bucketMs, const QList<QJsonObject> &samples)
{
    QMap<QString, Stat> top;
    QMap<int, QMap<QString, Stat>> gpus;
    for (const QJsonObject &s : samples) {
        for (const auto &field : {u"cpu_pct"_s, u"memory_used_mb"_s, u"ssh_sessions"_s})
            top[field].add(s.value(field).toDouble());
        for (const auto &g : s.value(u"gpus"_s).toArray()) {
            const QJsonObject gpu = g.toObject();
            auto &stats = gpus[gpu.value(u"index"_s).toInt()];
            for (const auto &field : {u"utilization_pct"_s, u"memory_used_mb"_s,
                                      u"temperature_c"_s, u"power_w"_s})
                stats[field].add(gpu.value(field).toDouble());
        }
    }
    QJsonObject out{{u"instance_id"_s, instanceId},
                    {u"at"_s, protocol::formatTime(QDateTime::fromMSecsSinceEpoch(bucketMs, Qt::UTC))},
                    {u"bucket_s"_s, 60},
                    {u"count"_s, samples.size()}};
    for (auto it = top.begin(); it != top.end(); ++it)
        out.insert(it.key(), it.value().json());
    QJsonArray gpuArray;
    for (auto it = gpus.begin(); it != gpus.end(); ++it) {
        QJsonObject gpu{{u"index"_s, it.key()}};
        for (auto f = it.value().begin(); f != it.value().end(); ++f)
            gpu.insert(f.key(), f.value().json());
        gpuArray.append(gpu);
    }
    out.insert(u"gpus"_s, gpuArray);
    return out;
}

} // namespace

Result<void> SqlStore::insertTelemetry(const QList<protocol::TelemetrySample> &samples)
{
    if (samples.isEmpty())
        return {};
    Transaction tx(*m_db);
    if (!tx.started())
        return tx.started().error();
    for (const auto &sample : samples) {
        auto r = m_db->exec(u"INSERT INTO telemetry (instance_id, at, payload) VALUES (?, ?, ?) "
                            "ON CONFLICT DO NOTHING"_s,
                            {sample.instance_id, sample.at.toMSecsSinceEpoch(),
                             QString::fromUtf8(QJsonDocument(protocol::toJson(sample))
                                                   .toJson(QJsonDocument::Compact))});
        if (!r)
            return r.error();
    }
    return tx.commit();
}

Result<void> SqlStore::rollUpTelemetry(qint64 nowMs, const std::function<void()> &betweenChunks)
{
    // Only whole minutes older than the raw window are rolled up. An hour of 1 Hz samples of
    // a thousand instances is read outside any transaction (WAL and MVCC let it run beside
    // writers), then written in short transactions of kCompactChunk instances each: one long
    // one would keep the event loop's writers waiting for all of it.
    constexpr qsizetype kCompactChunk = 50;
    const qint64 cutoff = ((nowMs - kRawKeepMs) / kBucketMs) * kBucketMs;
    const qint64 forgetBefore = nowMs - kHistoryKeepMs;
    auto q = m_db->exec(u"SELECT instance_id, at, payload FROM telemetry WHERE at < ? "
                        "ORDER BY instance_id, at"_s,
                        {cutoff});
    if (!q)
        return q.error();
    struct Bucket { qint64 instance; qint64 start; QList<QJsonObject> samples; };
    QList<Bucket> buckets;
    QList<qint64> instances; // with raw samples to drop
    while (q->next()) {
        const qint64 instance = q->value(0).toLongLong();
        const qint64 start = (q->value(1).toLongLong() / kBucketMs) * kBucketMs;
        if (instances.isEmpty() || instances.last() != instance)
            instances.append(instance);
        if (buckets.isEmpty() || buckets.last().instance != instance
            || buckets.last().start != start)
            buckets.append({instance, start, {}});
        buckets.last().samples.append(
            QJsonDocument::fromJson(q->value(2).toString().toUtf8()).object());
    }
    q->finish();
    auto expired = m_db->column(u"SELECT DISTINCT instance_id FROM telemetry_minutes "
                                "WHERE bucket < ?"_s,
                                {forgetBefore});
    if (!expired)
        return expired.error();
    const QList<qint64> old = *expired; // with minutes past the history window

    qsizetype nextBucket = 0;
    for (qsizetype first = 0; first < std::max(instances.size(), old.size());
         first += kCompactChunk) {
        if (first > 0 && betweenChunks)
            betweenChunks();
        Transaction tx(*m_db);
        if (!tx.started())
            return tx.started().error();
        const QList<qint64> chunk = instances.mid(first, kCompactChunk);
        const qint64 lastInstance = chunk.isEmpty() ? 0 : chunk.last();
        for (; nextBucket < buckets.size() && !chunk.isEmpty()
               && buckets[nextBucket].instance <= lastInstance;
             ++nextBucket) {
            const Bucket &b = buckets[nextBucket];
            if (b.start < forgetBefore)
                continue; // past the history window already
            const QByteArray payload = QJsonDocument(summarise(b.instance, b.start, b.samples))
                                           .toJson(QJsonDocument::Compact);
            auto r = m_db->exec(u"INSERT INTO telemetry_minutes (instance_id, bucket, payload) "
                                "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"_s,
                                {b.instance, b.start, QString::fromUtf8(payload)});
            if (!r)
                return r.error();
        }
        for (qint64 instance : chunk) {
            auto drop = m_db->exec(u"DELETE FROM telemetry WHERE instance_id = ? AND at < ?"_s,
                                   {instance, cutoff});
            if (!drop)
                return drop.error();
        }
        for (qint64 instance : old.mid(first, kCompactChunk)) {
            auto drop = m_db->exec(u"DELETE FROM telemetry_minutes WHERE instance_id = ? "
                                   "AND bucket < ?"_s,
                                   {instance, forgetBefore});
            if (!drop)
                return drop.error();
        }
        if (auto c = tx.commit(); !c)
            return c.error();
    }
    return {};
}

Result<QList<QJsonObject>> SqlStore::telemetryHistory(qint64 instanceId, qint64 sinceMs)
{
    QList<QJsonObject> points;
    auto minutes = m_db->exec(u"SELECT payload FROM telemetry_minutes WHERE instance_id = ? "
                              "AND bucket >= ? ORDER BY bucket"_s,
                              {instanceId, sinceMs});
    if (!minutes)
        return minutes.error();
    while (minutes->next())
        points.append(QJsonDocument::fromJson(minutes->value(0).toString().toUtf8()).object());
    auto raw = m_db->exec(u"SELECT payload FROM telemetry WHERE instance_id = ? AND at >= ? "
                          "ORDER BY at"_s,
                          {instanceId, sinceMs});
    if (!raw)
        return raw.error();
    while (raw->next())
        points.append(QJsonDocument::fromJson(raw->value(0).toString().toUtf8()).object());
    return points;
}

Result<QHash<QString, qint64>> SqlStore::instanceCountsByState()
{
    auto q = m_db->exec(u"SELECT state, COUNT(*) FROM instances GROUP BY state"_s);
    if (!q)
        return q.error();
    QHash<QString, qint64> counts;
    while (q->next())
        counts.insert(q->value(0).toString(), q->value(1).toLongLong());
    return counts;
}

Result<QHash<QString, Micro>> SqlStore::ledgerTotalsByKind()
{
    auto q = m_db->exec(u"SELECT kind, SUM(amount_micro) FROM ledger GROUP BY kind"_s);
    if (!q)
        return q.error();
    QHash<QString, Micro> totals;
    while (q->next())
        totals.insert(q->value(0).toString(), q->value(1).toLongLong());
    return totals;
}

} // namespace suanli::server
