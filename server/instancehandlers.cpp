#include "instancehandlers.h"

#include "changepublisher.h"
#include "idletracker.h"
#include "instanceindex.h"

#include "protocol/json.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace suanli::server {

InstanceHandlers::InstanceHandlers(Store &store, const Clock &clock, ChangePublisher &publisher,
                                   InstanceIndex &instances, IdleTracker &idle)
    : m_store(store)
    , m_clock(clock)
    , m_publisher(publisher)
    , m_instances(instances)
    , m_idle(idle)
{}

bool InstanceHandlers::owns(const Principal &who, qint64 id)
{
    auto owner = m_store.instanceOwner(id);
    return owner && *owner == who.accountId;
}

HttpReply InstanceHandlers::createInstance(const Principal &who, const QHttpServerRequest &request)
{
    if (!who.hasRole(u"renter"_s) && !who.hasRole(u"admin"_s))
        return errorReply(403, u"forbidden"_s, u"this account has no renter role"_s);
    const QString key = QString::fromUtf8(request.value("idempotency-key")).trimmed();
    if (key.size() > 200)
        return fromError(
            makeError(u"invalid_parameter"_s, u"Idempotency-Key has at most 200 characters"_s));
    if (!key.isEmpty()) {
        auto stored = m_store.storedResponse(who.accountId, key);
        if (!stored)
            return fromError(stored.error());
        if (*stored)
            return {(*stored)->status, (*stored)->body, "application/json"};
    }
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto create = protocol::createInstanceRequestFromJson(*body);
    if (!create)
        return fromError(create.error());
    auto encode = [](const Instance &instance) {
        return QJsonDocument(protocol::toJson(instance)).toJson(QJsonDocument::Compact);
    };
    auto instance = m_store.createInstance(who.accountId, *create, key, encode, m_clock.nowMs());
    if (!instance) {
        if (instance.error().code == "conflict"_L1 && !key.isEmpty()) {
            // A concurrent request with the same key won the race: answer as it did.
            auto stored = m_store.storedResponse(who.accountId, key);
            if (stored && *stored)
                return {(*stored)->status, (*stored)->body, "application/json"};
        }
        return fromError(instance.error());
    }
    m_instances.remember(instance->id, who.accountId, instance->host_id);
    m_publisher.publish({{Change::Kind::Instance, who.accountId, instance->id, 0},
                         {Change::Kind::Command, 0, instance->id, instance->host_id},
                         // a plan is paid up front (docs/market.md, "Prepaid plans")
                         {Change::Kind::Balance, who.accountId, instance->id, 0}});
    return {201, encode(*instance), "application/json"};
}

HttpReply InstanceHandlers::listInstances(const Principal &who)
{
    auto list = m_store.instances(who.accountId);
    if (!list)
        return fromError(list.error());
    QJsonArray array;
    for (const auto &instance : *list)
        array.append(protocol::toJson(instance));
    return jsonReply(200, {{u"instances"_s, array}});
}

HttpReply InstanceHandlers::instanceAction(const Principal &who, qint64 id, const QString &action,
                                           const QHttpServerRequest *request)
{
    if (!owns(who, id))
        return noSuchInstance();
    Result<Instance> result = makeError(u"not_found"_s, u"no such instance"_s);
    const qint64 now = m_clock.nowMs();
    if (action == "get"_L1)
        result = m_store.instance(id);
    else if (action == "stop"_L1)
        result = m_store.requestStop(id, u"user_requested"_s, now);
    else if (action == "start"_L1) {
        // An empty body starts it as it was launched; {"gpu_count": 0} without a GPU.
        std::optional<int> gpuCount;
        if (request && !request->body().trimmed().isEmpty()) {
            auto body = bodyObject(*request);
            if (!body)
                return fromError(body.error());
            auto start = protocol::startInstanceRequestFromJson(*body);
            if (!start)
                return fromError(start.error());
            if (start->gpu_count && (*start->gpu_count < 0 || *start->gpu_count > 64))
                return fromError(makeError(
                    u"invalid_value"_s, u"gpu_count must be between 0 and 64"_s, u"gpu_count"_s));
            if (start->gpu_count)
                gpuCount = int(*start->gpu_count);
        }
        result = m_store.requestStart(id, now, gpuCount);
    } else if (action == "destroy"_L1)
        result = m_store.requestDestroy(id, u"user_requested"_s, now);
    if (!result)
        return fromError(result.error());
    if (action != "get"_L1) {
        QList<Change> changes{{Change::Kind::Instance, who.accountId, id, 0},
                              {Change::Kind::Balance, who.accountId, id, 0},
                              {Change::Kind::Command, 0, id, result->host_id}};
        if (action == "destroy"_L1 && result->copy) {
            // Destroying a clone cancels its copy: the source's agent revokes the key.
            if (auto source = m_store.instance(result->copy->source_id)) {
                changes.append({Change::Kind::Instance, who.accountId, source->id, 0});
                changes.append({Change::Kind::Command, 0, source->id, source->host_id});
            }
        }
        m_publisher.publish(changes);
    }
    return jsonReply(action == "get"_L1 ? 200 : 202, protocol::toJson(*result));
}

HttpReply InstanceHandlers::cloneInstance(const Principal &who, qint64 id,
                                          const QHttpServerRequest &request)
{
    if (!owns(who, id))
        return noSuchInstance();
    if (!who.hasRole(u"renter"_s) && !who.hasRole(u"admin"_s))
        return errorReply(403, u"forbidden"_s, u"this account has no renter role"_s);
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto clone = protocol::cloneInstanceRequestFromJson(*body);
    if (!clone)
        return fromError(clone.error());
    QList<Change> changes;
    auto instance = m_store.cloneInstance(who.accountId, id, *clone, m_clock.nowMs(), changes);
    if (!instance)
        return fromError(instance.error());
    m_instances.remember(instance->id, who.accountId, instance->host_id);
    m_publisher.publish(changes);
    return jsonReply(201, protocol::toJson(*instance));
}

HttpReply InstanceHandlers::instanceLogs(const Principal &who, qint64 id,
                                         const QHttpServerRequest &request)
{
    if (!owns(who, id))
        return noSuchInstance();
    auto tail = intParameter(QUrlQuery(request.url()), u"tail"_s, 200, 1, 5000);
    if (!tail)
        return fromError(tail.error());
    auto lines = m_store.logs(id, *tail);
    if (!lines)
        return fromError(lines.error());
    return jsonReply(200, {{u"lines"_s, QJsonArray::fromStringList(*lines)}});
}

HttpReply InstanceHandlers::patchInstance(const Principal &who, qint64 id,
                                          const QHttpServerRequest &request)
{
    auto body = bodyObject(request);
    if (!body)
        return fromError(body.error());
    auto patch = protocol::instanceGuardsPatchFromJson(*body);
    if (!patch)
        return fromError(patch.error());
    auto instance = m_store.updateGuards(who.accountId, id, *patch);
    if (!instance)
        return fromError(instance.error());
    m_idle.forget(id); // the idle guard is measured against the new setting from now on
    // The billing run applies the new limits within one period; the app hears the change now.
    m_publisher.publish({{Change::Kind::Instance, who.accountId, id, 0}});
    return jsonReply(200, protocol::toJson(*instance));
}

HttpReply InstanceHandlers::instanceHistory(const Principal &who, qint64 id)
{
    if (!owns(who, id))
        return noSuchInstance();
    auto history = m_store.instanceHistory(id);
    if (!history)
        return fromError(history.error());
    QJsonArray events;
    for (const InstanceHistoryEntry &e : *history)
        events.append(QJsonObject{
            {u"at"_s, protocol::formatTime(QDateTime::fromMSecsSinceEpoch(e.atMs, Qt::UTC))},
            {u"state"_s, e.state},
            {u"reason"_s, e.reason}});
    return jsonReply(200, {{u"events"_s, events}});
}

HttpReply InstanceHandlers::instanceTelemetry(const Principal &who, qint64 id,
                                              const QHttpServerRequest &request)
{
    if (!owns(who, id))
        return noSuchInstance();
    const QUrlQuery params(request.url());
    qint64 since = m_clock.nowMs() - 24 * 3600 * 1000;
    if (params.hasQueryItem(u"since"_s)) {
        const QDateTime t = parseUtcTime(params.queryItemValue(u"since"_s));
        if (!t.isValid())
            return fromError(
                makeError(u"invalid_parameter"_s, u"since must be an ISO 8601 time"_s, u"since"_s));
        since = t.toMSecsSinceEpoch();
    }
    auto points = m_store.telemetryHistory(id, since);
    if (!points)
        return fromError(points.error());
    QJsonArray array;
    for (const auto &p : *points)
        array.append(p);
    return jsonReply(200, {{u"samples"_s, array}});
}

} // namespace suanli::server
