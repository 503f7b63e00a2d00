#pragma once

#include "stats.h"

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QRandomGenerator>
#include <QStringList>

#include <vector>

namespace suanli::bench {

class HttpConnection;

/// One request of the search mix: GET /api/v1/offers with a query, an order and a page.
struct SearchQuery
{
    QString q;
    QString order;
    int limit = 50;
    int offset = 0;
    int weight = 1; ///< relative frequency in the mix

    QByteArray target() const;
};

/// The ~20 searches people make in the catalog, weighted: the default "cheapest GPU" page
/// most, then single models, multi-GPU, region and price filters, paging, the CPU-only list.
QList<SearchQuery> searchMix();

struct SearchResult
{
    double seconds = 0;     ///< from the first request to the last response
    qint64 requests = 0;    ///< responses received (any status) plus transport failures
    qint64 ok = 0;          ///< 200 responses
    qint64 errors = 0;      ///< everything else: HTTP errors and transport failures
    qint64 bytes = 0;       ///< response bodies
    double rps = 0;         ///< requests per second
    LatencySummary latency; ///< of all requests, failures included
    QMap<int, qint64> statuses;
    QStringList errorSamples; ///< the first few failures, for the log
    int connects = 0;         ///< TCP connections opened (== connections when keep-alive held)

    QJsonObject toJson() const;
};

/// Closed-loop search load: `connections` keep-alive connections, each sending its next
/// request as soon as the previous response has arrived, for a fixed time. Lives in its own
/// thread so that the 10,000 agent sockets of the main thread do not slow the client side.
class SearchLoad : public QObject
{
    Q_OBJECT
public:
    SearchLoad(QString host, quint16 port, QByteArray token, int connections, quint32 seed);

    /// Runs for `durationMs`, then waits for the requests in flight and emits finished.
    /// Call in the object's own thread (QMetaObject::invokeMethod).
    void run(int durationMs);

signals:
    void finished(const suanli::bench::SearchResult &result);

private:
    void issue(size_t connection);
    void finishIfDrained();

    QString m_host;
    quint16 m_port = 0;
    QByteArray m_token;
    int m_connectionCount = 0;
    quint32 m_seed = 0;
    QList<SearchQuery> m_mix;
    QList<QByteArray> m_targets;
    int m_totalWeight = 0;
    std::vector<HttpConnection *> m_connections;
    std::vector<QRandomGenerator> m_rngs;
    QElapsedTimer m_clock;
    qint64 m_durationNs = 0;
    qint64 m_lastResponseNs = 0;
    int m_outstanding = 0;
    int m_connectsBefore = 0;
    bool m_running = false;
    std::vector<qint64> m_latencies;
    SearchResult m_result;
};

} // namespace suanli::bench
