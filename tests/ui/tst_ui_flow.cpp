// First run → local mode → catalog → launch → running → stop → destroy, clicked through the
// real widgets against the real in-process market. The host agent is the ScriptedAgent of
// tests/support on the real agent channel until the host engine is wired into local mode.

#include "uitestsupport.h"

#include "app/marketclient.h"
#include "app/settings.h"
#include "support/marketharness.h"
#include "ui/billingview.h"
#include "ui/catalogview.h"
#include "ui/instancesview.h"
#include "ui/launcher.h"
#include "ui/mainwindow.h"

#include <QComboBox>
#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;
using suanli::protocol::InstanceState;

class TestUiFlow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateApp(m_dir.path());
        app::Settings settings;
        settings.setDataFolder(m_dir.filePath(u"suanli-data"_s));
        settings.setLanguage(u"en"_s);
        settings.sync();
    }

    void firstRunLocalLaunchStopDestroy()
    {
        ui::Launcher launcher({});
        launcher.start();

        // First run: the question, then "Try on this computer".
        auto *firstRun = waitForTopLevel<QDialog>(u"firstRunDialog"_s);
        QVERIFY(firstRun);
        auto *tryLocal = firstRun->findChild<QCommandLinkButton *>(u"tryLocal"_s);
        QVERIFY(tryLocal);
        QTest::mouseClick(tryLocal, Qt::LeftButton);

        app::Session *session = launcher.session();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), app::Session::State::Ready, 15000);
        QVERIFY(launcher.window());
        QVERIFY(launcher.window()->isVisible());
        QCOMPARE(session->account().balance_micro, 100 * kMicroPerUnit);
        QCOMPARE(app::Settings().mode(), app::Settings::Mode::Local);
        auto *connection = launcher.window()->findChild<QLabel *>(u"connectionStatus"_s);
        QTRY_COMPARE(connection->text(), u"● Live"_s);
        auto *balance = launcher.window()->findChild<QLabel *>(u"balanceStatus"_s);
        QTRY_COMPARE(balance->text(), u"Balance CN¥100.00"_s);

        // Nobody lends yet: the catalog draws its empty state.
        ui::CatalogView *catalog = launcher.window()->catalogView();
        QTRY_COMPARE(session->catalog()->state(), app::CatalogController::State::Empty);
        QVERIFY(!catalog->table()->isVisible());

        // This machine's agent: registered through the API with the local account's token.
        QNetworkAccessManager network;
        app::MarketClient lender(&network);
        lender.setMarket(session->marketUrl(), session->client()->token());
        std::optional<Result<app::CreatedHost>> created;
        QObject context;
        lender.createHost(u"this-pc"_s, &context, [&](Result<app::CreatedHost> r) { created = r; });
        QTRY_VERIFY(created.has_value());
        QVERIFY2(created->ok(), created->ok() ? "" : qPrintable(created->error().message));
        protocol::HostListing listing;
        listing.listed = true;
        listing.price_gpu_hour_micro = 1'000'000;
        listing.price_storage_gb_month_micro = 300'000;
        std::optional<Result<protocol::Host>> listed;
        lender.updateListing((*created)->host.id, listing, &context,
                             [&](Result<protocol::Host> r) { listed = r; });
        QTRY_VERIFY(listed.has_value());
        QVERIFY(listed->ok());
        ScriptedAgent agent(session->marketUrl().toString(), (*created)->token);
        QVERIFY(agent.connectAndHello(2, u"RTX 4090"_s, 24564));

        session->catalog()->reload(); // what View ▸ Reload does; polling would in 15 s
        QTRY_COMPARE(catalog->table()->model()->rowCount(), 1);
        QVERIFY(catalog->table()->isVisible());
        catalog->table()->selectRow(0);
        auto *rent = catalog->findChild<QPushButton *>(u"rentButton"_s);
        QVERIFY(rent && rent->isEnabled());
        QTest::mouseClick(rent, Qt::LeftButton);

        // The launch dialog: images come from /api/v1/images.
        auto *dialog = waitForTopLevel<QDialog>(u"launchDialog"_s);
        QVERIFY(dialog);
        auto *image = dialog->findChild<QComboBox *>(u"imageBox"_s);
        QTRY_COMPARE(image->count(), 1);
        QTRY_VERIFY(image->isEnabled());
        auto *breakdown = dialog->findChild<QLabel *>(u"priceBreakdown"_s);
        QVERIFY(breakdown->text().contains(u"CN¥1.00/h"_s));
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QPushButton *launch = buttons->button(QDialogButtonBox::Ok);
        QTRY_VERIFY(launch->isEnabled());
        QTest::mouseClick(launch, Qt::LeftButton);

        // The instance shows at once, then moves through its states from the events socket.
        app::InstanceListModel *instances = session->instances()->model();
        QTRY_COMPARE_WITH_TIMEOUT(instances->rowCount(), 1, 15000);
        QCOMPARE(int(instances->instance(0).state), int(InstanceState::Pending));
        const qint64 id = instances->instance(0).id;
        ui::InstancesView *view = launcher.window()->instancesView();
        QTRY_VERIFY(view->isVisible());
        const QJsonObject create = agent.take(u"command"_s);
        QCOMPARE(create.value(u"action"_s).toString(), u"create"_s);
        QVERIFY(create.value(u"spec"_s).toObject().value(u"ssh_public_key"_s).toString()
                    .startsWith(u"ssh-ed25519 "_s));
        agent.report(id, u"provisioning"_s);
        QTRY_COMPARE(int(instances->instance(0).state), int(InstanceState::Provisioning));
        agent.report(id, u"running"_s, {}, create.value(u"id"_s).toString());
        QTRY_COMPARE(int(instances->instance(0).state), int(InstanceState::Running));
        QTRY_VERIFY(view->stopButton()->isEnabled());

        // Stop: the confirmation says what happens to data and money.
        QTest::mouseClick(view->stopButton(), Qt::LeftButton);
        auto *confirmStop = waitForTopLevel<QMessageBox>(u"confirmStop"_s);
        QVERIFY(confirmStop);
        QVERIFY(confirmStop->informativeText().contains(u"per day"_s));
        QVERIFY(confirmStop->informativeText().contains(u"15 days"_s));
        QPushButton *stop = nullptr;
        for (QAbstractButton *b : confirmStop->buttons()) {
            if (b->text() == u"Stop"_s)
                stop = qobject_cast<QPushButton *>(b);
        }
        QVERIFY(stop);
        QTest::mouseClick(stop, Qt::LeftButton);
        const QJsonObject stopCommand = agent.take(u"command"_s);
        QCOMPARE(stopCommand.value(u"action"_s).toString(), u"stop"_s);
        QTRY_COMPARE(int(instances->instance(0).state), int(InstanceState::Stopping));
        agent.report(id, u"stopped"_s, {}, stopCommand.value(u"id"_s).toString());
        QTRY_COMPARE(int(instances->instance(0).state), int(InstanceState::Stopped));
        QTRY_VERIFY(instances->index(0, app::InstanceListModel::Release).data().toString()
                        .startsWith(u"data deleted in 14 d"_s));
        QVERIFY(view->startButton()->isEnabled());

        // Destroy: data gone, row gone.
        QTest::mouseClick(view->destroyButton(), Qt::LeftButton);
        auto *confirmDestroy = waitForTopLevel<QMessageBox>(u"confirmDestroy"_s);
        QVERIFY(confirmDestroy);
        QVERIFY(confirmDestroy->informativeText().contains(u"cannot be recovered"_s));
        QAbstractButton *destroy = nullptr;
        for (QAbstractButton *b : confirmDestroy->buttons()) {
            if (confirmDestroy->buttonRole(b) == QMessageBox::DestructiveRole)
                destroy = b;
        }
        QVERIFY(destroy);
        QTest::mouseClick(destroy, Qt::LeftButton);
        const QJsonObject destroyCommand = agent.take(u"command"_s);
        QCOMPARE(destroyCommand.value(u"action"_s).toString(), u"destroy"_s);
        agent.report(id, u"destroyed"_s, {}, destroyCommand.value(u"id"_s).toString());
        QTRY_COMPARE(instances->rowCount(), 0);

        // Billing: the starting voucher is in the ledger.
        launcher.window()->showView(ui::MainWindow::View::Billing);
        ui::BillingView *billing = launcher.window()->billingView();
        QTRY_VERIFY(billing->table()->model()->rowCount() >= 1);
        QVERIFY(billing->findChild<QLabel *>(u"balanceLabel"_s)->text().startsWith(u"CN¥"_s));
    }

    void secondStartSkipsTheQuestion()
    {
        // The choice was saved: the next start goes straight to local mode.
        ui::Launcher launcher({});
        launcher.start();
        QTRY_COMPARE_WITH_TIMEOUT(launcher.session()->state(), app::Session::State::Ready, 15000);
        QVERIFY(!topLevel<QDialog>(u"firstRunDialog"_s));
        QVERIFY(launcher.session()->isLocal());
    }

    void cleanupTestCase() { QFile::remove(QSettings().fileName()); }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestUiFlow)
#include "tst_ui_flow.moc"
