#include "speedtesthandlers.h"

#include "protocol/clock.h"

#include <QHttpServerRequest>
#include <QRandomGenerator>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace suanli::server {

namespace {
constexpr qint64 kHourMs = 3600 * 1000;
} // namespace

std::optional<HttpReply> SpeedTestHandlers::overLimit(qint64 hostId)
{
    const qint64 now = m_clock.nowMs();
    QList<qint64> &times = m_recent[hostId];
    times.removeIf([now](qint64 t) { return t <= now - kHourMs; });
    if (times.size() >= kTestsPerHour) {
        const qint64 waitS = std::max<qint64>(1, (times.first() + kHourMs - now + 999) / 1000);
        return errorReply(
            429, u"too_many_attempts"_s,
            u"at most %1 speed tests an hour per host; try again in %2 minutes"_s.arg(kTestsPerHour)
                .arg((waitS + 59) / 60));
    }
    times.append(now);
    return std::nullopt;
}

HttpReply SpeedTestHandlers::download(const Principal &who, const QHttpServerRequest &request)
{
    const QUrlQuery query(request.url());
    if (!query.hasQueryItem(u"bytes"_s))
        return errorReply(422, u"invalid_value"_s,
                          u"bytes is required: how many bytes to send, 1 to %1"_s.arg(kMaxBytes));
    bool ok = false;
    const qint64 bytes = query.queryItemValue(u"bytes"_s).toLongLong(&ok);
    if (!ok || bytes < 1 || bytes > kMaxBytes)
        return errorReply(422, u"invalid_value"_s,
                          u"bytes must be a whole number from 1 to %1"_s.arg(kMaxBytes));
    if (auto limited = overLimit(who.hostId))
        return *limited;
    // Random bytes, new for every test: nothing on the way (a compressing proxy, a cache) can
    // make the download look faster than the link.
    QByteArray body(bytes, Qt::Uninitialized);
    const qsizetype words = bytes / qsizetype(sizeof(quint32));
    QRandomGenerator generator(QRandomGenerator::global()->generate());
    generator.fillRange(reinterpret_cast<quint32 *>(body.data()), words);
    for (qsizetype i = words * qsizetype(sizeof(quint32)); i < body.size(); ++i)
        body[i] = char(generator.generate());
    HttpReply reply;
    reply.status = 200;
    reply.body = std::move(body);
    reply.contentType = "application/octet-stream";
    return reply;
}

HttpReply SpeedTestHandlers::upload(const Principal &who, const QHttpServerRequest &request)
{
    // The size was checked before the body was read (RestApi::route, requestguard.h).
    const qint64 bytes = request.body().size();
    if (bytes < 1)
        return errorReply(422, u"invalid_value"_s,
                          u"the upload test needs a body of 1 to %1 bytes"_s.arg(kMaxBytes));
    if (auto limited = overLimit(who.hostId))
        return *limited;
    return jsonReply(200, {{u"bytes"_s, bytes}});
}

} // namespace suanli::server
