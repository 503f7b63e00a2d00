// The main window's part of issue 7: the instance dashboard and history under the instances
// table, the cost-guard editor, the spend charts and the low-balance threshold in Billing, and
// desktop notifications (instance ready, guard stops, low balance, release and owner return).

#include "billingview.h"
#include "instancesview.h"
#include "mainwindow.h"

#include "desktopintegration.h"
#include "charts/guarddialog.h"
#include "charts/instancedashboard.h"
#include "charts/instancehistoryview.h"
#include "charts/spendwidget.h"

#include "app/dashboard/dashboardclient.h"
#include "app/dashboard/notifier.h"
#include "app/dashboard/spendtracker.h"
#include "app/dashboard/telemetryfeed.h"
#include "app/settings.h"

#include <QStatusBar>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace suanli::ui {

void MainWindow::setupDashboard()
{
    app::Session *session = m_deps.session;
    app::EventStream *events = session->events();
    app::InstanceListModel *model = session->instances()->model();

    m_dashClient = new dashboard::DashboardClient(session->client(), this);
    m_feed = new dashboard::TelemetryFeed(m_dashClient, events, this);
    m_instances->setDashboard(new charts::InstanceDashboard(m_feed),
                              new charts::InstanceHistoryView(m_dashClient));
    connect(m_instances, &InstancesView::editGuardsRequested, this, &MainWindow::editGuards);

    m_spend = new dashboard::SpendTracker(session->client(), events, this);
    m_billing->setSpend(new charts::SpendWidget(m_spend));
    connect(m_billing, &BillingView::lowBalanceRequested, this, [this](Micro threshold) {
        m_dashClient->setLowBalance(threshold, this, [this](Result<protocol::Account> r) {
            m_billing->lowBalanceSaved(r ? Result<Micro>(r->low_balance_micro) : Result<Micro>(r.error()));
        });
    });

    m_notifications = m_deps.desktop ? m_deps.desktop : new DesktopIntegration(this);
    m_notifier = new dashboard::Notifier(this);
    m_notifier->restoreFiredKeys(m_deps.settings->notifiedKeys());
    connect(m_notifier, &dashboard::Notifier::notify, this,
            [this](const dashboard::Notification &n) {
        m_notifications->notify(n);
        statusBar()->showMessage(u"%1 — %2"_s.arg(n.title, n.body), 30000);
        m_deps.settings->setNotifiedKeys(m_notifier->firedKeys());
    });
    connect(events, &app::EventStream::instanceChanged, m_notifier,
            &dashboard::Notifier::observeInstance);
    connect(events, &app::EventStream::balanceEvent, m_notifier, &dashboard::Notifier::observeBalance);
    connect(events, &app::EventStream::instanceNotice, m_notifier, &dashboard::Notifier::observeNotice);
    // A reload of the list is how instances first become known (and after a reconnect).
    auto observeAll = [this, model] {
        QList<protocol::Instance> all;
        all.reserve(model->rowCount());
        for (int row = 0; row < model->rowCount(); ++row)
            all.append(model->instance(row));
        m_notifier->observeInstances(all);
    };
    connect(model, &QAbstractItemModel::modelReset, m_notifier, observeAll);
    connect(model, &QAbstractItemModel::rowsInserted, m_notifier, observeAll);
    auto *releaseCheck = new QTimer(this);
    releaseCheck->setInterval(60 * 1000);
    connect(releaseCheck, &QTimer::timeout, m_notifier, &dashboard::Notifier::tick);
    releaseCheck->start();

    connect(session, &app::Session::ready, this, [this](const protocol::Account &account) {
        m_notifier->setCurrency(account.currency);
        m_billing->setLowBalance(account.low_balance_micro);
        m_spend->reload();
    });
}

void MainWindow::editGuards(qint64 instanceId)
{
    app::InstanceListModel *model = m_deps.session->instances()->model();
    const protocol::Instance *instance = model->find(instanceId);
    if (!instance)
        return;
    auto *dialog = new charts::GuardDialog(*instance, m_deps.session->account().currency,
                                           m_dashClient, this);
    dialog->setObjectName(u"guardDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &charts::GuardDialog::saved, model, &app::InstanceListModel::upsert);
    dialog->open();
}

} // namespace suanli::ui
