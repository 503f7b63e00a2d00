#pragma once

#include <QByteArray>
#include <QCache>
#include <QElapsedTimer>
#include <QString>

#include <optional>

namespace suanli::server {

/// Offer searches answered from memory. A catalog is read far more often than it changes: the
/// same search is answered again while no offer changed (the store's offersVersion(), which
/// other market processes move through suanli_offers) and for at most kMaxAgeMs, a bound on
/// how stale a change missed by both can be.
class SearchCache
{
public:
    static constexpr qint64 kMaxAgeMs = 1000;

    explicit SearchCache(qsizetype maxKiB = 32 * 1024); // total cost in KiB of response bodies

    /// Monotonic milliseconds, read before a search so that its entry ages from then.
    qint64 nowMs() const { return m_uptime.elapsed(); }
    std::optional<QByteArray> find(const QString &key, quint64 offersVersion, qint64 nowMs) const;
    void insert(const QString &key, const QByteArray &body, quint64 offersVersion, qint64 nowMs);

private:
    struct Entry
    {
        QByteArray body;
        quint64 offersVersion = 0;
        qint64 storedAtMs = 0;
    };
    QCache<QString, Entry> m_entries; ///< canonical query → response body
    QElapsedTimer m_uptime;
};

} // namespace suanli::server
