// The main window's dashboard widgets (docs/app.md): the instance dashboard and history under
// the instances table, the cost-guard editor, the spend charts and the low-balance threshold in
// Billing, and desktop notifications of what the context's notifier says (instance ready,
// guard stops, low balance, release and owner return).

#include "billingview.h"
#include "instancesview.h"
#include "mainwindow.h"

#include "app/moneyformat.h"
#include "client/eventstream.h"

#include "desktopintegration.h"
#include "charts/guarddialog.h"
#include "charts/instancedashboard.h"
#include "charts/instancehistoryview.h"
#include "charts/spendwidget.h"

#include <QLocale>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace suanli::ui {

void MainWindow::setupDashboard()
{
    auto *dashboard = new charts::InstanceDashboard(m_context->telemetryFeed());
    dashboard->setClock(m_context->clock());
    m_instances->setDashboard(dashboard,
                              new charts::InstanceHistoryView(m_context->dashboardClient()));
    connect(m_instances, &InstancesView::editGuardsRequested, this, &MainWindow::editGuards);

    auto *spend = new charts::SpendWidget(m_context->spendTracker());
    spend->setClock(m_context->clock());
    m_billing->setSpend(spend);
    connect(m_billing, &BillingView::lowBalanceRequested, this, [this](Micro threshold) {
        m_context->dashboardClient()->setLowBalance(
            threshold, this, [this](Result<protocol::Account> r) {
                m_billing->lowBalanceSaved(r ? Result<Micro>(r->low_balance_micro)
                                             : Result<Micro>(r.error()));
            });
    });

    if (!m_notifications)
        m_notifications = new DesktopIntegration(this);
    connect(m_context->notifier(), &dashboard::Notifier::notify, this,
            [this](const dashboard::Notification &n) {
                m_notifications->notify(n);
                statusBar()->showMessage(u"%1 — %2"_s.arg(n.title, n.body), 30000);
            });
    // ---- money out (issue 18): a payout moved on (approved, paid, rejected) ----
    connect(
        m_session->money(), &app::MoneyController::payoutStateChanged, this,
        [this](const protocol::Payout &payout) {
            const QString amount =
                app::formatMoney(payout.amount_micro, m_session->account().currency, QLocale());
            QString body;
            if (payout.state == "approved"_L1)
                body = tr("Your payout of %1 was approved.").arg(amount);
            else if (payout.state == "paid"_L1)
                body =
                    tr("Your payout of %1 was paid (reference %2).").arg(amount, payout.reference);
            else if (payout.state == "rejected"_L1)
                body = tr("Your payout of %1 was rejected: %2. The amount is back in your "
                          "balance.")
                           .arg(amount, payout.reason);
            else
                return;
            const dashboard::Notification n{dashboard::Notification::Kind::Payout, 0,
                                            u"payout:%1:%2"_s.arg(payout.id).arg(payout.state),
                                            tr("Payout %1").arg(payout.id), body};
            m_notifications->notify(n);
            statusBar()->showMessage(u"%1 — %2"_s.arg(n.title, n.body), 30000);
        });
    // ---- end money ----
    // A prepaid plan ends soon (docs/market.md "Prepaid plans"): the market's plan_notice, once
    // per period, said here as a notification too.
    connect(m_session->events(), &client::EventStream::planNotice, this,
            [this](const protocol::PlanNoticeEvent &notice) {
                const QString when =
                    QLocale().toString(notice.plan_ends_at.toLocalTime(), QLocale::ShortFormat);
                const QString price = app::formatMoney(notice.renewal_micro,
                                                       m_session->account().currency, QLocale());
                const QString body =
                    notice.will_renew
                        ? tr("Its plan ends at %1 and renews for %2.").arg(when, price)
                    : notice.renew
                        ? tr("Its plan ends at %1; the balance does not cover the %2 "
                             "renewal, so it then goes on by the hour.")
                              .arg(when, price)
                        : tr("Its plan ends at %1; it then goes on by the hour.").arg(when);
                const dashboard::Notification n{
                    dashboard::Notification::Kind::ReleaseSoon, notice.instance_id,
                    u"plan:%1:%2"_s.arg(notice.instance_id)
                        .arg(notice.plan_ends_at.toMSecsSinceEpoch()),
                    tr("Instance %1: plan ends soon").arg(notice.instance_id), body};
                m_notifications->notify(n);
                statusBar()->showMessage(u"%1 — %2"_s.arg(n.title, n.body), 30000);
            });
    connect(m_session, &app::Session::ready, this, [this](const protocol::Account &account) {
        m_billing->setLowBalance(account.low_balance_micro);
    });
}

void MainWindow::editGuards(qint64 instanceId)
{
    app::InstanceListModel *model = m_session->instances()->model();
    const protocol::Instance *instance = model->find(instanceId);
    if (!instance)
        return;
    auto *dialog = new charts::GuardDialog(*instance, m_session->account().currency,
                                           m_context->dashboardClient(), this);
    dialog->setObjectName(u"guardDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &charts::GuardDialog::saved, model, &app::InstanceListModel::upsert);
    dialog->open();
}

} // namespace suanli::ui
