#pragma once

#include "protocol/clock.h"
#include "sqlstore.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <optional>

class QTimer;

namespace suanli::server {

/// The market's database sweeps, on a thread of their own: the billing run every 5 s and the
/// telemetry roll-up every minute. Each touches every instance, and on the event-loop thread
/// they held requests and agent messages back for as long as they ran (docs/market.md,
/// "Billing thread"). The worker has its own connection (Qt SQL connections belong to one
/// thread), reads the market's clock itself, and hands what changed back as signals: it never
/// touches a socket. Live in a QThread; every public function but the constructor runs there.
class BillingWorker : public QObject
{
    Q_OBJECT
public:
    /// A write transaction is cut short after this long (it blocks the event loop's writers)…
    static constexpr qint64 kBatchBudgetMs = 10;
    /// …and the next one waits this long. In this process a writer that waited gets the lock
    /// at once (Database's write lock for SQLite, PostgreSQL's lock queue); another process on
    /// the same SQLite file polls for it after 1, 2, 5, 10 ms, so it gets in too.
    static constexpr int kPauseMs = 15;

    BillingWorker(QString databaseUrl, MarketPolicy policy, QString connectionName,
                  const Clock &clock);
    ~BillingWorker() override;

    /// Opens the connection (before anything else is asked of it).
    void open();
    /// Bills every billingEveryMs and rolls telemetry up every compactEveryMs from now on.
    void startTimers(int billingEveryMs, int compactEveryMs);
    /// Starts a billing run now unless one is under way.
    void runBilling();
    /// Rolls up telemetry older than the raw window, in short transactions.
    void compactTelemetry();

signals:
    /// What one batch changed: events for apps, commands for agents. Queued to the market.
    void billed(const QList<suanli::server::Change> &changes);
    /// A run ended (ok or not): busy is the time its transactions held, wall the whole run.
    void runFinished(bool ok, double busySeconds, double wallSeconds);
    /// An offer row was written here: cached searches of the market are stale.
    void offersChanged();
    /// On this thread, before each batch's transaction, with the first instance it bills.
    void batchStarting(qint64 firstInstanceId);

private:
    void billNextBatch();
    void endRun(bool ok);

    QString m_url;
    MarketPolicy m_policy;
    QString m_connectionName;
    const Clock &m_clock;
    std::unique_ptr<SqlStore> m_store;
    QTimer *m_billingTimer = nullptr;
    QTimer *m_compactTimer = nullptr;
    std::optional<SqlStore::BillingRun> m_run;
    QElapsedTimer m_runWall;
    qint64 m_runBusyNs = 0;
};

} // namespace suanli::server
