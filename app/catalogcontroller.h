#pragma once

#include "client/marketclient.h"
#include "offerfilterproxy.h"
#include "offertablemodel.h"

#include <QObject>
#include <QTimer>

namespace suanli::app {

/// Keeps the catalog current: loads every listed offer from the market in pages, then polls
/// and merges snapshots into the model so that rows change in place. Filtering and sorting
/// happen locally in the proxy, so typing in the query box never waits for the network.
class CatalogController : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Loading, Ready, Empty, Error };
    Q_ENUM(State)

    CatalogController(client::MarketClient *client, QObject *parent = nullptr);

    OfferTableModel *model() { return &m_model; }
    OfferFilterProxy *proxy() { return &m_proxy; }
    State state() const { return m_state; }
    /// The last load's error; still set while older data is shown.
    Error lastError() const { return m_lastError; }
    /// Distinct GPU models and regions in the catalog, sorted (for the quick filters).
    QStringList gpuModels() const { return m_gpuModels; }
    QStringList regions() const { return m_regions; }

    /// Polling period; 0 stops polling. Default 15 s.
    void setPollInterval(int ms);
    /// Loads now (a load in flight is superseded).
    void reload();
    /// Coalesces bursts (e.g. instance events) into one reload a second later.
    void reloadSoon();

    static constexpr int kPageSize = 1000;
    static constexpr int kMaxOffers = 200'000;

signals:
    void stateChanged(suanli::app::CatalogController::State state);
    void loaded(int offers);
    void facetsChanged();

private:
    void fetchPage(quint64 generation, int offset);
    void finish(quint64 generation);
    void updateFacets();
    void setState(State state);

    client::MarketClient *m_client;
    OfferTableModel m_model;
    OfferFilterProxy m_proxy;
    QTimer m_poll;
    QTimer m_soon;
    State m_state = State::Idle;
    Error m_lastError;
    quint64 m_generation = 0;
    std::vector<protocol::Offer> m_incoming;
    QStringList m_gpuModels;
    QStringList m_regions;
};

} // namespace suanli::app
