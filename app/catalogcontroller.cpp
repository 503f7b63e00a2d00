#include "catalogcontroller.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace suanli::app {

CatalogController::CatalogController(client::MarketClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_proxy.setSourceModel(&m_model);
    // Best value first: peak TFLOPS per currency unit per hour; CPU-only machines last.
    m_proxy.sort(OfferTableModel::TflopsPerPrice, Qt::DescendingOrder);
    m_poll.setInterval(15000);
    connect(&m_poll, &QTimer::timeout, this, &CatalogController::reload);
    m_soon.setSingleShot(true);
    m_soon.setInterval(1000);
    connect(&m_soon, &QTimer::timeout, this, &CatalogController::reload);
}

void CatalogController::setPollInterval(int ms)
{
    if (ms <= 0) {
        m_poll.stop();
        return;
    }
    m_poll.setInterval(ms);
    m_poll.start();
}

void CatalogController::reload()
{
    m_soon.stop();
    if (m_state == State::Idle || m_state == State::Error)
        setState(State::Loading);
    m_incoming.clear();
    fetchPage(++m_generation, 0);
}

void CatalogController::reloadSoon()
{
    if (!m_soon.isActive())
        m_soon.start();
}

void CatalogController::fetchPage(quint64 generation, int offset)
{
    m_client->offers({}, u"id"_s, kPageSize, offset, this,
                     [this, generation, offset](Result<client::OfferPage> page) {
        if (generation != m_generation)
            return; // superseded by a newer load
        if (!page) {
            m_lastError = page.error();
            m_incoming.clear();
            // Older data stays on screen; only a catalog that never loaded shows the error.
            setState(m_model.rowCount() > 0 ? State::Ready : State::Error);
            emit stateChanged(m_state);
            return;
        }
        for (auto &offer : page->offers)
            m_incoming.push_back(std::move(offer));
        const int next = offset + int(page->offers.size());
        if (!page->offers.isEmpty() && next < page->total && next < kMaxOffers)
            fetchPage(generation, next);
        else
            finish(generation);
    });
}

void CatalogController::finish(quint64 generation)
{
    if (generation != m_generation)
        return;
    m_lastError = {};
    const bool first = m_model.rowCount() == 0;
    if (first) {
        m_model.setOffers(std::move(m_incoming));
    } else if (m_model.mergeOffers(std::move(m_incoming))) {
        // Rows changed in place; new rows were appended. Filters must still hold, so rows
        // that no longer match are re-tested without a re-sort (dynamic sorting is off).
    }
    m_incoming = {};
    updateFacets();
    setState(m_model.rowCount() > 0 ? State::Ready : State::Empty);
    emit loaded(m_model.rowCount());
}

void CatalogController::updateFacets()
{
    QSet<QString> models, regions;
    for (const auto &offer : m_model.offers()) {
        if (offer.gpus_total > 0)
            models.insert(offer.gpu_model);
        if (!offer.region.isEmpty())
            regions.insert(offer.region);
    }
    QStringList m(models.begin(), models.end());
    QStringList r(regions.begin(), regions.end());
    std::sort(m.begin(), m.end());
    std::sort(r.begin(), r.end());
    if (m != m_gpuModels || r != m_regions) {
        m_gpuModels = m;
        m_regions = r;
        emit facetsChanged();
    }
}

void CatalogController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace suanli::app
