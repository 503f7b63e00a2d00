#pragma once

#include "datasetpair.h"

#include "sync/synctypes.h"

#include <QAbstractListModel>

namespace suanli::datasets {

/// The pairs of the Datasets view, with each pair's live sync state for its progress bar.
class DatasetPairModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        LocalFolderRole,
        InstanceIdRole,
        RemotePathRole,
        DeleteExtraneousRole,
        RunningRole,
        PausedRole,
        BytesDoneRole,
        BytesTotalRole,
        FilesDoneRole,
        FilesTotalRole,
        RateRole, ///< bytes per second
        EtaRole,  ///< seconds, -1 unknown
        LastErrorRole,
        DirectionRole, ///< sync::Direction as int
        PairRole,      ///< the DatasetPair
    };

    explicit DatasetPairModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setPairs(const QList<DatasetPair> &pairs);
    const QList<DatasetPair> &pairs() const { return m_pairs; }
    int rowOf(const QString &id) const;
    /// The pair with this id, or null.
    const DatasetPair *find(const QString &id) const;
    void setProgress(const QString &id, const sync::SyncProgress &progress, bool running);
    void setLastError(const QString &id, const QString &message);

private:
    struct Live
    {
        bool running = false;
        sync::SyncProgress progress;
        QString lastError;
    };
    QList<DatasetPair> m_pairs;
    QHash<QString, Live> m_live;
};

} // namespace suanli::datasets
