// "Move to another host…" clicked through the Instances view offscreen against a real market on
// loopback and two scripted agents (docs/app.md, "Clone and move"): the dialog lists the
// matching offer of the other host only, Move creates the clone there, the copy's progress
// shows under the new instance with bytes, files, speed and time left, and Cancel (confirmed)
// destroys the new instance while the source keeps running.

#include "uitestsupport.h"

#include "app/instancelistmodel.h"
#include "app/session.h"
#include "support/ledgercheck.h"
#include "support/marketharness.h"
#include "support/marketscenario.h"
#include "ui/clonedialog.h"
#include "ui/copyprogresswidget.h"
#include "ui/instancesview.h"

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

template <typename T> T *openTopLevel(const QString &name)
{
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->objectName() == name && w->isVisible())
            return qobject_cast<T *>(w);
    }
    return nullptr;
}

const QString kCopyKey =
    u"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGyR6YzqPOka/iXuqJqy6wfcJ17ghri1GpsUSq4uq2xD"_s;

} // namespace

class TestUiClone : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateApp(m_dir.path());
    }

    void moveShowsProgressAndCancels()
    {
        MarketHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        Scenario s;
        QVERIFY(s.setUp(h, 1, 1'000'000, 0));
        auto created = h.post(u"/api/v1/hosts"_s, s.lender.token, {{u"name"_s, u"rig-2"_s}});
        QCOMPARE(created.status, 201);
        const qint64 hostB = created.json[u"host"_s][u"id"_s].toInteger();
        QCOMPARE(h.request("PATCH", u"/api/v1/hosts/%1"_s.arg(hostB), s.lender.token,
                           R"({"listed":true,"price_gpu_hour_micro":2000000,
                               "price_storage_gb_month_micro":0})")
                     .status,
                 200);
        ScriptedAgent agentB(h.baseUrl(), created.json[u"token"_s].toString().toLatin1());
        QVERIFY(agentB.connectAndHello(1));
        const qint64 source = s.launch(h, 1);
        QVERIFY(source);

        QNetworkAccessManager network;
        app::Session session(&network);
        QSignalSpy ready(&session, &app::Session::ready);
        session.connectTo(QUrl(h.baseUrl()), s.renter.token, false);
        QVERIFY(ready.wait(10000));
        ui::InstancesView view(session.instances());
        view.setCurrency(u"CNY"_s);
        view.resize(1100, 700);
        view.show();
        app::InstanceListModel *model = session.instances()->model();
        QTRY_VERIFY(model->find(source));
        view.selectInstance(source);
        QTRY_VERIFY(view.moveButton()->isEnabled());
        QVERIFY(view.cloneButton()->isEnabled());
        QVERIFY(!view.copyProgress()->isVisible()); // the source is no clone
        view.moveButton()->click();

        ui::CloneDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = openTopLevel<ui::CloneDialog>(u"moveDialog"_s)) != nullptr);
        // Only the other host: the source's own is not a place to move to.
        QTRY_COMPARE(dialog->offers()->rowCount(), 1);
        QCOMPARE(dialog->offers()->item(0, 0)->text(), u"rig-2"_s);
        QVERIFY(dialog->okButton()->isEnabled());
        QCOMPARE(dialog->request().offer_id, hostB);
        QCOMPARE(dialog->request().gpu_count, 1);
        QVERIFY(dialog->request().move);
        QVERIFY(!dialog->request().disk_gb); // the source's
        dialog->okButton()->click();

        // The clone on host B, with its copy.
        const QJsonObject create = agentB.take(u"command"_s);
        QCOMPARE(create[u"action"_s].toString(), u"create"_s);
        QCOMPARE(create[u"spec"_s][u"copy_from"_s].toInteger(), source);
        const qint64 target = create[u"instance_id"_s].toInteger();
        agentB.report(target, u"running"_s, {}, create[u"id"_s].toString());
        agentB.send({{u"type"_s, u"copy_progress"_s},
                     {u"instance_id"_s, target},
                     {u"state"_s, u"key"_s},
                     {u"public_key"_s, kCopyKey}});
        QCOMPARE(agentB.take(u"command"_s)[u"action"_s].toString(), u"copy"_s);
        auto report = [&](qint64 bytes, qint64 files) {
            agentB.send({{u"type"_s, u"copy_progress"_s},
                         {u"instance_id"_s, target},
                         {u"state"_s, u"copying"_s},
                         {u"bytes_done"_s, bytes},
                         {u"bytes_total"_s, 10'000'000},
                         {u"files_done"_s, files},
                         {u"files_total"_s, 12}});
        };
        report(1'000'000, 1);
        QTRY_VERIFY(model->find(target) && model->find(target)->copy &&
                    model->find(target)->copy->bytes_done == 1'000'000);
        QTRY_COMPARE(view.current()->id, target); // selected after Move
        QTRY_VERIFY(view.copyProgress()->isVisible());
        QTest::qWait(300);
        report(4'000'000, 5);
        QTRY_VERIFY(model->find(target)->copy->bytes_done == 4'000'000);
        const QString text = view.copyProgress()->text()->text();
        QVERIFY2(text.contains(u"4.0 MB of 10.0 MB"_s) && text.contains(u"5 of 12 files"_s),
                 qPrintable(text));
        QVERIFY2(text.contains(u"/s"_s) && text.contains(u"left"_s), qPrintable(text));
        QVERIFY(view.copyProgress()->bytesPerSecond() > 0);
        QVERIFY(view.copyProgress()->bar()->value() == 400);

        // Cancel, confirmed: the new instance goes, the source stays.
        view.copyProgress()->cancelButton()->click();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = openTopLevel<QMessageBox>(u"confirmCancelCopy"_s)) != nullptr);
        for (QAbstractButton *b : confirm->buttons()) {
            if (confirm->buttonRole(b) == QMessageBox::DestructiveRole)
                b->click();
        }
        QCOMPARE(agentB.take(u"command"_s)[u"action"_s].toString(), u"destroy"_s);
        QTRY_VERIFY(model->find(target)->copy->state == u"cancelled"_s);
        QCOMPARE(protocol::toString(h.store().instance(source)->state), u"running"_s);
        QVERIFY(checkLedger(h.databaseUrl()).isEmpty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestUiClone)
#include "tst_ui_clone.moc"
