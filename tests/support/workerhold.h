#pragma once

#include <QObject>
#include <QSemaphore>

namespace suanli::testing {

/// Holds one of the market's worker threads at a signal it emits there before each batch
/// (Market::billingBatchStarting, Market::telemetryBatchStarting): the worker tells `held`,
/// then waits for `release`, so that a test acts while a batch is under way. Bounded, so that
/// a broken market fails the test instead of hanging it.
template <typename Sender, typename... Args>
QMetaObject::Connection holdOnWorkerThread(Sender *sender, void (Sender::*signal)(Args...),
                                           QSemaphore *held, QSemaphore *release)
{
    // Direct: the lambda runs on the worker thread, which is the one to hold.
    return QObject::connect(
        sender, signal, sender,
        [held, release](Args...) {
            held->release();
            (void)release->tryAcquire(1, 30000);
        },
        Qt::DirectConnection);
}

} // namespace suanli::testing
