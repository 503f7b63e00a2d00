#pragma once

#include "synctypes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

class QThread;

namespace suanli::sync {

class SyncControl;

/// One sync run, driven from any thread with an event loop (the UI thread): the work happens
/// in a thread of its own plus one thread per SSH session, and reports here by signals. No
/// call blocks, except the destructor, which cancels and waits for the threads to end (they
/// stop within moments: cancel shuts their sockets).
class SyncJob : public QObject
{
    Q_OBJECT
public:
    explicit SyncJob(SyncOptions options, QObject *parent = nullptr);
    ~SyncJob() override;

    void start();
    /// Transfers stop between chunks and hold their connections; resume() goes on.
    void pause();
    void resume();
    /// Stops at once; partials are kept, so the next run resumes large files.
    void cancel();

    bool isRunning() const { return m_running; }
    bool isPaused() const;
    const SyncOptions &options() const { return m_options; }
    SyncProgress progress() const { return m_progress; }
    const SyncPlan &plan() const { return m_plan; }
    const SyncReport &report() const { return m_report; }

signals:
    void planReady(const suanli::sync::SyncPlan &plan);
    /// About five times a second while running, and once at the end.
    void progressChanged(const suanli::sync::SyncProgress &progress);
    void finished(const suanli::sync::SyncReport &report);

private:
    void sample();
    void onPlan(const SyncPlan &plan);
    void onFinished(const SyncReport &report);

    SyncOptions m_options;
    std::unique_ptr<SyncControl> m_control;
    QThread *m_thread = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    SyncProgress m_progress;
    SyncPlan m_plan;
    SyncReport m_report;
    bool m_running = false;
    qint64 m_lastBytes = 0;
    qint64 m_lastMs = 0;
};

} // namespace suanli::sync
