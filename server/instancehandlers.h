#pragma once

#include "httpreply.h"
#include "protocol/clock.h"
#include "store.h"

class QHttpServerRequest;

namespace suanli::server {

class ChangePublisher;
class IdleTracker;
class InstanceIndex;

/// A renter's instances (server/openapi.yaml): launching (idempotent under Idempotency-Key),
/// listing, stop / start / destroy, guards, and each instance's history, logs and telemetry.
/// Another renter's instance is "not found", never "forbidden": ids do not leak.
class InstanceHandlers
{
public:
    InstanceHandlers(Store &store, const Clock &clock, ChangePublisher &publisher,
                     InstanceIndex &instances, IdleTracker &idle);

    HttpReply createInstance(const Principal &who, const QHttpServerRequest &request);
    HttpReply listInstances(const Principal &who);
    /// "get", "stop", "start" or "destroy".
    /// get, stop, start (`request`: its optional body, StartInstanceRequest), destroy.
    HttpReply instanceAction(const Principal &who, qint64 id, const QString &action,
                             const QHttpServerRequest *request = nullptr);
    /// POST /instances/{id}/clone (docs/market.md, "Clone and move"): 201 the new instance.
    HttpReply cloneInstance(const Principal &who, qint64 id, const QHttpServerRequest &request);
    HttpReply patchInstance(const Principal &who, qint64 id, const QHttpServerRequest &request);
    HttpReply instanceHistory(const Principal &who, qint64 id);
    HttpReply instanceLogs(const Principal &who, qint64 id, const QHttpServerRequest &request);
    HttpReply instanceTelemetry(const Principal &who, qint64 id, const QHttpServerRequest &request);

private:
    bool owns(const Principal &who, qint64 id);

    Store &m_store;
    const Clock &m_clock;
    ChangePublisher &m_publisher;
    InstanceIndex &m_instances;
    IdleTracker &m_idle;
};

} // namespace suanli::server
