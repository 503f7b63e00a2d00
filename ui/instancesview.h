#pragma once

#include "app/instancescontroller.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace suanli::app {
class AccessController;
}

namespace suanli::ui {

class AccessPanel;
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
    /// Selects an instance by id (after a launch).
    void selectInstance(qint64 id);
    QPushButton *stopButton() { return m_stop; }
    QPushButton *startButton() { return m_start; }
    QPushButton *destroyButton() { return m_destroy; }
    /// Adds the access actions and Ports panel of running instances (issue 5 §3).
    void setAccess(app::AccessController *access);
    AccessPanel *accessPanel() { return m_access; }

signals:
    /// The user wants an offer like this instance's, elsewhere (after gpus_unavailable).
    void findMatchingOffer(const QString &gpuModel, int gpuCount);

private:
    const protocol::Instance *current() const;
    void updateButtons();
    void updateState();
    void updateDetails();
    void confirmStop();
    void confirmDestroy();
    void onStartUnavailable(qint64 id, const Error &error);
    void showError(const QString &title, const QString &text);

    app::InstancesController *m_controller;
    QString m_currency = QStringLiteral("CNY");
    QStackedWidget *m_stack;
    QTableView *m_table;
    StateWidget *m_state;
    QLabel *m_details;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_destroy;
    QPushButton *m_logs;
    AccessPanel *m_access = nullptr;
};

} // namespace suanli::ui
