#include "session.h"

namespace suanli::app {

Session::Session(QNetworkAccessManager *network, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(network)
    , m_catalog(&m_client)
    , m_instances(&m_client, &m_events, clock)
    , m_billing(&m_client, &m_events)
    , m_money(&m_client, &m_events)
{
    // Launches change what hosts have free.
    connect(&m_events, &client::EventStream::instanceChanged, &m_catalog,
            &CatalogController::reloadSoon);
    connect(&m_billing, &BillingController::balanceChanged, this,
            [this](qint64 balance, const QString &currency) {
        m_account.balance_micro = balance;
        m_catalog.model()->setCurrency(currency);
        m_instances.model()->setCurrency(currency);
    });
}

void Session::connectTo(const QUrl &marketUrl, const QByteArray &token, bool local)
{
    m_local = local;
    m_state = State::Checking;
    m_client.setMarket(marketUrl, token);
    if (m_marketInfo) {
        m_marketInfo.reset();
        emit marketInfoChanged();
    }
    m_client.marketInfo(this, [this](Result<protocol::MarketInfo> info) {
        if (!info)
            return; // an older market without the call: the views say they do not know
        m_marketInfo = *info;
        emit marketInfoChanged();
    });
    m_client.me(this, [this, marketUrl, token](Result<protocol::Account> me) {
        if (!me) {
            m_state = State::Failed;
            emit failed(me.error());
            return;
        }
        m_state = State::Ready;
        m_account = *me;
        m_catalog.model()->setCurrency(me->currency);
        m_instances.model()->setCurrency(me->currency);
        m_billing.setBalance(me->balance_micro, me->currency);
        m_events.open(marketUrl, token);
        m_catalog.reload();
        m_catalog.setPollInterval(15000);
        m_instances.reload();
        m_billing.reload();
        m_money.reloadTopUps(); // issue 18
        m_money.reloadPayouts();
        emit ready(m_account);
    });
}

void Session::disconnect()
{
    m_events.close();
    m_catalog.setPollInterval(0);
    m_client.setMarket(m_client.baseUrl(), {});
    m_state = State::Idle;
}

} // namespace suanli::app
