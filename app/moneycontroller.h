#pragma once

#include "client/eventstream.h"
#include "client/marketclient.h"

#include <QHash>
#include <QObject>

namespace suanli::app {

/// Money in and out (issue 18, docs/market.md "Top-ups and payouts"): the account's top-up
/// orders and a lender's payouts, kept current from the market's answers and its `topup` and
/// `payout` events. Every call is asynchronous; the views show what the signals say.
class MoneyController : public QObject
{
    Q_OBJECT
public:
    MoneyController(client::MarketClient *client, client::EventStream *events,
                    QObject *parent = nullptr);

    const QList<protocol::TopUpOrder> &topUps() const { return m_topUps; }
    const QList<protocol::Payout> &payouts() const { return m_payouts; }
    const protocol::PayoutSummary &summary() const { return m_summary; }
    bool hasSummary() const { return m_hasSummary; }

    void reloadTopUps();
    /// Asks the market for an order; topUpCreated() gives its reference.
    void createTopUp(Micro amount);
    /// Reloads the summary and the payouts.
    void reloadPayouts();
    void requestPayout(Micro amount, const QString &destination);

signals:
    void topUpsChanged();
    void topUpCreated(const suanli::protocol::TopUpOrder &order);
    void topUpFailed(const suanli::Error &error);
    /// An order was paid (heard as an event).
    void topUpPaid(const suanli::protocol::TopUpOrder &order);
    void payoutsChanged();
    void payoutRequested(const suanli::protocol::Payout &payout);
    void payoutFailed(const suanli::Error &error);
    /// A payout moved on (heard as an event): approved, paid or rejected.
    void payoutStateChanged(const suanli::protocol::Payout &payout);
    void loadFailed(const suanli::Error &error);

private:
    void noteTopUp(const protocol::TopUpOrder &order);
    void notePayout(const protocol::Payout &payout);

    client::MarketClient *m_client;
    QList<protocol::TopUpOrder> m_topUps;
    QList<protocol::Payout> m_payouts;
    protocol::PayoutSummary m_summary;
    bool m_hasSummary = false;
    QHash<qint64, QString> m_announced; ///< the last state told by payoutStateChanged
};

} // namespace suanli::app
