#include "hosthandlers.h"

#include "authenticator.h"
#include "protocol/clock.h"

#include "protocol/json.h"

#include <QCryptographicHash>
#include <QHttpServerRequest>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace suanli::server {

HttpReply HostHandlers::createHost(const Principal &who, const QHttpServerRequest &request)
{
    if (!who.hasRole(u"lender"_s) && !who.hasRole(u"admin"_s))
        return errorReply(403, u"forbidden"_s, u"this account has no lender role"_s);
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    const QJsonValue name = body->value(u"name"_s);
    if (name.isUndefined())
        return fromError(makeError(u"missing_field"_s, u"name is required"_s, u"name"_s));
    if (!name.isString())
        return fromError(makeError(u"invalid_type"_s, u"name must be a string"_s, u"name"_s));
    auto host = m_store.createHost(who.accountId, name.toString(), m_clock.nowMs());
    if (!host)
        return fromError(host.error());
    const QByteArray token = generateToken("sh_");
    auto saved = m_store.addToken(QCryptographicHash::hash(token, QCryptographicHash::Sha256),
                                  who.accountId, host->id);
    if (!saved)
        return fromError(saved.error());
    return jsonReply(
        201, {{u"host"_s, protocol::toJson(*host)}, {u"token"_s, QString::fromLatin1(token)}});
}

HttpReply HostHandlers::listHosts(const Principal &who)
{
    auto hosts = m_store.hosts(who.accountId);
    if (!hosts)
        return fromError(hosts.error());
    QJsonArray array;
    for (const auto &h : *hosts)
        array.append(protocol::toJson(h));
    return jsonReply(200, {{u"hosts"_s, array}});
}

HttpReply HostHandlers::patchHost(const Principal &who, qint64 id,
                                  const QHttpServerRequest &request)
{
    auto host = m_store.host(id);
    if (!host || host->owner_id != who.accountId)
        return errorReply(404, u"not_found"_s, u"no such host"_s);
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto listing = protocol::hostListingFromJson(*body, host->listing);
    if (!listing)
        return fromError(listing.error());
    auto updated = m_store.updateListing(id, *listing);
    if (!updated)
        return fromError(updated.error());
    return jsonReply(200, protocol::toJson(*updated));
}

} // namespace suanli::server
