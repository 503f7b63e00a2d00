#include "searchload.h"

#include "httpconnection.h"

#include <QJsonArray>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace suanli::bench {

QByteArray SearchQuery::target() const
{
    QByteArray t = "/api/v1/offers?limit=" + QByteArray::number(limit);
    if (!q.isEmpty())
        t += "&q=" + QUrl::toPercentEncoding(q);
    if (!order.isEmpty())
        t += "&order=" + QUrl::toPercentEncoding(order);
    if (offset)
        t += "&offset=" + QByteArray::number(offset);
    return t;
}

QList<SearchQuery> searchMix()
{
    return {
        // The catalog's first page and its next pages.
        {u"gpus>=1"_s, u"price"_s, 50, 0, 14},
        {u"gpus>=1"_s, u"price"_s, 50, 50, 4},
        {QString(), u"price"_s, 50, 0, 6},
        {QString(), u"-perf_tflops"_s, 20, 0, 3},
        // One model, the way most renters search.
        {u"gpu_model=RTX_4090"_s, u"price"_s, 50, 0, 10},
        {u"gpu_model=RTX_4090 gpus>=2 price<=2.5 reliability>0.9"_s, u"price"_s, 50, 0, 8},
        {u"gpu=RTX_3090 region=cn-south"_s, u"price"_s, 50, 0, 4},
        {u"gpu=A100_80GB"_s, u"-reliability,price"_s, 50, 0, 5},
        {u"gpu=A800 gpus>=4"_s, u"price"_s, 50, 0, 3},
        {u"gpu=H100 region in [us-west,us-east]"_s, u"price"_s, 50, 0, 3},
        {u"gpu=L40S"_s, u"price,-reliability"_s, 50, 0, 3},
        {u"gpu in [A100_80GB,A800,H100]"_s, u"-perf_tflops"_s, 50, 0, 4},
        // Capability filters.
        {u"vram_gb>=48 gpus>=4"_s, u"-perf_tflops"_s, 50, 0, 4},
        {u"gpus>=8"_s, u"price"_s, 50, 0, 3},
        {u"perf_tflops>=300"_s, u"price"_s, 100, 0, 3},
        {u"cuda_version>=12.2 gpus>=2 inet_down_mbps>=500"_s, u"price"_s, 50, 0, 3},
        {u"ram_gb>=256 disk_free_gb>=1000"_s, u"-ram_mb"_s, 50, 0, 2},
        // Region, price, terms.
        {u"region in [cn-east,cn-north] price<=1.5 gpus>=1"_s, u"price"_s, 50, 0, 5},
        {u"interruptible=false min_duration_s<=3600 gpus>=1"_s, u"price"_s, 50, 100, 3},
        {u"gpus_total=0 cpu_cores>=32"_s, u"price"_s, 50, 0, 2},
    };
}

QJsonObject SearchResult::toJson() const
{
    QJsonObject codes;
    for (auto it = statuses.constBegin(); it != statuses.constEnd(); ++it)
        codes.insert(QString::number(it.key()), it.value());
    return {{u"seconds"_s, seconds},
            {u"requests"_s, requests},
            {u"ok"_s, ok},
            {u"errors"_s, errors},
            {u"rps"_s, qRound(rps)},
            {u"bytes"_s, bytes},
            {u"latency"_s, latency.toJson()},
            {u"statuses"_s, codes},
            {u"connects"_s, connects},
            {u"error_samples"_s, QJsonArray::fromStringList(errorSamples)}};
}

SearchLoad::SearchLoad(QString host, quint16 port, QByteArray token, int connections, quint32 seed)
    : m_host(std::move(host))
    , m_port(port)
    , m_token(std::move(token))
    , m_connectionCount(connections)
    , m_seed(seed)
    , m_mix(searchMix())
{
    for (const SearchQuery &q : std::as_const(m_mix)) {
        m_targets.append(q.target());
        m_totalWeight += q.weight;
    }
}

void SearchLoad::run(int durationMs)
{
    if (m_connections.empty()) {
        // Created here, in the load's own thread, and kept: later runs reuse the connections.
        for (int i = 0; i < m_connectionCount; ++i) {
            m_connections.push_back(new HttpConnection(m_host, m_port, m_token, this));
            m_rngs.emplace_back(m_seed + quint32(i));
        }
    }
    m_result = {};
    m_latencies.clear();
    m_latencies.reserve(1'000'000);
    m_durationNs = qint64(durationMs) * 1'000'000;
    m_lastResponseNs = 0;
    m_running = true;
    m_clock.start();
    for (size_t i = 0; i < m_connections.size(); ++i)
        issue(i);
}

void SearchLoad::issue(size_t connection)
{
    if (!m_running || m_clock.nsecsElapsed() >= m_durationNs) {
        m_running = false;
        finishIfDrained();
        return;
    }
    int roll = int(m_rngs[connection].bounded(m_totalWeight));
    qsizetype choice = 0;
    while (roll >= m_mix[choice].weight) {
        roll -= m_mix[choice].weight;
        ++choice;
    }
    ++m_outstanding;
    m_connections[connection]->send(
        "GET", m_targets[choice], QByteArray(),
        [this, connection, choice](const HttpConnection::Reply &reply) {
            --m_outstanding;
            m_lastResponseNs = m_clock.nsecsElapsed();
            m_latencies.push_back(reply.latencyNs);
            ++m_result.requests;
            m_result.bytes += reply.body.size();
            m_result.statuses[reply.status] += 1;
            if (reply.status == 200) {
                ++m_result.ok;
            } else {
                ++m_result.errors;
                if (m_result.errorSamples.size() < 5)
                    m_result.errorSamples.append(
                        u"%1 %2: %3"_s.arg(reply.status)
                            .arg(QString::fromLatin1(m_targets[choice]),
                                 reply.transportError.isEmpty()
                                     ? QString::fromUtf8(reply.body.left(200))
                                     : reply.transportError));
            }
            issue(connection);
        });
}

void SearchLoad::finishIfDrained()
{
    if (m_outstanding > 0)
        return;
    m_result.seconds = double(m_lastResponseNs) / 1e9;
    m_result.rps = m_result.seconds > 0 ? double(m_result.requests) / m_result.seconds : 0;
    m_result.latency = summarise(m_latencies);
    int connects = 0;
    for (const HttpConnection *c : m_connections)
        connects += c->connectsMade();
    m_result.connects = connects - m_connectsBefore;
    m_connectsBefore = connects;
    emit finished(m_result);
}

} // namespace suanli::bench
