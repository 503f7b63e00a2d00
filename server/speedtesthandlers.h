#pragma once

#include "httpreply.h"
#include "store.h"

#include <QHash>
#include <QList>

class QHttpServerRequest;

namespace suanli {
class Clock;
}

namespace suanli::server {

/// The agents' speed test (server/openapi.yaml, docs/market.md "Measured speeds"):
/// `GET /api/v1/speedtest?bytes=N` sends N random bytes for the download test,
/// `POST /api/v1/speedtest` takes a body for the upload test. Host tokens only, at most
/// kMaxBytes a test, at most kTestsPerHour tests per host in any hour (in this process).
class SpeedTestHandlers
{
public:
    /// 64 MiB (DESIGN §9.4): enough for a second of a 500 Mbit/s link, bounded for the market.
    static constexpr qint64 kMaxBytes = 64LL * 1024 * 1024;
    /// An agent tests both ways at its start and daily; restarts and a retry fit well within.
    static constexpr int kTestsPerHour = 12;

    explicit SpeedTestHandlers(const Clock &clock)
        : m_clock(clock)
    {}

    HttpReply download(const Principal &who, const QHttpServerRequest &request);
    HttpReply upload(const Principal &who, const QHttpServerRequest &request);

private:
    /// 429 when the host has used its tests of the last hour; counts this one otherwise.
    std::optional<HttpReply> overLimit(qint64 hostId);

    const Clock &m_clock;
    QHash<qint64, QList<qint64>> m_recent; ///< host → start times of its tests in the last hour
};

} // namespace suanli::server
