#pragma once

#include "httpreply.h"
#include "protocol/clock.h"
#include "store.h"

class QHttpServerRequest;

namespace suanli::server {

class ChangePublisher;

/// The images renters launch (server/openapi.yaml, docs/market.md "Saved images"): the hosts'
/// images and the renter's own, saving an instance as an image and deleting one. Another
/// renter's image or instance is "not found", never "forbidden".
class ImageHandlers
{
public:
    ImageHandlers(Store &store, const Clock &clock, ChangePublisher &publisher);

    /// GET /api/v1/images: the hosts' images, then the renter's own with `owner: "me"`.
    HttpReply list(const Principal &who);
    /// POST /api/v1/instances/{id}/images {name} → 202.
    HttpReply save(const Principal &who, qint64 instanceId, const QHttpServerRequest &request);
    /// DELETE /api/v1/images/{id} → 204.
    HttpReply remove(const Principal &who, qint64 imageId);

    /// 1 to 64 characters of letters, digits, `.`, `_`, `-` and spaces, not blank.
    static Result<QString> validName(const QString &name);

private:
    Store &m_store;
    const Clock &m_clock;
    ChangePublisher &m_publisher;
};

} // namespace suanli::server
