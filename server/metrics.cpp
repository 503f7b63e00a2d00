#include "metrics.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace suanli::server {

void Metrics::observeRequest(const QString &route, int status, double seconds)
{
    ++m_requests[{route, status}];
    Histogram &h = m_latency[route];
    for (size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i])
            ++h.counts[i];
    }
    ++h.count;
    h.sum += seconds;
}

QByteArray Metrics::escapeLabelValue(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray Metrics::sample(const QByteArray &name, const Labels &labels, const QByteArray &value)
{
    QByteArray line = name;
    if (!labels.isEmpty()) {
        line += '{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i)
                line += ',';
            line += labels[i].first + "=\"" + escapeLabelValue(labels[i].second) + '"';
        }
        line += '}';
    }
    return line + ' ' + value + '\n';
}

QByteArray Metrics::render() const
{
    QByteArray out;
    out += "# HELP suanli_http_requests_total HTTP requests by route and status.\n"
           "# TYPE suanli_http_requests_total counter\n";
    for (auto it = m_requests.constBegin(); it != m_requests.constEnd(); ++it)
        out += sample("suanli_http_requests_total",
                      {{"route", it.key().first}, {"status", QString::number(it.key().second)}},
                      QByteArray::number(it.value()));
    out += "# HELP suanli_http_request_duration_seconds Request latency by route.\n"
           "# TYPE suanli_http_request_duration_seconds histogram\n";
    for (auto it = m_latency.constBegin(); it != m_latency.constEnd(); ++it) {
        const QString &route = it.key();
        for (size_t i = 0; i < kBuckets.size(); ++i)
            out += sample("suanli_http_request_duration_seconds_bucket",
                          {{"route", route}, {"le", QString::number(kBuckets[i])}},
                          QByteArray::number(it.value().counts[i]));
        out += sample("suanli_http_request_duration_seconds_bucket",
                      {{"route", route}, {"le", u"+Inf"_s}}, QByteArray::number(it.value().count));
        out += sample("suanli_http_request_duration_seconds_sum", {{"route", route}},
                      QByteArray::number(it.value().sum, 'f', 6));
        out += sample("suanli_http_request_duration_seconds_count", {{"route", route}},
                      QByteArray::number(it.value().count));
    }
    out += "# HELP suanli_offer_search_cache_hits_total Offer searches answered from memory.\n"
           "# TYPE suanli_offer_search_cache_hits_total counter\n"
           "suanli_offer_search_cache_hits_total " +
           QByteArray::number(m_searchCacheHits) + '\n';
    out += "# HELP suanli_billing_runs_total Billing runs of this process.\n"
           "# TYPE suanli_billing_runs_total counter\nsuanli_billing_runs_total " +
           QByteArray::number(m_billingRuns) + '\n';
    out += "# HELP suanli_billing_seconds_total Time billing runs spent in their transactions "
           "(on the billing thread).\n"
           "# TYPE suanli_billing_seconds_total counter\nsuanli_billing_seconds_total " +
           QByteArray::number(m_billingSeconds, 'f', 6) + '\n';
    out += "# HELP suanli_billing_last_run_seconds Time the last billing run spent in its "
           "transactions.\n"
           "# TYPE suanli_billing_last_run_seconds gauge\nsuanli_billing_last_run_seconds " +
           QByteArray::number(m_billingLastSeconds, 'f', 6) + '\n';
    out += "# HELP suanli_billing_last_run_wall_seconds Start to end of the last billing run, "
           "pauses between its batches included.\n"
           "# TYPE suanli_billing_last_run_wall_seconds gauge\n"
           "suanli_billing_last_run_wall_seconds " +
           QByteArray::number(m_billingLastWallSeconds, 'f', 6) + '\n';
    return out;
}

} // namespace suanli::server
