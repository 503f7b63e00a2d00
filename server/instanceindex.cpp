#include "instanceindex.h"

namespace suanli::server {

qint64 InstanceIndex::accountOf(qint64 instanceId)
{
    auto it = m_account.constFind(instanceId);
    if (it != m_account.constEnd())
        return it.value();
    auto owner = m_store.instanceOwner(instanceId);
    if (!owner)
        return 0;
    m_account.insert(instanceId, *owner);
    return *owner;
}

std::optional<qint64> InstanceIndex::hostOf(qint64 instanceId)
{
    auto host = m_host.constFind(instanceId);
    if (host == m_host.constEnd()) {
        auto instance = m_store.instance(instanceId);
        if (!instance)
            return std::nullopt;
        host = m_host.insert(instanceId, instance->host_id);
    }
    return host.value();
}

void InstanceIndex::remember(qint64 instanceId, qint64 accountId, qint64 hostId)
{
    m_account.insert(instanceId, accountId);
    m_host.insert(instanceId, hostId);
}

} // namespace suanli::server
