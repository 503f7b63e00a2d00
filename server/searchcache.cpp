#include "searchcache.h"

namespace suanli::server {

SearchCache::SearchCache(qsizetype maxKiB)
    : m_entries(maxKiB)
{
    m_uptime.start();
}

std::optional<QByteArray> SearchCache::find(const QString &key, quint64 offersVersion,
                                            qint64 nowMs) const
{
    if (const Entry *hit = m_entries.object(key)) {
        if (hit->offersVersion == offersVersion && nowMs - hit->storedAtMs < kMaxAgeMs)
            return hit->body;
    }
    return std::nullopt;
}

void SearchCache::insert(const QString &key, const QByteArray &body, quint64 offersVersion,
                         qint64 nowMs)
{
    m_entries.insert(key, new Entry{body, offersVersion, nowMs},
                     std::max<qsizetype>(1, body.size() / 1024));
}

} // namespace suanli::server
