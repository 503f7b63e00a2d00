#include "billingworker.h"

#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace suanli::server {

BillingWorker::BillingWorker(QString databaseUrl, MarketPolicy policy, QString connectionName,
                             const Clock &clock)
    : m_url(std::move(databaseUrl))
    , m_policy(std::move(policy))
    , m_connectionName(std::move(connectionName))
    , m_clock(clock)
    , m_billingTimer(new QTimer(this))
    , m_compactTimer(new QTimer(this))
{
    connect(m_billingTimer, &QTimer::timeout, this, &BillingWorker::runBilling);
    connect(m_compactTimer, &QTimer::timeout, this, &BillingWorker::compactTelemetry);
}

BillingWorker::~BillingWorker() = default;

void BillingWorker::open()
{
    // The schema is the market's business (it migrated it before this thread started).
    auto db = Database::open(m_url, m_connectionName);
    if (!db) {
        qWarning("billing: cannot open its own connection: %s", qPrintable(db.error().message));
        return;
    }
    m_store = std::make_unique<SqlStore>(std::move(db).value(), m_policy);
}

void BillingWorker::startTimers(int billingEveryMs, int compactEveryMs)
{
    m_billingTimer->start(billingEveryMs);
    m_compactTimer->start(compactEveryMs);
}

void BillingWorker::runBilling()
{
    if (!m_store || m_run)
        return; // one run at a time: a tick during a long run is skipped, not queued
    m_runWall.start();
    m_runBusyNs = 0;
    QElapsedTimer took;
    took.start();
    auto run = m_store->beginBilling(m_clock.nowMs());
    m_runBusyNs += took.nsecsElapsed();
    if (!run) {
        qWarning("billing: %s", qPrintable(run.error().message));
        emit runFinished(false, m_runBusyNs / 1e9, m_runWall.nsecsElapsed() / 1e9);
        return;
    }
    m_run = std::move(run).value();
    billNextBatch();
}

void BillingWorker::billNextBatch()
{
    if (!m_run)
        return;
    const quint64 offers = m_store->offersVersion();
    QElapsedTimer took;
    took.start();
    QList<Change> changes;
    if (!m_run->done()) {
        emit batchStarting(m_run->ids[m_run->next]);
        auto batch = m_store->billNextBatch(*m_run, kBatchBudgetMs);
        if (!batch) {
            qWarning("billing: %s", qPrintable(batch.error().message));
            m_runBusyNs += took.nsecsElapsed();
            endRun(false);
            return;
        }
        changes = std::move(batch).value();
    }
    const bool last = m_run->done();
    if (last) {
        auto tail = m_store->finishBilling(*m_run);
        if (!tail) {
            qWarning("billing: %s", qPrintable(tail.error().message));
            m_runBusyNs += took.nsecsElapsed();
            if (!changes.isEmpty())
                emit billed(changes);
            endRun(false);
            return;
        }
        changes += *tail;
    }
    m_runBusyNs += took.nsecsElapsed();
    if (m_store->offersVersion() != offers)
        emit offersChanged();
    if (!changes.isEmpty())
        emit billed(changes);
    if (last) {
        endRun(true);
        return;
    }
    // Through the event loop, so a quit() of this thread is not held up by a long run either.
    QTimer::singleShot(kPauseMs, this, &BillingWorker::billNextBatch);
}

void BillingWorker::endRun(bool ok)
{
    m_run.reset();
    emit runFinished(ok, m_runBusyNs / 1e9, m_runWall.nsecsElapsed() / 1e9);
}

void BillingWorker::compactTelemetry()
{
    if (!m_store)
        return;
    // A minute's roll-up is one call, so its pauses are sleeps of this thread; nothing else
    // waits on this thread's loop but the next billing tick, which a roll-up delays by its
    // duration at most.
    auto r = m_store->rollUpTelemetry(m_clock.nowMs(), [] { QThread::msleep(kPauseMs); });
    if (!r)
        qWarning("telemetry roll-up: %s", qPrintable(r.error().message));
}

} // namespace suanli::server
