#include "offerfilterproxy.h"

#include <QtConcurrent/QtConcurrentMap>

using namespace Qt::StringLiterals;

namespace suanli::app {

OfferFilterProxy::OfferFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
}

void OfferFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_offers = qobject_cast<OfferTableModel *>(model);
    Q_ASSERT(m_offers);
    // Row numbers are about to change: the cached verdicts are stale from here on. (The
    // "about to" signals come before the proxy maps anything again.)
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &OfferFilterProxy::markDirty);
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, &OfferFilterProxy::markDirty);
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &OfferFilterProxy::markDirty);
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &OfferFilterProxy::markDirty);
    QSortFilterProxyModel::setSourceModel(model);
}

void OfferFilterProxy::rebuild() const
{
    const auto &offers = m_offers->offers();
    m_accepted.assign(offers.size(), 0);
    const size_t n = offers.size();
    auto testRange = [this, &offers](size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i)
            m_accepted[i] = acceptsOffer(offers[i]) ? 1 : 0;
    };
    // Matching is pure (the parsed query and filters are read-only here), so large catalogs
    // are split over the cores; the call returns when every chunk is done.
    constexpr size_t kChunk = 8192;
    if (n < 2 * kChunk) {
        testRange(0, n);
    } else {
        std::vector<std::pair<size_t, size_t>> chunks;
        for (size_t begin = 0; begin < n; begin += kChunk)
            chunks.emplace_back(begin, std::min(n, begin + kChunk));
        QtConcurrent::blockingMap(chunks, [&testRange](const std::pair<size_t, size_t> &c) {
            testRange(c.first, c.second);
        });
    }
    m_dirty = false;
}

void OfferFilterProxy::setQuickFilters(const QuickFilters &filters)
{
    if (filters == m_filters)
        return;
    m_filters = filters;
    m_dirty = true;
    invalidate();
}

Result<void> OfferFilterProxy::setQueryText(const QString &text)
{
    auto parsed = protocol::query::parse(text);
    if (!parsed)
        return parsed.error();
    m_queryText = text;
    m_query = std::move(parsed).value();
    m_dirty = true;
    invalidate();
    return {};
}

const protocol::Offer &OfferFilterProxy::offerAt(int proxyRow) const
{
    return m_offers->offer(mapToSource(index(proxyRow, 0)).row());
}

bool OfferFilterProxy::acceptsOffer(const protocol::Offer &o) const
{
    const QuickFilters &f = m_filters;
    if (!f.gpuModels.isEmpty()) {
        const QString model = o.gpus_total == 0 ? QString() : o.gpu_model;
        if (!f.gpuModels.contains(model))
            return false;
    }
    if (f.minGpus > 0 && o.gpus_free < f.minGpus)
        return false;
    if (f.minVramMb > 0 && o.gpu_memory_mb < f.minVramMb)
        return false;
    if (f.maxPrice > 0 && o.price_gpu_hour_micro > f.maxPrice)
        return false;
    if (!f.region.isEmpty() && o.region != f.region)
        return false;
    if (f.verifiedOnly && !o.verified)
        return false;
    if (f.interruptible == QuickFilters::Interruptible::Only && !o.interruptible)
        return false;
    if (f.interruptible == QuickFilters::Interruptible::Exclude && o.interruptible)
        return false;
    return m_query.isEmpty() || protocol::query::matches(m_query, o);
}

bool OfferFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_dirty || size_t(sourceRow) >= m_accepted.size())
        rebuild();
    return m_accepted[size_t(sourceRow)] != 0;
}

void OfferFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (m_offers)
        m_offers->sort(column, order);
}

} // namespace suanli::app
