#include "datasetpairmodel.h"

namespace suanli::datasets {

DatasetPairModel::DatasetPairModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int DatasetPairModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pairs.size());
}

QVariant DatasetPairModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DatasetPair &pair = m_pairs.at(index.row());
    const Live live = m_live.value(pair.id);
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 ↔ %2").arg(pair.localFolder, pair.remotePath);
    case IdRole:
        return pair.id;
    case LocalFolderRole:
        return pair.localFolder;
    case InstanceIdRole:
        return pair.instanceId;
    case RemotePathRole:
        return pair.remotePath;
    case DeleteExtraneousRole:
        return pair.deleteExtraneous;
    case RunningRole:
        return live.running;
    case PausedRole:
        return live.progress.paused;
    case BytesDoneRole:
        return live.progress.bytesDone;
    case BytesTotalRole:
        return live.progress.bytesTotal;
    case FilesDoneRole:
        return live.progress.filesDone;
    case FilesTotalRole:
        return live.progress.filesTotal;
    case RateRole:
        return live.progress.bytesPerSecond;
    case EtaRole:
        return live.progress.etaSeconds;
    case LastErrorRole:
        return live.lastError;
    case DirectionRole:
        return int(pair.direction);
    case PairRole:
        return QVariant::fromValue(pair);
    default:
        return {};
    }
}

QHash<int, QByteArray> DatasetPairModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},       {IdRole, "id"},
            {LocalFolderRole, "localFolder"},   {InstanceIdRole, "instanceId"},
            {RemotePathRole, "remotePath"},     {DeleteExtraneousRole, "deleteExtraneous"},
            {RunningRole, "running"},           {PausedRole, "paused"},
            {BytesDoneRole, "bytesDone"},       {BytesTotalRole, "bytesTotal"},
            {FilesDoneRole, "filesDone"},       {FilesTotalRole, "filesTotal"},
            {RateRole, "rate"},                 {EtaRole, "eta"},
            {LastErrorRole, "lastError"},       {DirectionRole, "direction"}};
}

void DatasetPairModel::setPairs(const QList<DatasetPair> &pairs)
{
    beginResetModel();
    m_pairs = pairs;
    endResetModel();
}

int DatasetPairModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_pairs.size(); ++row) {
        if (m_pairs.at(row).id == id)
            return row;
    }
    return -1;
}

const DatasetPair *DatasetPairModel::find(const QString &id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_pairs.at(row);
}

void DatasetPairModel::setProgress(const QString &id, const sync::SyncProgress &progress, bool running)
{
    Live &live = m_live[id];
    live.progress = progress;
    live.running = running;
    if (const int row = rowOf(id); row >= 0)
        emit dataChanged(index(row), index(row));
}

void DatasetPairModel::setLastError(const QString &id, const QString &message)
{
    m_live[id].lastError = message;
    if (const int row = rowOf(id); row >= 0)
        emit dataChanged(index(row), index(row), {LastErrorRole});
}

} // namespace suanli::datasets
