#pragma once

#include "billingcontroller.h"
#include "catalogcontroller.h"
#include "client/eventstream.h"
#include "instancescontroller.h"
#include "client/marketclient.h"

#include "moneycontroller.h" // issue 18

#include <QObject>

class QNetworkAccessManager;

namespace suanli::app {

/// One signed-in market: the client, the events socket and the controllers built on them.
/// connectTo() checks the token with GET /api/v1/me before anything else is loaded.
class Session : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Checking, Ready, Failed };
    Q_ENUM(State)

    explicit Session(QNetworkAccessManager *network, const Clock &clock = defaultClock(),
                     QObject *parent = nullptr);

    client::MarketClient *client() { return &m_client; }
    client::EventStream *events() { return &m_events; }
    CatalogController *catalog() { return &m_catalog; }
    InstancesController *instances() { return &m_instances; }
    BillingController *billing() { return &m_billing; }
    MoneyController *money() { return &m_money; } ///< top-ups and payouts (issue 18)

    void connectTo(const QUrl &marketUrl, const QByteArray &token, bool local);
    /// After sign-out: closes the events socket, stops polling and forgets the token.
    void disconnect();
    State state() const { return m_state; }
    bool isLocal() const { return m_local; }
    QUrl marketUrl() const { return m_client.baseUrl(); }
    const protocol::Account &account() const { return m_account; }
    /// GET /api/v1/market as read after signing in (retention days, currency, sign-up mode);
    /// none before it answered. Views show what they know, never a made-up number.
    const std::optional<protocol::MarketInfo> &marketInfo() const { return m_marketInfo; }

signals:
    void ready(const suanli::protocol::Account &account);
    void failed(const suanli::Error &error);
    void marketInfoChanged();

private:
    client::MarketClient m_client;
    client::EventStream m_events;
    CatalogController m_catalog;
    InstancesController m_instances;
    BillingController m_billing;
    MoneyController m_money;
    State m_state = State::Idle;
    bool m_local = false;
    protocol::Account m_account;
    std::optional<protocol::MarketInfo> m_marketInfo;
};

} // namespace suanli::app
