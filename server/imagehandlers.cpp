#include "imagehandlers.h"

#include "changepublisher.h"
#include "protocol/json.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace suanli::server {

ImageHandlers::ImageHandlers(Store &store, const Clock &clock, ChangePublisher &publisher)
    : m_store(store)
    , m_clock(clock)
    , m_publisher(publisher)
{}

Result<QString> ImageHandlers::validName(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 64)
        return makeError(u"invalid_value"_s, u"name must be 1 to 64 characters"_s, u"name"_s);
    for (const QChar c : trimmed) {
        const bool ok = c.isLetterOrNumber() || c == u'.' || c == u'_' || c == u'-' || c == u' ';
        if (!ok)
            return makeError(u"invalid_value"_s,
                             u"name may hold letters, digits, '.', '_', '-' and spaces only"_s,
                             u"name"_s);
    }
    return trimmed;
}

HttpReply ImageHandlers::list(const Principal &who)
{
    auto images = m_store.images();
    if (!images)
        return fromError(images.error());
    auto own = m_store.ownImages(who.accountId);
    if (!own)
        return fromError(own.error());
    QJsonArray list;
    for (const auto &image : *images)
        list.append(protocol::toJson(image));
    for (const auto &image : *own)
        list.append(protocol::toJson(image));
    return {200, QJsonDocument(list).toJson(QJsonDocument::Compact), "application/json"};
}

HttpReply ImageHandlers::save(const Principal &who, qint64 instanceId,
                              const QHttpServerRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto parsed = protocol::saveImageRequestFromJson(*body);
    if (!parsed)
        return fromError(parsed.error());
    auto name = validName(parsed->name);
    if (!name)
        return fromError(name.error());
    auto image = m_store.saveImage(who.accountId, instanceId, *name, m_clock.nowMs());
    if (!image)
        return fromError(image.error());
    m_publisher.publish({{Change::Kind::Command, 0, instanceId, image->host_id.value_or(0)}});
    QJsonObject reply{{u"id"_s, image->id},
                      {u"ref"_s, image->ref},
                      {u"state"_s, image->state},
                      {u"size_bytes"_s, image->size_bytes}};
    return jsonReply(202, reply);
}

HttpReply ImageHandlers::remove(const Principal &who, qint64 imageId)
{
    auto host = m_store.deleteImage(who.accountId, imageId, m_clock.nowMs());
    if (!host)
        return fromError(host.error());
    QList<Change> changes{{Change::Kind::Balance, who.accountId, 0, 0}};
    if (*host)
        changes.append({Change::Kind::Command, 0, 0, *host});
    m_publisher.publish(changes);
    return {204, {}, "application/json"};
}

} // namespace suanli::server
