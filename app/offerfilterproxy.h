#pragma once

#include "offertablemodel.h"
#include "protocol/query.h"

#include <QSortFilterProxyModel>
#include <QStringList>

#include <vector>

namespace suanli::app {

/// The catalog's quick filters (all optional; a zero or empty value means "any").
struct QuickFilters
{
    enum class Interruptible { Any, Only, Exclude };
    QStringList gpuModels;      ///< exact models; empty: any
    int minGpus = 0;            ///< GPUs free
    qint64 minVramMb = 0;       ///< per GPU
    Micro maxPrice = 0;         ///< per GPU-hour; 0: no limit
    QString region;             ///< empty: any
    bool verifiedOnly = false;
    Interruptible interruptible = Interruptible::Any;

    bool operator==(const QuickFilters &) const = default;
};

/// Filters an OfferTableModel and passes sorting down to it. Rows are tested straight on the
/// source's vector (no QVariant per cell), with the quick filters and a query of docs/market.md
/// parsed by the shared protocol::query parser. Sorting is the source's (it sorts its vector
/// with typed keys, far faster than the proxy's per-pair lessThan on 100,000 rows); the proxy
/// keeps source order. Dynamic filtering is off: live updates change rows in place without
/// moving them under the user's selection; a new filter or a click on a header re-sorts.
class OfferFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit OfferFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setQuickFilters(const QuickFilters &filters);
    const QuickFilters &quickFilters() const { return m_filters; }
    /// Parses and applies `text`. On a syntax error the previous query stays in force and the
    /// error (with its position) is returned for the view to show inline.
    Result<void> setQueryText(const QString &text);
    QString queryText() const { return m_queryText; }

    /// The offer behind a proxy row.
    const protocol::Offer &offerAt(int proxyRow) const;

    bool acceptsOffer(const protocol::Offer &offer) const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    /// Tests every offer once, on all cores, into m_accepted.
    void rebuild() const;
    void markDirty() { m_dirty = true; }

    OfferTableModel *m_offers = nullptr;
    mutable std::vector<quint8> m_accepted; ///< by source row
    mutable bool m_dirty = true;
    QuickFilters m_filters;
    protocol::query::Query m_query;
    QString m_queryText;
};

} // namespace suanli::app
