#include "syncjob.h"

#include "synccontrol.h"
#include "syncrunner.h"

#include <QPointer>
#include <QThread>

namespace suanli::sync {

SyncJob::SyncJob(SyncOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_control(std::make_unique<SyncControl>())
    , m_timer(this)
{
    qRegisterMetaType<SyncPlan>();
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<SyncReport>();
    m_timer.setInterval(200);
    connect(&m_timer, &QTimer::timeout, this, &SyncJob::sample);
}

SyncJob::~SyncJob()
{
    if (m_thread) {
        m_control->cancel();
        m_thread->wait(); // the runner only touches m_control, which lives until here
        delete m_thread;
    }
}

void SyncJob::start()
{
    if (m_running)
        return;
    if (m_thread) { // a finished earlier run: its thread has ended or is about to
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
        m_control = std::make_unique<SyncControl>();
    }
    m_running = true;
    m_clock.start();
    m_timer.start();
    QPointer<SyncJob> self(this);
    SyncControl *control = m_control.get();
    const SyncOptions options = m_options;
    m_thread = QThread::create([self, control, options] {
        SyncRunner runner(options, *control);
        const SyncReport report = runner.run([self](const SyncPlan &plan) {
            // The job outlives the thread (its destructor waits), so self stays valid here.
            QMetaObject::invokeMethod(self.data(), [self, plan] {
                if (self)
                    self->onPlan(plan);
            }, Qt::QueuedConnection);
        });
        QMetaObject::invokeMethod(self.data(), [self, report] {
            if (self)
                self->onFinished(report);
        }, Qt::QueuedConnection);
    });
    m_thread->start();
}

void SyncJob::pause()
{
    m_control->pause();
    sample();
}

void SyncJob::resume()
{
    m_control->resume();
    sample();
}

void SyncJob::cancel()
{
    m_control->cancel();
}

bool SyncJob::isPaused() const
{
    return m_control->isPaused();
}

void SyncJob::sample()
{
    SyncProgress progress;
    progress.bytesDone = m_control->bytesDone.load();
    progress.bytesTotal = m_control->bytesTotal.load();
    progress.filesDone = m_control->filesDone.load();
    progress.filesTotal = m_control->filesTotal.load();
    progress.paused = m_control->isPaused();
    const qint64 now = m_clock.elapsed();
    const qint64 dt = now - m_lastMs;
    if (dt >= 150) {
        const double instant = double(progress.bytesDone - m_lastBytes) * 1000.0 / double(dt);
        // Exponential smoothing over about two seconds: steady enough for an ETA.
        const double alpha = qMin(1.0, double(dt) / 2000.0);
        m_progress.bytesPerSecond = m_lastMs == 0 ? instant
                                                  : m_progress.bytesPerSecond * (1 - alpha) + instant * alpha;
        m_lastBytes = progress.bytesDone;
        m_lastMs = now;
    }
    progress.bytesPerSecond = progress.paused ? 0 : qMax(0.0, m_progress.bytesPerSecond);
    const qint64 left = progress.bytesTotal - progress.bytesDone;
    progress.etaSeconds = progress.bytesPerSecond > 1 ? qint64(double(left) / progress.bytesPerSecond)
                                                      : (left <= 0 ? 0 : -1);
    m_progress = progress;
    m_progress.bytesPerSecond = progress.bytesPerSecond;
    emit progressChanged(m_progress);
}

void SyncJob::onPlan(const SyncPlan &plan)
{
    m_plan = plan;
    emit planReady(m_plan);
}

void SyncJob::onFinished(const SyncReport &report)
{
    m_timer.stop();
    m_running = false;
    m_report = report;
    sample();
    emit finished(m_report);
}

} // namespace suanli::sync
