#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <utility>

namespace suanli::server {

/// Request counters and latency histograms for /metrics, per process (Prometheus scrapes each
/// process; sums across processes are the scraper's job).
class Metrics
{
public:
    using Labels = QList<std::pair<QByteArray, QString>>;

    /// `route` is a route template or "unmatched" (RestApi::routeLabel), never a raw path:
    /// every distinct value is a series of its own.
    void observeRequest(const QString &route, int status, double seconds);
    void countSearchCacheHit() { ++m_searchCacheHits; }
    /// busy: time in the run's transactions; wall: from start to end, pauses included.
    void observeBillingRun(double busySeconds, double wallSeconds)
    {
        ++m_billingRuns;
        m_billingSeconds += busySeconds;
        m_billingLastSeconds = busySeconds;
        m_billingLastWallSeconds = wallSeconds;
    }
    /// Prometheus text exposition of what this process counted.
    QByteArray render() const;

    /// One sample line of the text exposition format, `name{label="value",…} value\n`: the
    /// one place that writes labels (the market's gauges use it too), each value escaped.
    static QByteArray sample(const QByteArray &name, const Labels &labels, const QByteArray &value);
    /// A label value as the text format requires it: backslash, double quote and line feed
    /// written as `\\`, `\"` and `\n` (docs/market.md, "Metrics").
    static QByteArray escapeLabelValue(const QString &value);

    static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                        0.05,  0.1,    0.25,  0.5,  1.0};

private:
    struct Histogram
    {
        std::array<quint64, kBuckets.size()> counts{};
        quint64 count = 0;
        double sum = 0;
    };
    QHash<QPair<QString, int>, quint64> m_requests;
    QHash<QString, Histogram> m_latency;
    quint64 m_searchCacheHits = 0;
    quint64 m_billingRuns = 0;
    double m_billingSeconds = 0;
    double m_billingLastSeconds = 0;
    double m_billingLastWallSeconds = 0;
};

} // namespace suanli::server
