#pragma once

#include "protocol/types.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QLocale>

#include <vector>

namespace suanli::app {

/// The catalog's offers as a flat vector, one row each. Display text is formatted here (money
/// with the market's currency per docs/market.md); RawDataRole gives the unformatted value a proxy
/// sorts and filters on. Live updates merge by offer id: changed rows emit dataChanged, so
/// selection and scroll position survive.
class OfferTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        GpuModel,
        Gpus,
        Vram,
        Cpu,
        Ram,
        Disk,
        Price,
        StoragePrice,
        Reliability,
        Region,
        Tflops,
        TflopsPerPrice,
        Network, ///< measured down / up (docs/market.md, "Measured speeds"); not what is stated
        ColumnCount
    };
    enum Role { RawDataRole = Qt::UserRole + 1, OfferIdRole };

    explicit OfferTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Sorts the vector itself by a column (typed keys, ties by id; unknown TFLOPS last in
    /// either direction), keeping persistent indexes on their offers. Later loads keep this
    /// order; merged-in new offers are appended until the next sort.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    /// Replaces everything (one model reset): the first load.
    void setOffers(std::vector<protocol::Offer> offers);
    /// Applies a new full snapshot by id: updates changed rows in place, removes gone ones,
    /// appends new ones. Returns true when anything changed.
    bool mergeOffers(std::vector<protocol::Offer> offers);

    const std::vector<protocol::Offer> &offers() const { return m_offers; }
    const protocol::Offer &offer(int row) const { return m_offers[size_t(row)]; }
    /// Row of an offer id, or -1.
    int rowOf(qint64 offerId) const { return m_rowById.value(offerId, -1); }

    void setCurrency(const QString &currency);
    QString currency() const { return m_currency; }
    void setLocale(const QLocale &locale);

    /// The measured link as the catalog shows it ("↓ 940 / ↑ 310 Mbit/s"), "not measured"
    /// before the first measurement and "unknown" for a direction whose test failed.
    static QString networkText(const protocol::Offer &o, const QLocale &locale);
    /// TFLOPS per currency unit per hour of the whole offer; nullopt when unknown or free.
    static std::optional<double> tflopsPerPrice(const protocol::Offer &offer);

private:
    QString display(const protocol::Offer &offer, int column) const;
    QVariant raw(const protocol::Offer &offer, int column) const;
    void reindex();
    /// The permutation that sorts m_offers: result[newRow] = oldRow.
    std::vector<int> sortedRows(int column, Qt::SortOrder order) const;
    void applyOrder(const std::vector<int> &order);

    std::vector<protocol::Offer> m_offers;
    QHash<qint64, int> m_rowById;
    QString m_currency = QStringLiteral("CNY");
    QLocale m_locale;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace suanli::app
