#pragma once

#include "app/instancescontroller.h"

#include <QWidget>

#include <optional>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace suanli::app {
class AccessController;
}

namespace suanli::ui::charts {
class InstanceDashboard;
class InstanceHistoryView;
}

namespace suanli::ui {

class AccessPanel;
class CopyProgressWidget;
class StateWidget;

/// The renter's instances with their lifecycle: start, stop and destroy behind confirmations
/// that say what happens to data and money, a log view, and for a running instance the ways in
/// (AccessPanel).
class InstancesView : public QWidget
{
    Q_OBJECT
public:
    explicit InstancesView(app::InstancesController *controller, QWidget *parent = nullptr);

    QTableView *table() { return m_table; }
    void setCurrency(const QString &currency) { m_currency = currency; }
    /// Days a stopped instance's data is kept (GET /api/v1/market); none: not known yet.
    void setRetentionDays(std::optional<qint64> days) { m_retentionDays = days; }
    /// Selects an instance by id (after a launch).
    void selectInstance(qint64 id);
    QPushButton *stopButton() { return m_stop; }
    QPushButton *startButton() { return m_start; }
    QPushButton *destroyButton() { return m_destroy; }
    /// Adds the access actions and Ports panel of running instances (docs/ssh.md).
    void setAccess(app::AccessController *access);
    AccessPanel *accessPanel() { return m_access; }
    /// Adds the Dashboard and History tabs under the table (docs/dashboard.md); the selected
    /// instance is shown in both.
    void setDashboard(charts::InstanceDashboard *dashboard, charts::InstanceHistoryView *history);
    charts::InstanceDashboard *dashboard() { return m_dashboard; }
    charts::InstanceHistoryView *history() { return m_history; }
    QTabWidget *detailTabs() { return m_tabs; }
    QPushButton *guardsButton() { return m_guards; }
    QPushButton *saveImageButton() { return m_saveImage; } // saved images
    // Clone and move (docs/app.md, "Clone and move")
    QPushButton *cloneButton() { return m_cloneButton; }
    QPushButton *moveButton() { return m_moveButton; }
    CopyProgressWidget *copyProgress() { return m_copyProgress; }
    /// Opens the move (or clone) dialog for an instance.
    void openCloneDialog(qint64 id, bool move);
    /// The selected instance; null when none.
    const protocol::Instance *current() const;

signals:
    /// The user wants an offer like this instance's, elsewhere (after gpus_unavailable).
    void findMatchingOffer(const QString &gpuModel, int gpuCount);
    /// The user wants to edit the instance's cost guard.
    void editGuardsRequested(qint64 instanceId);
    // ---- saved images (docs/app.md, "Saved images") ----
    /// "Save as image…" of a running or stopped instance.
    void saveImageRequested(qint64 instanceId);
    // ---- end saved images ----

private:
    void updateButtons();
    void updateCharts();
    void updateState();
    void updateDetails();
    void confirmStop();
    void confirmDestroy();
    void onStartUnavailable(qint64 id, const Error &error);
    /// "GPUs are taken": start without a GPU (when the offer sells it, with its price), find a
    /// matching offer, retry in 5 minutes.
    void showGpusTaken(qint64 id, std::optional<Micro> noGpuPrice);
    void showError(const QString &title, const QString &text);
    // Clone and move: the buttons, the progress under the selected clone, its Cancel.
    void setUpCloneAndMove(QHBoxLayout *buttons);
    void updateCloneAndMove();

    app::InstancesController *m_controller;
    QString m_currency = QStringLiteral("CNY");
    std::optional<qint64> m_retentionDays;
    QStackedWidget *m_stack;
    QTableView *m_table;
    StateWidget *m_state;
    QLabel *m_details;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_destroy;
    QPushButton *m_logs;
    QPushButton *m_guards;
    QPushButton *m_saveImage; // saved images: "Save as image…"
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    QWidget *m_connectPage;
    AccessPanel *m_access = nullptr;
    charts::InstanceDashboard *m_dashboard = nullptr;
    charts::InstanceHistoryView *m_history = nullptr;
    qint64 m_shownId = 0; ///< the instance the dashboard and history show
    protocol::InstanceState m_shownState = protocol::InstanceState::Destroyed;
    // Clone and move
    QPushButton *m_cloneButton = nullptr;
    QPushButton *m_moveButton = nullptr;
    CopyProgressWidget *m_copyProgress = nullptr;
};

} // namespace suanli::ui
