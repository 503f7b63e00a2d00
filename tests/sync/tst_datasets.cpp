#include "synctestutil.h"

#include "app/datasets/datasetscontroller.h"
#include "app/datasets/uploadestimate.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace suanli;
using namespace suanli::datasets;
using namespace suanli::sync::test;

class TestDatasets : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_sshd.start());
    }

    void estimate()
    {
        QCOMPARE(estimateUploadSeconds(1'000'000'000, 100), 2 + 95); // 8e9 bits / 85 Mbit/s
        QCOMPARE(estimateUploadSeconds(0, 100), 2);
        QCOMPARE(estimateUploadSeconds(1000, 0), -1);
    }

    void pairsPersistAndSync()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
        const QString local = dir.filePath(QStringLiteral("data"));
        const QString remote = dir.filePath(QStringLiteral("remote"));
        writeFile(local + QStringLiteral("/a.txt"), "hello");
        writeFile(local + QStringLiteral("/b/c.bin"), randomBytes(300000, 3));

        QString id;
        {
            DatasetsController controller(settings, journal);
            QAbstractItemModelTester pairTester(controller.pairs());
            QAbstractItemModelTester historyTester(controller.history());
            QCOMPARE(controller.addPair(QStringLiteral("relative"), {}, remote).error().code,
                     QStringLiteral("invalid_path"));
            QCOMPARE(controller.addPair(local, QStringLiteral("i-1"), QStringLiteral("/x/../y")).error().field,
                     QStringLiteral("remotePath"));
            auto added = controller.addPair(local, QStringLiteral("i-1"), remote);
            QVERIFY(added.ok());
            id = *added;
            QCOMPARE(controller.pairs()->rowCount(), 1);

            QSignalSpy finished(&controller, &DatasetsController::syncFinished);
            const ssh::Endpoint endpoint{QStringLiteral("127.0.0.1"), m_sshd.fixture.port(),
                                         m_sshd.fixture.user(), m_sshd.fixture.hostKeyLine()};
            const ssh::Identity identity{m_sshd.fixture.clientKeyPath(), {}};
            QVERIFY(controller.syncNow(id, sync::Direction::Upload, endpoint, identity).ok());
            QVERIFY(controller.isSyncing(id));
            QCOMPARE(controller.syncNow(id, sync::Direction::Upload, endpoint, identity).error().code,
                     QStringLiteral("sync_running"));
            QVERIFY(finished.wait(60000));
            const auto report = finished.first().at(1).value<sync::SyncReport>();
            if (!report.ok)
                qWarning("%s", qPrintable(m_sshd.fixture.log().right(3000)));
            QVERIFY2(report.ok, qPrintable(report.error.message));
            const QModelIndex row = controller.pairs()->index(0);
            QCOMPARE(row.data(DatasetPairModel::FilesDoneRole).toLongLong(), 2);
            QCOMPARE(row.data(DatasetPairModel::BytesDoneRole).toLongLong(), 300005);
            QCOMPARE(row.data(DatasetPairModel::RunningRole).toBool(), false);
            QCOMPARE(controller.history()->rowCount(), 1);
            QCOMPARE(controller.history()->index(0, SyncHistoryModel::FilesColumn)
                         .data(SyncHistoryModel::RawRole).toLongLong(), 2);
        }
        QCOMPARE(describeTree(remote), describeTree(local));
        // The pairs come back from settings.
        DatasetsController reopened(settings, journal);
        QCOMPARE(reopened.pairs()->rowCount(), 1);
        QCOMPARE(reopened.pairs()->index(0).data(DatasetPairModel::IdRole).toString(), id);
        QCOMPARE(reopened.pairs()->index(0).data(DatasetPairModel::RemotePathRole).toString(), remote);
    }

private:
    Sshd m_sshd;
};

QTEST_GUILESS_MAIN(TestDatasets)
#include "tst_datasets.moc"
