#pragma once

#include "store.h"

namespace suanli::server {

class AgentChannel;
class AppEventHub;
class InstanceIndex;

/// Turns what a transaction changed (Store's Change list) into what apps and agents hear:
/// instance and balance events (and low-balance warnings) for the owners' apps, and a kick
/// for the agents that have new commands. Every change from a request, an agent or a billing
/// run goes out through here.
class ChangePublisher
{
public:
    ChangePublisher(Store &store, InstanceIndex &instances, AppEventHub &apps,
                    AgentChannel &agents);

    void publish(const QList<Change> &changes);

private:
    Store &m_store;
    InstanceIndex &m_instances;
    AppEventHub &m_apps;
    AgentChannel &m_agents;
};

} // namespace suanli::server
