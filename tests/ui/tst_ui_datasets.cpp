// The Datasets view (docs/sync.md) driven through its real widgets against a real OpenSSH sshd on
// loopback (tests/ssh/support): add a pair, Plan (dry run), Sync now with progress and
// history, pause, resume and cancel mid-transfer, edit and remove; the pre-rental upload
// estimate in the offer pane; the page in the main window.
//
// SUANLI_SCREENSHOT_DIR=<dir> (and SUANLI_SCREENSHOT_LANG=zh_Hans) saves the view mid-transfer
// as <dir>/datasets[-<lang>].png for docs/screenshots.

#include "synctestutil.h"
#include "uitestsupport.h"

#include "app/appcontext.h"
#include "app/datasets/datasetpairstore.h"
#include "app/datasets/datasetscontroller.h"
#include "app/datasets/datasetsizes.h"
#include "app/datasets/uploadestimate.h"
#include "app/instancelistmodel.h"
#include "app/language.h"
#include "app/session.h"
#include "app/settings.h"
#include "ui/catalogview.h"
#include "ui/datasets/datasetsview.h"
#include "ui/datasets/syncprogresspanel.h"
#include "ui/datasets/uploadestimatetext.h"
#include "ui/mainwindow.h"
#include "ui/offerdetailpane.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;
using namespace suanli::sync::test;
using suanli::datasets::DatasetPairModel;

namespace {

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    auto *found = parent->findChild<T *>(name);
    if (!found)
        qWarning("no child %s", qPrintable(name));
    return found;
}

void clickOk(QDialog *dialog)
{
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}

/// Plural forms read "3 file(s)" until the English translation has the string, "3 files"
/// after; the checks below use counts above one and accept both.
QString plural(QString text)
{
    return text.replace(u"(s)"_s, u"s"_s);
}

void saveScreenshot(QWidget *widget)
{
    const QString dir = qEnvironmentVariable("SUANLI_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    const QString lang = qEnvironmentVariable("SUANLI_SCREENSHOT_LANG");
    const QString name = lang.isEmpty() || lang == "en"_L1 ? u"datasets.png"_s
                                                           : u"datasets-%1.png"_s.arg(lang);
    QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}

} // namespace

class TestUiDatasets : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateApp(m_dir.path());
        if (const QString lang = qEnvironmentVariable("SUANLI_SCREENSHOT_LANG"); !lang.isEmpty())
            app::installLanguage(qApp, lang);
        QVERIFY(m_sshd.start());
    }

    void addPlanSyncPauseCancelRemove()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
        const QString local = dir.filePath(u"data"_s);
        const QString remote = dir.filePath(u"remote"_s);
        writeFile(local + u"/train.csv"_s, randomBytes(200'000, 1));
        writeFile(local + u"/images/a.bin"_s, randomBytes(1'500'000, 2));
        writeFile(local + u"/images/b.bin"_s, randomBytes(300'000, 3));
        writeFile(local + u"/.git/HEAD"_s, "ref: refs/heads/main\n"); // ignored by default

        // The renter's instances: one running, its sshd the fixture's.
        app::InstanceListModel instances;
        protocol::Instance running;
        running.id = 7;
        running.label = u"llama-finetune"_s;
        running.state = protocol::InstanceState::Running;
        running.gpu_model = u"RTX 4090"_s;
        running.gpu_count = 1;
        running.ssh = protocol::SshEndpoint{u"127.0.0.1"_s, m_sshd.fixture.port(),
                                            m_sshd.fixture.user(), m_sshd.fixture.hostKeyLine(), std::nullopt};
        instances.setInstances({running});

        datasets::DatasetsController controller(settings, dir.filePath(u"journal.sqlite"_s));
        QAbstractItemModelTester pairTester(controller.pairs());
        ui::DatasetsView view(&controller, &instances);
        view.setIdentitySource([this](QObject *, std::function<void(Result<ssh::Identity>)> done) {
            done(ssh::Identity{m_sshd.fixture.clientKeyPath(), {}});
        });
        view.resize(1200, 760);
        view.show();
        QAbstractItemModelTester historyTester(view.historyTable()->model());

        // No pairs: the empty state offers to add one.
        QVERIFY(child<QPushButton>(&view, u"emptyAddButton"_s)->isVisible());
        QVERIFY(!view.pairList()->isVisible());

        // Add: a relative folder is refused in the dialog, which stays open.
        QTest::mouseClick(child<QPushButton>(&view, u"addPairButton"_s), Qt::LeftButton);
        auto *dialog = waitForTopLevel<QDialog>(u"pairDialog"_s);
        QVERIFY(dialog);
        auto *instanceBox = child<QComboBox>(dialog, u"instanceBox"_s);
        QCOMPARE(instanceBox->currentData().toString(), u"7"_s); // the only running one
        child<QLineEdit>(dialog, u"localFolderEdit"_s)->setText(u"data"_s);
        child<QLineEdit>(dialog, u"remotePathEdit"_s)->setText(remote);
        clickOk(dialog);
        auto *error = child<QLabel>(dialog, u"pairError"_s);
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), u"Choose a local folder."_s);
        QVERIFY(dialog->isVisible());
        child<QLineEdit>(dialog, u"localFolderEdit"_s)->setText(local);
        clickOk(dialog);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(controller.pairs()->rowCount(), 1);
        QTRY_VERIFY(view.pairList()->isVisible());
        const QString id = view.currentPairId();
        QCOMPARE(controller.pairs()->pairs().first().remotePath, remote);
        QCOMPARE(controller.pairs()->pairs().first().instanceId, u"7"_s);

        // Plan: what Sync now would move, nothing moved.
        auto *panel = view.progressPanel();
        auto *plan = child<QPushButton>(&view, u"planButton"_s);
        auto *syncButton = child<QPushButton>(&view, u"syncButton"_s);
        QVERIFY(plan->isEnabled());
        QTest::mouseClick(plan, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isSyncing(id), 60000);
        QVERIFY2(plural(panel->planSummary()).contains(u"Sync now would upload 3 files, 2.0 MB."_s),
                 qPrintable(panel->planSummary() + u" / "_s + panel->status()));
        auto *tree = child<QTreeWidget>(panel, u"planTree"_s);
        QStringList listed;
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            listed << tree->topLevelItem(i)->text(0);
            QCOMPARE(tree->topLevelItem(i)->text(2), u"upload"_s);
        }
        listed.sort();
        QCOMPARE(listed, QStringList({u"images/a.bin"_s, u"images/b.bin"_s, u"train.csv"_s}));
        QVERIFY(!QFileInfo::exists(remote + u"/train.csv"_s));
        QCOMPARE(view.historyTable()->model()->rowCount(), 0);

        // Sync now: the bars end full, the run lands in the history, the trees match.
        QTest::mouseClick(syncButton, Qt::LeftButton);
        QVERIFY(controller.isSyncing(id));
        QVERIFY(!syncButton->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isSyncing(id), 60000);
        QVERIFY2(plural(panel->status()).startsWith(u"Done: 3 files, 2.0 MB"_s), qPrintable(panel->status()));
        auto *bytesBar = child<QProgressBar>(panel, u"bytesBar"_s);
        auto *filesBar = child<QProgressBar>(panel, u"filesBar"_s);
        QCOMPARE(bytesBar->value(), bytesBar->maximum());
        QCOMPARE(filesBar->text(), u"3 of 3"_s);
        QTRY_COMPARE(view.historyTable()->model()->rowCount(), 1);
        const QAbstractItemModel *history = view.historyTable()->model();
        QCOMPARE(history->index(0, datasets::SyncHistoryModel::FilesColumn).data().toString(), u"3"_s);
        QCOMPARE(history->index(0, datasets::SyncHistoryModel::ResultColumn).data().toString(), u"Done"_s);
        auto expected = describeTree(local);
        expected.remove(u".git"_s);
        expected.remove(u".git/HEAD"_s);
        QCOMPARE(describeTree(remote), expected);

        // A big tree: progress moves, Pause holds it, Resume goes on, Cancel stops mid-way.
        for (int i = 0; i < 6; ++i)
            writeFile(local + u"/big/part-%1.bin"_s.arg(i), randomBytes(64 << 20, 10 + i));
        QTest::mouseClick(syncButton, Qt::LeftButton);
        auto *pause = child<QPushButton>(&view, u"pauseButton"_s);
        auto *cancel = child<QPushButton>(&view, u"cancelButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(bytesBar->value() > 0, 60000);
        QVERIFY(bytesBar->value() < bytesBar->maximum());
        QVERIFY(controller.isSyncing(id));
        QVERIFY(pause->isEnabled() && cancel->isEnabled());
        QTest::mouseClick(pause, Qt::LeftButton);
        QTRY_COMPARE(pause->text(), u"Resume"_s);
        QTRY_VERIFY(panel->status().startsWith(u"Paused."_s));
        QVERIFY(child<QLabel>(panel, u"rateLabel"_s)->text() == u"paused"_s);
        saveScreenshot(&view);
        const auto row = controller.pairs()->index(0);
        const qint64 pausedAt = row.data(DatasetPairModel::BytesDoneRole).toLongLong();
        QTest::mouseClick(pause, Qt::LeftButton);
        QTRY_COMPARE(pause->text(), u"Pause"_s);
        QTRY_VERIFY_WITH_TIMEOUT(row.data(DatasetPairModel::BytesDoneRole).toLongLong() > pausedAt, 60000);
        QTest::mouseClick(pause, Qt::LeftButton);
        QTRY_COMPARE(pause->text(), u"Resume"_s);
        QVERIFY(row.data(DatasetPairModel::BytesDoneRole).toLongLong()
                < row.data(DatasetPairModel::BytesTotalRole).toLongLong());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.isSyncing(id), 30000);
        QVERIFY2(panel->status().startsWith(u"Cancelled."_s), qPrintable(panel->status()));
        QVERIFY(!cancel->isEnabled());
        QVERIFY(syncButton->isEnabled());
        QTRY_COMPARE(view.historyTable()->model()->rowCount(), 2);
        QVERIFY(history->index(0, datasets::SyncHistoryModel::ResultColumn).data().toString() != u"Done"_s);
        QVERIFY(describeTree(remote) != describeTree(local));

        // Edit: download with mirroring now; the pair keeps its id.
        QTest::mouseClick(child<QPushButton>(&view, u"editPairButton"_s), Qt::LeftButton);
        dialog = waitForTopLevel<QDialog>(u"pairDialog"_s);
        QVERIFY(dialog);
        auto *direction = child<QComboBox>(dialog, u"directionBox"_s);
        direction->setCurrentIndex(direction->findData(int(sync::Direction::Download)));
        child<QCheckBox>(dialog, u"deleteExtraneousBox"_s)->setChecked(true);
        clickOk(dialog);
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(view.currentPairId(), id);
        QCOMPARE(controller.pairs()->pairs().first().direction, sync::Direction::Download);
        QVERIFY(controller.pairs()->pairs().first().deleteExtraneous);
        QVERIFY(child<QLabel>(&view, u"pairRoute"_s)->text().startsWith(u"Downloads "_s));

        // Remove, after a confirmation; the files stay.
        QTest::mouseClick(child<QPushButton>(&view, u"removePairButton"_s), Qt::LeftButton);
        auto *confirm = waitForTopLevel<QMessageBox>(u"confirmRemovePair"_s);
        QVERIFY(confirm);
        for (QAbstractButton *b : confirm->buttons()) {
            if (confirm->buttonRole(b) == QMessageBox::AcceptRole)
                QTest::mouseClick(b, Qt::LeftButton);
        }
        QTRY_COMPARE(controller.pairs()->rowCount(), 0);
        QTRY_VERIFY(child<QPushButton>(&view, u"emptyAddButton"_s)->isVisible());
        QVERIFY(QFileInfo::exists(remote + u"/train.csv"_s));
    }

    void uploadEstimateInTheOfferPane()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(u"set"_s);
        writeFile(folder + u"/a.bin"_s, QByteArray(3'000'000, 'a'));
        writeFile(folder + u"/b/c.bin"_s, QByteArray(1'000'000, 'c'));
        writeFile(folder + u"/.git/objects/x"_s, QByteArray(5'000'000, 'x')); // not uploaded

        datasets::DatasetSizes sizes;
        QSignalSpy changed(&sizes, &datasets::DatasetSizes::changed);
        sizes.scan({folder, folder + u"/"_s}); // the same folder twice counts once
        QVERIFY(changed.wait(30000));
        QCOMPARE(sizes.bytes(), 4'000'000);
        QCOMPARE(sizes.folders(), 1);

        ui::OfferDetailPane pane;
        pane.show();
        pane.setUploadEstimate([&](const protocol::Offer &offer) {
            return ui::uploadEstimateText(sizes.bytes(), sizes.folders(), offer.inet_up_mbps);
        });
        protocol::Offer offer;
        offer.id = 1;
        offer.host_name = u"rig-1"_s;
        offer.gpus_total = 1;
        offer.gpus_free = 1;
        offer.gpu_model = u"RTX 4090"_s;
        offer.inet_up_mbps = 500;
        pane.setOffer(offer);
        auto *label = child<QLabel>(&pane, u"uploadEstimate"_s);
        QVERIFY(label->isVisible());
        QCOMPARE(datasets::estimateUploadSeconds(4'000'000, 500), 3);
        QCOMPARE(label->text(), u"Uploading your 4.0 MB dataset takes 3 s at 500 Mbit/s."_s);

        // A big set on a slow uplink reads in minutes; an unknown speed says so.
        QCOMPARE(ui::uploadEstimateText(12'400'000'000, 1, 500),
                 u"Uploading your 12.4 GB dataset takes about 4 min at 500 Mbit/s."_s);
        QCOMPARE(plural(ui::uploadEstimateText(12'400'000'000, 2, 100)),
                 u"Uploading your 2 dataset folders (12.4 GB) takes about 20 min at 100 Mbit/s."_s);
        offer.inet_up_mbps = 0;
        pane.setOffer(offer);
        QVERIFY2(label->text().contains(u"does not report its upload speed"_s), qPrintable(label->text()));
        // No folders: no line.
        sizes.scan({});
        QVERIFY(changed.wait(30000));
        pane.updateUploadEstimate();
        QVERIFY(!label->isVisible());
    }

    void mainWindowPage()
    {
        // A pair already in the app's settings, as a previous run left it.
        const QString folder = m_dir.filePath(u"mnist"_s);
        writeFile(folder + u"/train.bin"_s, QByteArray(2'500'000, 't'));
        {
            app::Settings settings(m_dir.filePath(u"main.ini"_s));
            settings.setDataFolder(m_dir.filePath(u"suanli-data"_s));
            datasets::DatasetPair pair;
            pair.id = u"p-1"_s;
            pair.localFolder = folder;
            datasets::DatasetPairStore(settings.store()).save({pair});
            settings.sync();
        }
        app::AppContext::Options options;
        options.settingsIni = m_dir.filePath(u"main.ini"_s);
        options.secrets = std::make_unique<app::MemorySecretStore>();
        app::AppContext context(std::move(options));
        ui::MainWindow window(&context);
        window.show();
        auto *sidebar = window.findChild<QListWidget *>(u"sidebar"_s);
        QVERIFY(!sidebar->findItems(u"Datasets"_s, Qt::MatchExactly).isEmpty());
        auto *view = window.findChild<ui::DatasetsView *>();
        QVERIFY(view);
        QCOMPARE(view->pairList()->model()->rowCount(), 1);
        QAction *open = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->text() == u"Datasets"_s)
                open = action;
        }
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(u"Ctrl+4"_s));
        open->trigger();
        QTRY_VERIFY(view->isVisible());
        QVERIFY(QFileInfo::exists(m_dir.filePath(u"suanli-data/sync.sqlite"_s)));

        // The catalog's offer pane tells how long the pair's folder takes to upload.
        window.showView(ui::MainWindow::View::Catalog);
        protocol::Offer offer;
        offer.id = 3;
        offer.host_name = u"rig-3"_s;
        offer.inet_up_mbps = 500;
        window.catalogView()->detailPane()->setOffer(offer);
        auto *label = child<QLabel>(window.catalogView()->detailPane(), u"uploadEstimate"_s);
        QTRY_COMPARE(label->text(), u"Uploading your 2.5 MB dataset takes 3 s at 500 Mbit/s."_s);
    }

private:
    QTemporaryDir m_dir;
    Sshd m_sshd;
};

QTEST_MAIN(TestUiDatasets)
#include "tst_ui_datasets.moc"
