#pragma once

#include "protocol/clock.h"
#include "store.h"

#include <QObject>
#include <QThread>

namespace suanli::server {

class BillingWorker;

/// The billing thread: a BillingWorker with its own connection to the same database (SQLite
/// in WAL lets it write while the event loop reads; PostgreSQL locks rows), its own timers on
/// the market's clock. What a run changes comes back as signals on the owner's thread.
class BillingService : public QObject
{
    Q_OBJECT
public:
    BillingService(const QString &databaseUrl, const MarketPolicy &policy,
                   const QString &connectionName, const Clock &clock, QObject *parent = nullptr);
    /// Between two batches or in one: either way its transaction is committed or rolled back
    /// before the thread ends, and the worker (with its connection) is deleted on its thread.
    ~BillingService() override;

    /// Bills every billingEveryMs and rolls telemetry up every compactEveryMs from now on.
    void startTimers(int billingEveryMs, int compactEveryMs);
    /// Starts a run now on the billing thread (none if one is under way).
    void startRun();

signals:
    void billed(const QList<suanli::server::Change> &changes);
    void offersChanged();
    void runFinished(bool ok, double busySeconds, double wallSeconds);
    /// Emitted on the billing thread before each batch of a run, with the first instance id
    /// the batch bills (a Qt::DirectConnection runs there, before the batch's transaction).
    void batchStarting(qint64 firstInstanceId);

private:
    QThread m_thread;
    BillingWorker *m_worker = nullptr; ///< lives in m_thread, deleted when it ends
};

} // namespace suanli::server
