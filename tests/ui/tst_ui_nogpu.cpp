// "GPUs are taken" and the start without a GPU (docs/market.md, "Starting without a GPU"),
// clicked through the Instances view offscreen against a real market on loopback and its
// scripted agent: the dialog offers the no-GPU start first with the offer's price, the market
// starts the instance without its GPU, the table says so; without the offer's price the choice
// is not there.

#include "uitestsupport.h"

#include "app/instancelistmodel.h"
#include "app/session.h"
#include "support/ledgercheck.h"
#include "support/marketharness.h"
#include "support/marketscenario.h"
#include "ui/instancesview.h"

#include <QApplication>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

QMessageBox *openGpusTaken()
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->objectName() == "gpusUnavailable"_L1 && w->isVisible())
            return qobject_cast<QMessageBox *>(w);
    }
    return nullptr;
}

/// The stopped instance of `s` whose only GPU someone else rents now.
qint64 stoppedWithItsGpuTaken(MarketHarness &h, Scenario &s)
{
    const qint64 id = s.launch(h, 1);
    if (!id)
        return 0;
    if (h.request("POST", u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token).status != 202)
        return 0;
    const QJsonObject stop = s.agent->take(u"command"_s);
    s.agent->report(id, u"stopped"_s, {}, stop[u"id"_s].toString());
    if (!s.waitForState(h, id, u"stopped"_s))
        return 0;
    const auto other = h.createAccount(u"bob"_s, {u"renter"_s}, 100 * kMicroPerUnit);
    auto taken = h.post(u"/api/v1/instances"_s, other.token,
                        {{u"offer_id"_s, s.hostId},
                         {u"gpu_count"_s, 1},
                         {u"image"_s, u"localhost/suanli/base:bookworm"_s},
                         {u"disk_gb"_s, 50},
                         {u"ssh_public_key"_s, testPublicKey()}});
    if (taken.status != 201)
        return 0;
    s.agent->take(u"command"_s); // bob's create
    return id;
}

} // namespace

class TestUiNoGpu : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateApp(m_dir.path());
    }

    void gpusTakenOffersTheStartWithoutAGpu()
    {
        MarketHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        Scenario s;
        QVERIFY(s.setUp(h, 1, 1'000'000, 0));
        QCOMPARE(h.request("PATCH", u"/api/v1/hosts/%1"_s.arg(s.hostId), s.lender.token,
                           R"({"price_nogpu_hour_micro": 100000})")
                     .status,
                 200);
        const qint64 id = stoppedWithItsGpuTaken(h, s);
        QVERIFY(id);

        QNetworkAccessManager network;
        app::Session session(&network);
        QSignalSpy ready(&session, &app::Session::ready);
        session.connectTo(QUrl(h.baseUrl()), s.renter.token, false);
        QVERIFY(ready.wait(10000));
        ui::InstancesView view(session.instances());
        view.setCurrency(u"CNY"_s);
        view.resize(1000, 600);
        view.show();
        app::InstanceListModel *model = session.instances()->model();
        QTRY_VERIFY(model->find(id) && model->find(id)->state == protocol::InstanceState::Stopped);
        view.selectInstance(id);
        QTRY_VERIFY(view.startButton()->isEnabled());
        view.startButton()->click();

        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = openGpusTaken()) != nullptr);
        auto *noGpu = box->findChild<QPushButton *>(u"startWithoutGpu"_s);
        QVERIFY(noGpu);
        QVERIFY2(noGpu->text().contains(u"¥0.10/h"_s), qPrintable(noGpu->text()));
        QCOMPARE(box->defaultButton(), noGpu);
        QVERIFY(box->informativeText().contains(u"without a GPU"_s));
        // SUANLI_SCREENSHOT_DIR=docs/screenshots: the dialog as the renter sees it.
        if (const QString dir = qEnvironmentVariable("SUANLI_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QTest::qWait(100);
            QVERIFY(box->grab().save(dir + u"/gpus-taken-en.png"_s));
        }
        noGpu->click();

        // The market starts it without its GPU and asks the agent for none.
        const QJsonObject start = s.agent->take(u"command"_s);
        QCOMPARE(start[u"action"_s].toString(), u"start"_s);
        QCOMPARE(start[u"spec"_s][u"gpu_count"_s].toInt(), 0);
        s.agent->report(id, u"running"_s, {}, start[u"id"_s].toString());
        QTRY_VERIFY_WITH_TIMEOUT(model->find(id)->state == protocol::InstanceState::Running, 10000);
        QVERIFY(model->find(id)->no_gpu);
        const int row = [&] {
            for (int r = 0; r < model->rowCount(); ++r) {
                if (model->instance(r).id == id)
                    return r;
            }
            return -1;
        }();
        QVERIFY(row >= 0);
        QCOMPARE(model->index(row, app::InstanceListModel::Gpu).data().toString(),
                 u"Without a GPU (CPU only)"_s);
        const QString price = model->index(row, app::InstanceListModel::Price).data().toString();
        QVERIFY2(price.endsWith(u"¥0.10/h"_s), qPrintable(price)); // the no-GPU price, not ¥1/h
        QVERIFY(checkLedger(h.databaseUrl()).isEmpty());
    }

    void noPriceNoChoice()
    {
        MarketHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        Scenario s;
        QVERIFY(s.setUp(h, 1, 1'000'000, 0)); // the host sells no start without a GPU
        const qint64 id = stoppedWithItsGpuTaken(h, s);
        QVERIFY(id);
        QNetworkAccessManager network;
        app::Session session(&network);
        QSignalSpy ready(&session, &app::Session::ready);
        session.connectTo(QUrl(h.baseUrl()), s.renter.token, false);
        QVERIFY(ready.wait(10000));
        ui::InstancesView view(session.instances());
        view.show();
        QTRY_VERIFY(session.instances()->model()->find(id));
        view.selectInstance(id);
        QTRY_VERIFY(view.startButton()->isEnabled());
        view.startButton()->click();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = openGpusTaken()) != nullptr);
        QVERIFY(!box->findChild<QPushButton *>(u"startWithoutGpu"_s));
        box->close();
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestUiNoGpu)
#include "tst_ui_nogpu.moc"
