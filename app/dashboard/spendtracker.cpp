#include "spendtracker.h"

#include "client/eventstream.h"
#include "client/marketclient.h"

namespace suanli::dashboard {

namespace {
constexpr int kPage = 1000;
}

SpendTracker::SpendTracker(client::MarketClient *client, client::EventStream *events, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    if (events) {
        connect(events, &client::EventStream::balanceChanged, this,
                [this](qint64 balance, const QString &currency) {
            setBalance(balance, currency);
            fetchMore(); // a balance change is a new ledger line
        });
        connect(events, &client::EventStream::instanceChanged, this, &SpendTracker::upsertInstance);
        connect(events, &client::EventStream::resynced, this, &SpendTracker::fetchMore);
    }
}

void SpendTracker::reload()
{
    m_series.clear();
    m_lastId = 0;
    fetchMore();
    if (!m_client)
        return;
    m_client->instances(this, [this](Result<QList<protocol::Instance>> r) {
        if (r)
            setInstances(*r);
    });
    m_client->me(this, [this](Result<protocol::Account> r) {
        if (r)
            setBalance(r->balance_micro, r->currency);
    });
}

void SpendTracker::fetchMore()
{
    if (!m_client)
        return;
    if (m_fetching) {
        m_again = true;
        return;
    }
    m_fetching = true;
    m_client->ledger(m_lastId, kPage, this,
                     [this](Result<QList<protocol::LedgerEntry>> r) {
        m_fetching = false;
        if (!r)
            return emit loadFailed(r.error());
        const bool full = r->size() >= kPage;
        addEntries(*r);
        if (full || m_again) {
            m_again = false;
            fetchMore();
        }
    });
}

void SpendTracker::addEntries(const QList<protocol::LedgerEntry> &entries)
{
    // Page on the newest id of any kind: the series keeps spend rows only.
    for (const auto &e : entries)
        m_lastId = std::max(m_lastId, e.id);
    m_series.addEntries(entries);
    if (!entries.isEmpty())
        emit changed();
}

void SpendTracker::setBalance(Micro balance, const QString &currency)
{
    m_balance = balance;
    if (!currency.isEmpty())
        m_currency = currency;
    emit changed();
}

void SpendTracker::setInstances(const QList<protocol::Instance> &instances)
{
    m_instances = instances;
    emit changed();
}

void SpendTracker::upsertInstance(const protocol::Instance &instance)
{
    for (auto &i : m_instances) {
        if (i.id == instance.id) {
            i = instance;
            emit changed();
            return;
        }
    }
    m_instances.append(instance);
    emit changed();
}

} // namespace suanli::dashboard
