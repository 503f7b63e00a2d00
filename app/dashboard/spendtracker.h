#pragma once

#include "spendseries.h"

#include "protocol/result.h"

#include <QObject>

namespace suanli::client {
class EventStream;
class MarketClient;
}
namespace suanli::app {
using client::EventStream;
using client::MarketClient;
}

namespace suanli::dashboard {

/// Keeps the spend series current: pages the ledger in (GET /api/v1/ledger, after the newest
/// entry held) on reload and after every balance event, and knows the balance and the
/// instances, for the burn rate and the runway.
class SpendTracker : public QObject
{
    Q_OBJECT
public:
    /// Either may be null (tests feed data themselves).
    SpendTracker(client::MarketClient *client, client::EventStream *events, QObject *parent = nullptr);

    const SpendSeries &series() const { return m_series; }
    Micro balance() const { return m_balance; }
    QString currency() const { return m_currency; }
    const QList<protocol::Instance> &instances() const { return m_instances; }
    Micro burnPerHour() const { return dashboard::burnPerHour(m_instances); }
    std::optional<qint64> runwaySeconds() const
    {
        return dashboard::runwaySeconds(m_balance, burnPerHour());
    }

    void reload();
    void addEntries(const QList<protocol::LedgerEntry> &entries);
    void setBalance(Micro balance, const QString &currency);
    void setInstances(const QList<protocol::Instance> &instances);
    void upsertInstance(const protocol::Instance &instance);

signals:
    void changed();
    void loadFailed(const suanli::Error &error);

private:
    void fetchMore();

    client::MarketClient *m_client;
    SpendSeries m_series;
    QList<protocol::Instance> m_instances;
    qint64 m_lastId = 0;
    Micro m_balance = 0;
    QString m_currency = QStringLiteral("CNY");
    bool m_fetching = false;
    bool m_again = false;
};

} // namespace suanli::dashboard
