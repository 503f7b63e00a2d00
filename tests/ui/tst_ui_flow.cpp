// First run → local mode → catalog → launch → running → stop → destroy, clicked through the
// real widgets against the real in-process market and the real host agent engine lending this
// machine on Podman (image localhost/suanli/base:bookworm, built by scripts/setup). Without
// Podman or the image the test fails: it never skips.

#include "uitestsupport.h"

#include "app/dashboard/notifier.h"
#include "client/marketclient.h"
#include "app/settings.h"
#include "support/podmancli.h"
#include "sync/syncjob.h"
#include "ui/billingview.h"
#include "ui/catalogview.h"
#include "ui/charts/guarddialog.h"
#include "ui/charts/instancedashboard.h"
#include "ui/charts/instancehistoryview.h"
#include "ui/charts/timechart.h"
#include "ui/accesspanel.h"
#include "ui/instancesview.h"
#include "ui/launcher.h"
#include "ui/mainwindow.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCommandLinkButton>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;
using suanli::protocol::InstanceState;

namespace {
constexpr auto kImage = "localhost/suanli/base:bookworm";

/// path → "size mode mtime sha256" for every file below root, folders as "dir".
QMap<QString, QString> describeFiles(const QString &root)
{
    QMap<QString, QString> tree;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        const QString relative = QDir(root).relativeFilePath(info.filePath());
        if (info.isDir()) {
            tree.insert(relative, u"dir"_s);
            continue;
        }
        QFile file(info.filePath());
        file.open(QIODevice::ReadOnly);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(&file);
        tree.insert(relative, u"%1 %2 %3 %4"_s.arg(info.size())
                                  .arg(int(info.permissions()), 0, 16)
                                  .arg(info.lastModified().toSecsSinceEpoch())
                                  .arg(QString::fromLatin1(hash.result().toHex())));
    }
    return tree;
}

sync::SyncReport runSync(const sync::SyncOptions &options)
{
    sync::SyncJob job(options);
    QSignalSpy finished(&job, &sync::SyncJob::finished);
    job.start();
    if (!finished.wait(180000))
        qWarning("the sync did not finish");
    return job.report();
}

} // namespace

class TestUiFlow : public QObject
{
    Q_OBJECT
public slots:
    /// QDesktopServices' handler for http: what "Open Jupyter" would give the browser.
    void openUrl(const QUrl &url) { m_opened.append(url); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateApp(m_dir.path());
        app::Settings settings;
        settings.setDataFolder(m_dir.filePath(u"suanli-data"_s));
        settings.setLanguage(u"en"_s);
        settings.sync();
        // The fixture is Podman with the base image; without them this test fails.
        QVERIFY2(podman({u"image"_s, u"exists"_s, QString::fromLatin1(kImage)}, {}) == 0,
                 "podman or the image localhost/suanli/base:bookworm is missing: run scripts/setup");
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
        QSignalSpy notified(launcher.context()->notifier(), &dashboard::Notifier::notify);

        // This machine, lent by the real host agent engine in this process: registered with
        // the local account, listed CPU-only (no GPU here), its containers on Podman.
        app::LocalHost *host = launcher.localHost();
        QVERIFY(host);
        auto *hostStatus = launcher.window()->findChild<QLabel *>(u"hostStatus"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(host->state() == app::LocalHost::State::Lending,
                                  qPrintable(host->detail()), 30000);
        QCOMPARE(hostStatus->text(), u"Lending this computer: CPU only (no GPU found)."_s);
        // The Lend page agrees: lending is not set up, yet the engine lists this computer on
        // the app's own market (it said "Off: lending is switched off").
        auto *lendStatus = launcher.window()->findChild<QLabel *>(u"lendStatus"_s);
        QVERIFY(lendStatus);
        QTRY_VERIFY2(lendStatus->text().startsWith(u"Listed on this computer's own market"_s),
                     qPrintable(lendStatus->text()));
        // Its pricing box names a machine without a GPU as such (it read "No  is listed").
        auto *suggestion = launcher.window()->findChild<QLabel *>(u"lendSuggestion"_s);
        QVERIFY(suggestion);
        QTRY_VERIFY2_WITH_TIMEOUT(suggestion->text().contains(u"CPU-only computer"_s),
                                  qPrintable(suggestion->text()), 15000);

        ui::CatalogView *catalog = launcher.window()->catalogView();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                session->catalog()->reload(); // what View ▸ Reload does; polling would in 15 s
                return QTest::qWaitFor([&] { return catalog->table()->model()->rowCount() == 1; },
                                       1000);
            }(),
            15000);
        QVERIFY(catalog->table()->isVisible());
        catalog->table()->selectRow(0);
        auto *rent = catalog->findChild<QPushButton *>(u"rentButton"_s);
        QVERIFY(rent && rent->isEnabled());
        QTest::mouseClick(rent, Qt::LeftButton);

        // The launch dialog: images come from /api/v1/images; a CPU machine is rented whole.
        auto *dialog = waitForTopLevel<QDialog>(u"launchDialog"_s);
        QVERIFY(dialog);
        auto *image = dialog->findChild<QComboBox *>(u"imageBox"_s);
        QTRY_VERIFY(image->count() >= 1);
        QTRY_VERIFY(image->isEnabled());
        image->setCurrentIndex(image->findData(QString::fromLatin1(kImage)));
        QCOMPARE(image->currentData().toString(), QString::fromLatin1(kImage));
        // The base image has Jupyter: the box is there to tick, first image or not.
        auto *jupyterBox = dialog->findChild<QCheckBox *>(u"jupyterBox"_s);
        QVERIFY(jupyterBox);
        QVERIFY(jupyterBox->isEnabled());
        jupyterBox->setChecked(true);
        auto *breakdown = dialog->findChild<QLabel *>(u"priceBreakdown"_s);
        QVERIFY2(breakdown->text().contains(u"CN¥0.20/h"_s), qPrintable(breakdown->text()));
        auto *disk = dialog->findChild<QSpinBox *>(u"diskSize"_s);
        if (disk)
            disk->setValue(disk->minimum());
        auto *label = dialog->findChild<QLineEdit *>(u"labelEdit"_s);
        label->setText(u"ui-flow"_s);
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QPushButton *launch = buttons->button(QDialogButtonBox::Ok);
        QTRY_VERIFY(launch->isEnabled());
        QTest::mouseClick(launch, Qt::LeftButton);

        // The instance shows at once, then moves through its states from the events socket
        // while the engine creates the container and waits for its sshd.
        app::InstanceListModel *instances = session->instances()->model();
        QTRY_COMPARE_WITH_TIMEOUT(instances->rowCount(), 1, 15000);
        ui::InstancesView *view = launcher.window()->instancesView();
        QTRY_VERIFY(view->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(int(instances->instance(0).state), int(InstanceState::Running),
                                  90000);
        QVERIFY(instances->instance(0).ssh.has_value());
        QVERIFY(instances->instance(0).ssh->host_key.startsWith(u"ssh-ed25519 "_s));
        QTRY_VERIFY(view->stopButton()->isEnabled());

        // Getting in: the ~/.ssh/config entry is written with the pinned key (HOME is this
        // test's own), and a forward through the app's libssh2 session reaches the instance.
        ui::AccessPanel *access = view->accessPanel();
        QVERIFY(access);
        QTRY_VERIFY(access->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(access->terminalButton()->isEnabled(), 10000);
        const QString hostFile = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
            + u"/ssh/config.d/suanli-ui-flow.conf"_s;
        QVERIFY2(QFile::exists(hostFile), qPrintable(hostFile));
        QFile userConfig(QDir::homePath() + u"/.ssh/config"_s);
        QVERIFY(userConfig.open(QIODevice::ReadOnly));
        QVERIFY(userConfig.readLine().startsWith("Include "));
        QTest::mouseClick(access->copySshButton(), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), u"ssh suanli-ui-flow"_s);
        // One-click Jupyter: asked for at launch, opened through the app's tunnel, and the
        // address the browser gets answers with the instance's Jupyter server.
        QTRY_VERIFY_WITH_TIMEOUT(access->jupyterButton()->isEnabled(), 10000);
        QDesktopServices::setUrlHandler(u"http"_s, this, "openUrl");
        QTest::mouseClick(access->jupyterButton(), Qt::LeftButton);
        QTRY_COMPARE(m_opened.size(), 1);
        QDesktopServices::unsetUrlHandler(u"http"_s);
        const QUrl jupyterUrl = m_opened.first();
        QCOMPARE(jupyterUrl.host(), u"127.0.0.1"_s);
        QVERIFY2(QUrlQuery(jupyterUrl).queryItemValue(u"token"_s).size() >= 32,
                 qPrintable(jupyterUrl.toString()));
        {
            QNetworkAccessManager browser;
            int status = 0;
            QByteArray page;
            QTRY_VERIFY_WITH_TIMEOUT(
                [&] {
                    QNetworkReply *reply = browser.get(QNetworkRequest(jupyterUrl));
                    QSignalSpy done(reply, &QNetworkReply::finished);
                    done.wait(10000);
                    status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                    page = reply->readAll();
                    reply->deleteLater();
                    return status == 200;
                }(),
                90000);
            QVERIFY2(page.contains("Jupyter"), page.left(300).constData());
        }
        access->remotePortBox()->setValue(22);
        QTest::mouseClick(access->addForwardButton(), Qt::LeftButton);
        auto *ports = static_cast<access::PortForwardModel *>(access->portsTable()->model());
        QCOMPARE(ports->rowCount(), 2); // Jupyter's, then this one
        QCOMPARE(ports->forward(0).remotePort, 8888);
        QVERIFY(ports->forward(0).totalConnections >= 1); // the page fetched above
        const int sshRow = 1;
        QCOMPARE(ports->forward(sshRow).remotePort, 22);
        const quint16 localPort = ports->forward(sshRow).localPort;
        QVERIFY(localPort > 0);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, localPort);
        QTRY_VERIFY_WITH_TIMEOUT(socket.bytesAvailable() >= 8, 20000);
        QVERIFY(socket.readAll().startsWith("SSH-2.0-")); // the instance's sshd, via the tunnel
        QTRY_VERIFY(ports->forward(sshRow).totalConnections >= 1);
        QTRY_VERIFY(ports->forward(sshRow).bytesFromRemote >= 8);
        socket.close();

        // Dataset sync (docs/sync.md) on a real instance: a tree goes up with the app's key — its
        // small files as one tar stream into the image's GNU tar, hashed there as it arrives; the
        // large one hashed by the image's dd and openssl while it is sent — and comes back down the
        // same.
        {
            QTemporaryDir data;
            const QString up = data.filePath(u"up"_s);
            QRandomGenerator random(6);
            for (int i = 0; i < 300; ++i) {
                const QString path = u"%1/d%2/f%3.bin"_s.arg(up).arg(i % 10).arg(i);
                QDir().mkpath(QFileInfo(path).absolutePath());
                QFile file(path);
                QVERIFY(file.open(QIODevice::WriteOnly));
                QByteArray bytes(4096 + i * 17, Qt::Uninitialized);
                random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
                file.write(bytes);
            }
            QFile big(up + u"/数据/big.bin"_s);
            QVERIFY(QDir().mkpath(up + u"/数据"_s) && big.open(QIODevice::WriteOnly));
            QByteArray bigBytes(72 * 1024 * 1024, Qt::Uninitialized);
            random.fillRange(reinterpret_cast<quint32 *>(bigBytes.data()), bigBytes.size() / 4);
            big.write(bigBytes);
            big.close();
            QFile::setPermissions(up + u"/d3/f3.bin"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            const protocol::SshEndpoint &ssh = *instances->instance(0).ssh;
            sync::SyncOptions options;
            options.localRoot = up;
            options.remoteRoot = "datasets/flow";
            options.endpoint = {ssh.host, quint16(ssh.port), ssh.user, ssh.host_key};
            options.identity = {launcher.keys()->keyPath(session->marketUrl()), {}};
            options.journalPath = data.filePath(u"journal.sqlite"_s);
            const sync::SyncReport sent = runSync(options);
            QVERIFY2(sent.ok, qPrintable(sent.error.message));
            QCOMPARE(sent.filesTransferred, 301);
            QCOMPARE(sent.filesVerified, 301);
            QVERIFY(sent.issues.isEmpty());
            options.direction = sync::Direction::Download;
            options.localRoot = data.filePath(u"down"_s);
            const sync::SyncReport back = runSync(options);
            QVERIFY2(back.ok, qPrintable(back.error.message));
            QCOMPARE(back.filesTransferred, 301);
            QCOMPARE(describeFiles(data.filePath(u"down"_s)), describeFiles(up));
        }

        // The dashboard (docs/dashboard.md). "Ready" was said once; the dashboard fills from the
        // real agent's 1 Hz telemetry; the history lists the states; the cost guard set here is the
        // market's.
        QTRY_VERIFY(!notified.isEmpty());
        QCOMPARE(notified.first().first().value<dashboard::Notification>().kind,
                 dashboard::Notification::Kind::InstanceReady);
        // A CPU-only instance is said to be one, not "1 × CPU".
        QCOMPARE(notified.first().first().value<dashboard::Notification>().body,
                 u"It is running without a GPU (CPU only); connect over SSH."_s);
        const qint64 id = instances->instance(0).id;
        QTabWidget *tabs = view->detailTabs();
        tabs->setCurrentWidget(view->dashboard());
        QCOMPARE(view->dashboard()->instanceId(), id);
        QTRY_VERIFY_WITH_TIMEOUT(view->dashboard()->cpuChart()->points(0).size() >= 2, 20000);
        QVERIFY2(view->dashboard()->summary().contains(u"CPU"_s), qPrintable(view->dashboard()->summary()));
        tabs->setCurrentWidget(view->history());
        QCOMPARE(view->history()->instanceId(), id);
        QTRY_VERIFY_WITH_TIMEOUT(view->history()->list()->topLevelItemCount() >= 2, 10000);
        QCOMPARE(view->history()->list()->topLevelItem(0)->text(1), u"Running"_s);
        QTest::mouseClick(view->guardsButton(), Qt::LeftButton);
        auto *guards = waitForTopLevel<ui::charts::GuardDialog>(u"guardDialog"_s);
        QVERIFY(guards);
        guards->idleMinutesSpin()->setValue(45);
        guards->save();
        QTRY_COMPARE(instances->instance(0).idle_stop_s, 45 * 60);
        {
            // What the market keeps, not only what the list shows.
            bool checked = false;
            session->client()->instances(this, [&](Result<QList<protocol::Instance>> r) {
                QVERIFY(r && r->size() == 1);
                QCOMPARE(r->first().idle_stop_s, 45 * 60);
                checked = true;
            });
            QTRY_VERIFY(checked);
        }
        tabs->setCurrentIndex(0);

        // Stop: the confirmation says what happens to data and money.
        QTest::mouseClick(view->stopButton(), Qt::LeftButton);
        auto *confirmStop = waitForTopLevel<QMessageBox>(u"confirmStop"_s);
        QVERIFY(confirmStop);
        QVERIFY(confirmStop->informativeText().contains(u"per day"_s));
        // The retention the local market states (GET /api/v1/market), whatever the plural form.
        QVERIFY2(confirmStop->informativeText().contains(u"15 day"_s),
                 qPrintable(confirmStop->informativeText()));
        QPushButton *stop = nullptr;
        for (QAbstractButton *b : confirmStop->buttons()) {
            if (b->text() == u"Stop"_s)
                stop = qobject_cast<QPushButton *>(b);
        }
        QVERIFY(stop);
        QTest::mouseClick(stop, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(int(instances->instance(0).state), int(InstanceState::Stopped),
                                  30000);
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
        QTRY_COMPARE_WITH_TIMEOUT(instances->rowCount(), 0, 30000);
        QTRY_VERIFY(!QFile::exists(hostFile)); // its ~/.ssh/config entry goes with it

        // Billing: the starting voucher is in the ledger.
        launcher.window()->showView(ui::MainWindow::View::Billing);
        ui::BillingView *billing = launcher.window()->billingView();
        QTRY_VERIFY(billing->table()->model()->rowCount() >= 1);
        QVERIFY(billing->findChild<QLabel *>(u"balanceLabel"_s)->text().startsWith(u"CN¥"_s));
        QVERIFY(billing->spend());
        QVERIFY(billing->spend()->isVisible());
        // The renter's own low-balance line goes to the market (PATCH /api/v1/me).
        billing->lowBalanceEdit()->setText(u"20"_s);
        QTest::mouseClick(billing->lowBalanceButton(), Qt::LeftButton);
        QTRY_VERIFY2(billing->messageLabel()->text().contains(u"below CN¥20.00"_s),
                     qPrintable(billing->messageLabel()->text()));
        bool checked = false;
        session->client()->me(this, [&](Result<protocol::Account> r) {
            QVERIFY(r);
            QCOMPARE(r->low_balance_micro, 20 * kMicroPerUnit);
            checked = true;
        });
        QTRY_VERIFY(checked);
        billing->lowBalanceEdit()->setText(u"twenty"_s);
        QTest::mouseClick(billing->lowBalanceButton(), Qt::LeftButton);
        QVERIFY(billing->messageLabel()->text().contains(u"not an amount"_s));
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

    void cleanupTestCase()
    {
        QFile::remove(QSettings().fileName());
        // Whatever a failed run left behind: this agent's containers and volumes.
        const QString state = m_dir.filePath(u"suanli-data/host"_s);
        testing::removeAgentLeftovers(state);
    }

private:
    QList<QUrl> m_opened;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestUiFlow)
#include "tst_ui_flow.moc"
