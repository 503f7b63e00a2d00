#include "synchistorymodel.h"

#include <QLocale>

namespace suanli::datasets {

SyncHistoryModel::SyncHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int SyncHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int SyncHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const sync::HistoryEntry &run = m_runs.at(index.row());
    if (role == DestinationRole)
        return run.destination;
    const bool raw = role == RawRole;
    if (role != Qt::DisplayRole && !raw)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case StartedColumn:
        return raw ? QVariant(run.startedAt)
                   : QVariant(locale.toString(run.startedAt.toLocalTime(), QLocale::ShortFormat));
    case DirectionColumn:
        return run.direction == sync::Direction::Upload ? tr("Upload") : tr("Download");
    case FilesColumn:
        return raw ? QVariant(run.files) : QVariant(locale.toString(run.files));
    case BytesColumn:
        return raw ? QVariant(run.bytes) : QVariant(locale.formattedDataSize(run.bytes, 1, QLocale::DataSizeSIFormat));
    case DurationColumn:
        return raw ? QVariant(run.elapsedMs) : QVariant(tr("%1 s").arg(run.elapsedMs / 1000.0, 0, 'f', 1));
    case ResultColumn:
        if (raw)
            return run.ok;
        return run.ok ? tr("Done") : run.errorMessage;
    default:
        return {};
    }
}

QVariant SyncHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StartedColumn:
        return tr("Started");
    case DirectionColumn:
        return tr("Direction");
    case FilesColumn:
        return tr("Files");
    case BytesColumn:
        return tr("Size");
    case DurationColumn:
        return tr("Duration");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

void SyncHistoryModel::setRuns(const QList<sync::HistoryEntry> &runs)
{
    beginResetModel();
    m_runs = runs;
    endResetModel();
}

} // namespace suanli::datasets
