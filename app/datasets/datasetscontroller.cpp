#include "datasetscontroller.h"

#include "sync/pathrules.h"

#include <QDir>
#include <QUuid>

namespace suanli::datasets {

DatasetsController::DatasetsController(QSettings &settings, QString journalPath, QObject *parent)
    : QObject(parent)
    , m_store(settings)
    , m_journalPath(std::move(journalPath))
{
    m_pairs.setPairs(m_store.load());
}

DatasetsController::~DatasetsController()
{
    // Each job's destructor cancels it and waits for its threads (moments: sockets are shut).
    qDeleteAll(m_jobs);
}

Result<DatasetPair> DatasetsController::checked(DatasetPair pair)
{
    if (!QDir::isAbsolutePath(pair.localFolder))
        return makeError(QStringLiteral("invalid_path"), tr("Choose a local folder."),
                         QStringLiteral("localFolder"));
    auto remote = sync::normaliseRemoteRoot(pair.remotePath.toUtf8());
    if (!remote) {
        Error error = remote.error();
        error.field = QStringLiteral("remotePath");
        return error;
    }
    pair.localFolder = QDir::cleanPath(pair.localFolder);
    pair.remotePath = QString::fromUtf8(*remote);
    return pair;
}

Result<QString> DatasetsController::addPair(const QString &localFolder, const QString &instanceId,
                                            const QString &remotePath, bool deleteExtraneous,
                                            sync::Direction direction)
{
    DatasetPair pair;
    pair.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    pair.localFolder = localFolder;
    pair.instanceId = instanceId;
    pair.remotePath = remotePath;
    pair.deleteExtraneous = deleteExtraneous;
    pair.direction = direction;
    auto valid = checked(pair);
    if (!valid)
        return valid.error();
    QList<DatasetPair> all = m_pairs.pairs();
    all.append(*valid);
    m_store.save(all);
    m_pairs.setPairs(all);
    return pair.id;
}

Result<void> DatasetsController::updatePair(const DatasetPair &pair)
{
    const int row = m_pairs.rowOf(pair.id);
    if (row < 0)
        return makeError(QStringLiteral("not_found"), tr("This folder pair no longer exists."));
    if (m_jobs.contains(pair.id))
        return makeError(QStringLiteral("sync_running"),
                         tr("This folder is syncing: cancel the sync or wait for it to end."));
    auto valid = checked(pair);
    if (!valid)
        return valid.error();
    QList<DatasetPair> all = m_pairs.pairs();
    all[row] = *valid;
    m_store.save(all);
    m_pairs.setPairs(all);
    return {};
}

bool DatasetsController::isRunOf(const DatasetPair &pair, const QString &destination)
{
    // SyncJournal::destinationKey ends in "<user>@<host>:<port>:<remote root> <local root>".
    return destination.endsWith(QLatin1Char(':') + pair.remotePath + QLatin1Char(' ')
                                + QDir::cleanPath(pair.localFolder))
        && destination.startsWith(pair.direction == sync::Direction::Upload
                                      ? QStringLiteral("up ")
                                      : QStringLiteral("down "));
}

void DatasetsController::removePair(const QString &id)
{
    cancel(id);
    QList<DatasetPair> all = m_pairs.pairs();
    all.removeIf([&](const DatasetPair &pair) { return pair.id == id; });
    m_store.save(all);
    m_pairs.setPairs(all);
}

Result<void> DatasetsController::syncNow(const QString &id, sync::Direction direction,
                                         const ssh::Endpoint &endpoint,
                                         const ssh::Identity &identity, bool dryRun)
{
    const int row = m_pairs.rowOf(id);
    if (row < 0)
        return makeError(QStringLiteral("not_found"), tr("This folder pair no longer exists."));
    if (m_jobs.contains(id))
        return makeError(QStringLiteral("sync_running"), tr("This folder is already syncing."));
    const DatasetPair &pair = m_pairs.pairs().at(row);
    sync::SyncOptions options;
    options.direction = direction;
    options.localRoot = pair.localFolder;
    options.remoteRoot = pair.remotePath.toUtf8();
    options.endpoint = endpoint;
    options.identity = identity;
    options.journalPath = m_journalPath;
    options.deleteExtraneous = pair.deleteExtraneous;
    options.dryRun = dryRun;
    options.receiverNames = direction == sync::Direction::Upload ? sync::NameRules::Posix
                                                                 : sync::hostNameRules();
    auto *job = new sync::SyncJob(options, this);
    m_jobs.insert(id, job);
    connect(job, &sync::SyncJob::progressChanged, this,
            [this, id](const sync::SyncProgress &progress) { m_pairs.setProgress(id, progress, true); });
    connect(job, &sync::SyncJob::planReady, this,
            [this, id](const sync::SyncPlan &plan) { emit planReady(id, plan); });
    connect(job, &sync::SyncJob::finished, this, [this, id, job](const sync::SyncReport &report) {
        m_jobs.remove(id);
        m_pairs.setProgress(id, job->progress(), false);
        m_pairs.setLastError(id, report.ok ? QString() : report.error.message);
        job->deleteLater();
        refreshHistory();
        emit syncFinished(id, report);
    });
    m_pairs.setLastError(id, {});
    m_pairs.setProgress(id, {}, true); // the bars start from nothing, not at the last run's end
    job->start();
    return {};
}

void DatasetsController::pause(const QString &id)
{
    if (auto *job = m_jobs.value(id))
        job->pause();
}

void DatasetsController::resume(const QString &id)
{
    if (auto *job = m_jobs.value(id))
        job->resume();
}

void DatasetsController::cancel(const QString &id)
{
    if (auto *job = m_jobs.value(id))
        job->cancel();
}

void DatasetsController::refreshHistory()
{
    sync::SyncJournal journal;
    if (m_journalPath.isEmpty() || !journal.open(m_journalPath))
        return;
    m_history.setRuns(journal.history());
}

} // namespace suanli::datasets
