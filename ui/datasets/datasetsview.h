#pragma once

#include "app/datasets/datasetscontroller.h"
#include "protocol/types.h"

#include <QSet>
#include <QWidget>

#include <functional>

class QLabel;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;

namespace suanli::app {
class InstanceListModel;
}

namespace suanli::ui {

class SyncProgressPanel;

/// The Datasets page (docs/sync.md): folder pairs on the left (add, edit, remove), the selected
/// pair on the right — Plan (a dry run), Sync now, pause/resume, cancel, progress — and the
/// history of its runs. The controller runs every sync in threads of its own; nothing here
/// waits.
class DatasetsView : public QWidget
{
    Q_OBJECT
public:
    DatasetsView(datasets::DatasetsController *controller, app::InstanceListModel *instances,
                 QWidget *parent = nullptr);

    /// Where the key the instances accept comes from, with its passphrase if it has one
    /// (SshKeys::identity for the market); answers on `context`'s thread, maybe later.
    using IdentitySource = std::function<void(
        QObject *context, std::function<void(Result<ssh::Identity>)> done)>;
    void setIdentitySource(IdentitySource source) { m_identity = std::move(source); }
    QListView *pairList() { return m_list; }
    QTableView *historyTable() { return m_history; }
    SyncProgressPanel *progressPanel() { return m_panel; }
    /// Selects the pair with this id.
    void selectPair(const QString &id);
    QString currentPairId() const;

private:
    const datasets::DatasetPair *currentPair() const;
    const protocol::Instance *instanceOf(const datasets::DatasetPair &pair) const;
    QString instanceText(const QString &instanceId) const;
    void setStatus(const QString &id, const QString &text, bool error);
    void openPairDialog(bool editing);
    void confirmRemove();
    void sync(bool dryRun);
    void start(const QString &id, const ssh::Endpoint &endpoint, const ssh::Identity &identity,
               bool dryRun);
    void onPlan(const QString &id, const sync::SyncPlan &plan);
    void onFinished(const QString &id, const sync::SyncReport &report);
    void updateAll();
    void updateActions();
    void updateDetail();

    datasets::DatasetsController *m_controller;
    app::InstanceListModel *m_instances;
    IdentitySource m_identity;
    QSet<QString> m_dryRuns;
    QSet<QString> m_starting; ///< waiting for the key's identity
    /// The last word per pair (plan shown, result, error), kept while another pair is shown.
    QHash<QString, std::pair<QString, bool>> m_status;
    QHash<QString, std::pair<sync::SyncPlan, bool>> m_plans;
    QString m_selectAfterReset;

    QStackedWidget *m_listStack;
    QListView *m_list;
    QWidget *m_empty;
    QPushButton *m_emptyAdd;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QStackedWidget *m_detailStack;
    QLabel *m_title;
    QLabel *m_route;
    QPushButton *m_plan;
    QPushButton *m_sync;
    QPushButton *m_pause;
    QPushButton *m_cancel;
    SyncProgressPanel *m_panel;
    QSortFilterProxyModel *m_historyFilter;
    QTableView *m_history;
    QLabel *m_historyTitle;
};

} // namespace suanli::ui
