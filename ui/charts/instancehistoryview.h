#pragma once

#include "app/dashboard/dashboardclient.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace suanli::ui::charts {

/// An instance's history from GET /api/v1/instances/{id}/events: every state change with its
/// reason, newest first, so a stop by the cost guard ("idle, stopped by the cost guard") or by
/// the host's owner is on record next to the ledger line it caused.
class InstanceHistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit InstanceHistoryView(dashboard::DashboardClient *client, QWidget *parent = nullptr);

    /// Shows this instance's history (0: none) and loads it.
    void setInstance(qint64 instanceId);
    qint64 instanceId() const { return m_instanceId; }
    /// Loads the history again (after a state change of the instance shown).
    void reload();

    QTreeWidget *list() const { return m_list; }
    QString statusText() const;

signals:
    void loaded();

private:
    void showEvents(const QList<dashboard::InstanceHistoryEvent> &events);

    dashboard::DashboardClient *m_client;
    qint64 m_instanceId = 0;
    int m_generation = 0;
    QLabel *m_status;
    QTreeWidget *m_list;
};

} // namespace suanli::ui::charts
