#include "billingservice.h"

#include "billingworker.h"

using namespace Qt::StringLiterals;

namespace suanli::server {

BillingService::BillingService(const QString &databaseUrl, const MarketPolicy &policy,
                               const QString &connectionName, const Clock &clock, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<QList<Change>>();
    m_worker = new BillingWorker(databaseUrl, policy, connectionName, clock);
    m_worker->moveToThread(&m_thread);
    m_thread.setObjectName(u"billing"_s);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &BillingWorker::billed, this, &BillingService::billed);
    connect(m_worker, &BillingWorker::offersChanged, this, &BillingService::offersChanged);
    connect(m_worker, &BillingWorker::runFinished, this, &BillingService::runFinished);
    connect(m_worker, &BillingWorker::batchStarting, this, &BillingService::batchStarting,
            Qt::DirectConnection);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &BillingWorker::open, Qt::QueuedConnection);
}

BillingService::~BillingService()
{
    m_thread.quit();
    m_thread.wait();
}

void BillingService::startTimers(int billingEveryMs, int compactEveryMs)
{
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, billingEveryMs, compactEveryMs] {
            worker->startTimers(billingEveryMs, compactEveryMs);
        },
        Qt::QueuedConnection);
}

void BillingService::startRun()
{
    QMetaObject::invokeMethod(m_worker, &BillingWorker::runBilling, Qt::QueuedConnection);
}

} // namespace suanli::server
