#pragma once

#include "sync/syncjournal.h"

#include <QAbstractTableModel>

namespace suanli::datasets {

/// Past syncs, newest first: when, direction, files, bytes, duration, result.
class SyncHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        StartedColumn,
        DirectionColumn,
        FilesColumn,
        BytesColumn,
        DurationColumn,
        ResultColumn,
        ColumnCount
    };
    /// The raw value of a cell (numbers, QDateTime) for sorting proxies.
    static constexpr int RawRole = Qt::UserRole + 1;
    /// The run's destination key (SyncJournal::destinationKey), any column.
    static constexpr int DestinationRole = Qt::UserRole + 2;

    explicit SyncHistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setRuns(const QList<sync::HistoryEntry> &runs);

private:
    QList<sync::HistoryEntry> m_runs;
};

} // namespace suanli::datasets
