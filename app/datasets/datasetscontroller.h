#pragma once

#include "datasetpairmodel.h"
#include "datasetpairstore.h"
#include "synchistorymodel.h"

#include "protocol/result.h"
#include "sync/syncjob.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace suanli::datasets {

/// The Datasets view's controller: the pairs (kept in settings), one SyncJob per pair at a
/// time, its progress in the pair model, pause/resume/cancel, and the history of runs from the
/// sync journal. Everything here returns at once; the jobs run in their own threads.
class DatasetsController : public QObject
{
    Q_OBJECT
public:
    DatasetsController(QSettings &settings, QString journalPath, QObject *parent = nullptr);
    ~DatasetsController() override;

    DatasetPairModel *pairs() { return &m_pairs; }
    SyncHistoryModel *history() { return &m_history; }

    /// Adds a pair and returns its id. The folder must be absolute; the path must not hold "..".
    Result<QString> addPair(const QString &localFolder, const QString &instanceId,
                            const QString &remotePath, bool deleteExtraneous = false,
                            sync::Direction direction = sync::Direction::Upload);
    /// Changes a pair (found by `pair.id`), checked like addPair; refused while it syncs.
    Result<void> updatePair(const DatasetPair &pair);
    void removePair(const QString &id);
    /// Whether a run in the history (HistoryEntry::destination) was one of this pair's, on any
    /// instance: the journal keys runs by direction, address and both roots.
    static bool isRunOf(const DatasetPair &pair, const QString &destination);

    /// Starts syncing a pair with the running instance at endpoint (its sshd, pinned key).
    Result<void> syncNow(const QString &id, sync::Direction direction, const ssh::Endpoint &endpoint,
                         const ssh::Identity &identity, bool dryRun = false);
    void pause(const QString &id);
    void resume(const QString &id);
    void cancel(const QString &id);
    bool isSyncing(const QString &id) const { return m_jobs.contains(id); }

    /// Re-reads the last runs from the journal into history().
    void refreshHistory();

signals:
    void planReady(const QString &id, const suanli::sync::SyncPlan &plan);
    void syncFinished(const QString &id, const suanli::sync::SyncReport &report);

private:
    /// The pair with its folder and path cleaned, or what is wrong with them.
    static Result<DatasetPair> checked(DatasetPair pair);

    DatasetPairStore m_store;
    QString m_journalPath;
    DatasetPairModel m_pairs;
    SyncHistoryModel m_history;
    QHash<QString, sync::SyncJob *> m_jobs;
};

} // namespace suanli::datasets
