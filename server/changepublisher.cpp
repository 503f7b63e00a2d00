#include "changepublisher.h"

#include "agentchannel.h"
#include "appeventhub.h"
#include "instanceindex.h"

#include "protocol/json.h"

#include <QSet>

namespace suanli::server {

ChangePublisher::ChangePublisher(Store &store, InstanceIndex &instances, AppEventHub &apps,
                                 AgentChannel &agents)
    : m_store(store)
    , m_instances(instances)
    , m_apps(apps)
    , m_agents(agents)
{}

void ChangePublisher::publish(const QList<Change> &changes)
{
    QSet<qint64> balances;
    QSet<qint64> instances;
    QSet<qint64> hosts;
    QList<const Change *> warnings;
    QList<const Change *> planNotices;
    for (const Change &change : changes) {
        switch (change.kind) {
        case Change::Kind::Instance:
            instances.insert(change.instanceId);
            break;
        case Change::Kind::BalanceWarning:
            warnings.append(&change);
            break;
        case Change::Kind::Balance:
            balances.insert(change.accountId);
            break;
        case Change::Kind::Command:
            hosts.insert(change.hostId);
            break;
        case Change::Kind::PlanEnding:
            planNotices.append(&change);
            break;
        }
    }
    for (qint64 id : instances) {
        auto instance = m_store.instance(id);
        if (instance)
            m_apps.publishToAccount(
                m_instances.accountOf(id),
                protocol::toJson(protocol::AppEvent{protocol::InstanceEvent{*instance}}));
    }
    for (qint64 accountId : balances) {
        auto account = m_store.account(accountId);
        if (account)
            m_apps.publishToAccount(accountId,
                                    protocol::toJson(protocol::AppEvent{protocol::BalanceEvent{
                                        account->balance_micro, account->currency, std::nullopt}}));
    }
    for (const Change *w : warnings) {
        auto account = m_store.account(w->accountId);
        if (!account)
            continue;
        protocol::BalanceEvent event{
            account->balance_micro, account->currency,
            protocol::BalanceWarning{w->threshold, w->burnMicroPerHour, w->runwayS}};
        m_apps.publishToAccount(w->accountId, protocol::toJson(protocol::AppEvent{event}));
    }
    // A prepaid plan ends soon (docs/market.md, "Prepaid plans").
    for (const Change *n : planNotices) {
        auto instance = m_store.instance(n->instanceId);
        auto account = m_store.account(n->accountId);
        if (!instance || !account)
            continue;
        protocol::PlanNoticeEvent event;
        event.instance_id = instance->id;
        event.plan = instance->plan;
        event.plan_ends_at = instance->plan_ends_at;
        event.renew = instance->renew;
        event.renewal_micro = n->renewalMicro;
        event.will_renew = instance->renew && account->balance_micro >= n->renewalMicro;
        m_apps.publishToAccount(n->accountId, protocol::toJson(protocol::AppEvent{event}));
    }
    for (qint64 hostId : hosts)
        m_agents.kick(hostId);
}

} // namespace suanli::server
