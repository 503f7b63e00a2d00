#pragma once

#include "client/eventstream.h"
#include "ledgermodel.h"
#include "client/marketclient.h"

#include <QObject>
#include <QTimer>

namespace suanli::app {

/// Balance, ledger, CSV export and vouchers.
class BillingController : public QObject
{
    Q_OBJECT
public:
    BillingController(client::MarketClient *client, client::EventStream *events, QObject *parent = nullptr);

    LedgerModel *model() { return &m_model; }
    Micro balance() const { return m_balance; }
    QString currency() const { return m_currency; }
    bool hasBalance() const { return m_known; }

    /// Reloads the whole ledger (pages of 1,000, oldest first).
    void reload();
    /// Fetches entries newer than the newest shown.
    void refresh();
    void redeem(const QString &code);
    /// Downloads the market's CSV and writes it to `path`.
    void exportCsv(const QString &path);
    /// Takes the balance from elsewhere (GET /me).
    void setBalance(Micro balance, const QString &currency);

    static constexpr int kPage = 1000;

signals:
    void balanceChanged(qint64 balanceMicro, const QString &currency);
    void loadFailed(const suanli::Error &error);
    void redeemed(qint64 balanceMicro);
    void redeemFailed(const suanli::Error &error);
    void exported(const QString &path);
    void exportFailed(const suanli::Error &error);

private:
    void fetch(quint64 generation, qint64 afterId, bool replace);

    client::MarketClient *m_client;
    LedgerModel m_model;
    QTimer m_refresh;
    Micro m_balance = 0;
    QString m_currency = QStringLiteral("CNY");
    bool m_known = false;
    quint64 m_generation = 0;
    QList<protocol::LedgerEntry> m_pending;
};

} // namespace suanli::app
