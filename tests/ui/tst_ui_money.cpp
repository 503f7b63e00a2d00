// Top-ups and payouts in the app (issue 18) against a real market on loopback: "Top up…" on
// the Billing page asks for an order and shows its reference, the order turns paid when the
// operator confirms it; the Lend page's payout panel shows earned / withdrawable / requested /
// paid, requests a payout through its dialog, and hears the operator's steps as events.

#include "uitestsupport.h"

#include "app/moneyformat.h"
#include "app/session.h"
#include "support/ledgercheck.h"
#include "support/marketharness.h"
#include "support/marketscenario.h"
#include "ui/billingview.h"
#include "ui/payoutpanel.h"
#include "ui/topupdialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

class TestUiMoney : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateApp(m_dir.path());
    }

    void topUpThroughTheBillingPage()
    {
        MarketHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        const auto renter = h.createAccount(u"alice"_s, {u"renter"_s});
        QNetworkAccessManager network;
        app::Session session(&network);
        QSignalSpy ready(&session, &app::Session::ready);
        session.connectTo(QUrl(h.baseUrl()), renter.token, false);
        QVERIFY(ready.wait(10000));
        ui::BillingView view(session.billing());
        view.setMoney(session.money());
        view.show();
        QVERIFY(view.topUpButton());
        view.topUpButton()->click();
        auto *dialog = qobject_cast<ui::TopUpDialog *>(view.topUpDialog());
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        dialog->amountEdit()->setText(u"abc"_s);
        dialog->createButton()->click();
        QVERIFY(dialog->referenceLabel()->text().contains(u"positive amount"_s));
        dialog->amountEdit()->setText(u"25.5"_s);
        dialog->createButton()->click();
        QTRY_VERIFY(dialog->referenceLabel()->text().contains(u"SL-"_s));
        QTRY_COMPARE(dialog->table()->rowCount(), 1);
        QCOMPARE(dialog->table()->item(0, 2)->text(), u"Pending"_s);
        auto orders = h.store().topUpOrders(renter.id, {}, h.clock().nowMs());
        QVERIFY(orders && orders->size() == 1);
        QCOMPARE(orders->at(0).amount_micro, 25'500'000);
        QVERIFY(dialog->referenceLabel()->text().contains(orders->at(0).reference));
        // The operator confirms; the open dialog and the balance follow from the events.
        QVERIFY(h.store().confirmTopUpOrder(orders->at(0).id, h.clock().nowMs()));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->table()->item(0, 2)->text(), u"Paid"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(session.billing()->balance(), 25'500'000, 10000);
        QVERIFY(checkLedger(h.databaseUrl()).isEmpty());
    }

    void payoutThroughTheLendPagePanel()
    {
        MarketHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        Scenario s;
        QVERIFY(s.setUp(h, 1, 2'000'000, 0));
        const qint64 id = s.launch(h);
        QVERIFY(id);
        h.clock().advanceSeconds(3600);
        h.market().runBilling();
        QCOMPARE(h.request("DELETE", u"/api/v1/instances/%1"_s.arg(id), s.renter.token).status,
                 202);
        QCOMPARE(s.agent->take(u"command"_s).value(u"action"_s).toString(), u"destroy"_s);
        s.agent->report(id, u"destroyed"_s);
        QVERIFY(s.waitForState(h, id, u"destroyed"_s));
        QCOMPARE(s.balance(h, s.lender.id), 1'800'000);
        h.clock().advanceSeconds(8 * 86400); // past the hold
        const Micro earned = s.balance(h, s.lender.id);
        QNetworkAccessManager network;
        app::Session session(&network);
        QSignalSpy ready(&session, &app::Session::ready);
        session.connectTo(QUrl(h.baseUrl()), s.lender.token, false);
        QVERIFY(ready.wait(10000));
        ui::PayoutPanel panel(session.money(), [](Micro m) { return QString::number(m); });
        panel.show();
        // Withdrawable: what was earned at least 7 days ago, 1.8.
        QTRY_COMPARE(panel.withdrawableLabel()->text(), u"1800000"_s);
        QCOMPARE(session.money()->summary().earned_micro, earned);
        QVERIFY(panel.requestButton()->isEnabled());
        panel.requestButton()->click();
        QDialog *dialog = panel.requestDialog();
        QVERIFY(dialog);
        auto *amount = dialog->findChild<QLineEdit *>(u"payoutAmountEdit"_s);
        auto *destination = dialog->findChild<QLineEdit *>(u"payoutDestinationEdit"_s);
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QVERIFY(amount && destination && buttons);
        amount->setText(u"1.8"_s);
        destination->setText(u"alipay:bob@example.com"_s);
        buttons->button(QDialogButtonBox::Ok)->click();
        QTRY_COMPARE(panel.table()->rowCount(), 1);
        QCOMPARE(panel.table()->item(0, 3)->text(), u"Requested"_s);
        QTRY_COMPARE(panel.withdrawableLabel()->text(), u"0"_s);
        auto payouts = h.store().payouts(s.lender.id, {});
        QVERIFY(payouts && payouts->size() == 1);
        QCOMPARE(payouts->at(0).amount_micro, 1'800'000);
        // The operator approves and pays: the panel hears each step, the app can notify.
        QSignalSpy moved(session.money(), &app::MoneyController::payoutStateChanged);
        QVERIFY(h.store().approvePayout(payouts->at(0).id, h.clock().nowMs()));
        QTRY_COMPARE_WITH_TIMEOUT(panel.table()->item(0, 3)->text(), u"Approved"_s, 10000);
        QVERIFY(h.store().markPayoutPaid(payouts->at(0).id, u"ALI-1"_s, h.clock().nowMs()));
        QTRY_COMPARE_WITH_TIMEOUT(panel.table()->item(0, 3)->text(), u"Paid"_s, 10000);
        QCOMPARE(panel.table()->item(0, 4)->text(), u"ALI-1"_s);
        QTRY_COMPARE(moved.size(), 2);
        QCOMPARE(moved.at(1).at(0).value<protocol::Payout>().state, u"paid"_s);
        QVERIFY(checkLedger(h.databaseUrl()).isEmpty());
        // SUANLI_SCREENSHOT_DIR=docs/screenshots: the Lend page's panel as a lender sees it.
        if (const QString dir = qEnvironmentVariable("SUANLI_SCREENSHOT_DIR"); !dir.isEmpty()) {
            ui::PayoutPanel shown(session.money(),
                                  [](Micro m) { return app::formatMoney(m, u"CNY"_s, QLocale()); });
            shown.resize(760, 380);
            shown.show();
            QTRY_COMPARE(shown.table()->rowCount(), 1);
            QVERIFY(shown.grab().save(dir + u"/payouts-en.png"_s));
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestUiMoney)
#include "tst_ui_money.moc"
