#pragma once

#include "store.h"

#include <QHash>

#include <optional>

namespace suanli::server {

/// Which account owns an instance and which host runs it: asked for every telemetry sample
/// and every event, and never changing, so read from the store once and kept.
class InstanceIndex
{
public:
    explicit InstanceIndex(Store &store)
        : m_store(store)
    {}

    /// 0 when there is no such instance.
    qint64 accountOf(qint64 instanceId);
    std::optional<qint64> hostOf(qint64 instanceId);
    /// A new instance, known without asking the store.
    void remember(qint64 instanceId, qint64 accountId, qint64 hostId);

private:
    Store &m_store;
    QHash<qint64, qint64> m_account; ///< instance → owner account
    QHash<qint64, qint64> m_host;    ///< instance → host
};

} // namespace suanli::server
