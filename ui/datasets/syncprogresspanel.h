#pragma once

#include "sync/synctypes.h"

#include <QLocale>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTreeWidget;

namespace suanli::ui {

/// The selected pair's run: bars for bytes and files, rate and time left, a status line, and
/// the plan (what a dry run would move, or what the running sync is moving).
class SyncProgressPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SyncProgressPanel(QWidget *parent = nullptr);

    /// Live figures; `running` false shows the last figures of the run, or nothing.
    void setProgress(const sync::SyncProgress &progress, bool running);
    void clearProgress();
    /// The plan of a run. `dryRun`: nothing moves, the list is the answer.
    void showPlan(const sync::SyncPlan &plan, sync::Direction direction, bool dryRun);
    void clearPlan();
    /// The status line under the bars; an error is drawn in red.
    void setStatus(const QString &text, bool error = false);
    QString status() const;
    QString planSummary() const;

    /// One sentence per kind of change: "Sync now would upload 3 files, 1.2 MB. …"
    static QString planText(const sync::SyncPlan &plan, sync::Direction direction, bool dryRun,
                            const QLocale &locale);

private:
    QLocale m_locale;
    QProgressBar *m_bytes;
    QProgressBar *m_files;
    QLabel *m_rate;
    QLabel *m_eta;
    QLabel *m_status;
    QLabel *m_planSummary;
    QTreeWidget *m_planTree;
};

} // namespace suanli::ui
