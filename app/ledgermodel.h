#pragma once

#include "protocol/types.h"

#include <QAbstractTableModel>
#include <QLocale>

#include <vector>

namespace suanli::app {

/// The account's ledger entries, newest first.
class LedgerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Kind, Description, Amount, BalanceAfter, ColumnCount };
    enum Role { RawDataRole = Qt::UserRole + 1 };

    explicit LedgerModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setEntries(const QList<protocol::LedgerEntry> &oldestFirst);
    /// Adds entries newer than what is shown (oldest first, as the market pages them).
    void append(const QList<protocol::LedgerEntry> &oldestFirst);
    qint64 lastId() const { return m_rows.empty() ? 0 : m_rows.front().id; }
    const protocol::LedgerEntry &entry(int row) const { return m_rows[size_t(row)]; }

    void setCurrency(const QString &currency);
    void setLocale(const QLocale &locale) { m_locale = locale; }

    static QString kindText(const QString &kind);

private:
    std::vector<protocol::LedgerEntry> m_rows; ///< newest first
    QString m_currency = QStringLiteral("CNY");
    QLocale m_locale;
};

} // namespace suanli::app
