// Saved images in the app (docs/app.md, "Saved images"), offscreen against a real market on
// loopback and its scripted agents: "Save as image…" is enabled for a running instance, the
// dialog sends the save and follows it to ready with its size and host; the launch dialog lists
// the image as "lives on this host only" on its host's offer and as a disabled entry naming the
// host on another's; "My images" lists it and deletes it (the agent is told to free it).

#include "uitestsupport.h"

#include "app/instancelistmodel.h"
#include "app/session.h"
#include "client/marketclient.h"
#include "protocol/json.h"
#include "support/ledgercheck.h"
#include "support/marketharness.h"
#include "support/marketscenario.h"
#include "ui/instancesview.h"
#include "ui/launchdialog.h"
#include "ui/myimagesdialog.h"
#include "ui/saveimagedialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

protocol::Offer offerOf(MarketHarness &h, const QByteArray &token, qint64 hostId)
{
    auto r = h.get(u"/api/v1/offers"_s, token);
    for (const QJsonValue &o : r.json[u"offers"_s].toArray()) {
        if (o[u"host_id"_s].toInteger() == hostId)
            return *protocol::offerFromJson(o.toObject());
    }
    return {};
}

/// The combo entry whose data is `ref`, or -1.
int entryOf(QComboBox *box, const QString &ref)
{
    return box->findData(ref);
}

} // namespace

class TestUiImages : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateApp(m_dir.path());
    }

    void saveLaunchListAndDelete()
    {
        MarketHarness h;
        QVERIFY2(h.ok(), qPrintable(h.error()));
        Scenario s;
        QVERIFY(s.setUp(h, 2, 1'000'000, 300'000));
        const qint64 id = s.launch(h, 1);
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
        QTRY_VERIFY(model->find(id) && model->find(id)->state == protocol::InstanceState::Running);
        view.selectInstance(id);
        QTRY_VERIFY(view.saveImageButton()->isEnabled());
        QSignalSpy asked(&view, &ui::InstancesView::saveImageRequested);
        view.saveImageButton()->click();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked[0][0].toLongLong(), id);

        ui::SaveImageDialog dialog(session.client(), *model->find(id), u"CNY"_s);
        dialog.show();
        dialog.nameEdit()->setText(u"trained env"_s);
        QSignalSpy finished(&dialog, &ui::SaveImageDialog::finished);
        dialog.saveButton()->click();
        const QJsonObject command = s.agent->take(u"command"_s);
        QCOMPARE(command[u"action"_s].toString(), u"save_image"_s);
        QTRY_VERIFY(dialog.stateLabel()->text().contains(u"Saving"_s));
        QVERIFY(!dialog.saveButton()->isEnabled()); // one save per click
        s.agent->send({{u"type"_s, u"image_state"_s},
                       {u"image_id"_s, command[u"image"_s][u"id"_s]},
                       {u"state"_s, u"ready"_s},
                       {u"size_bytes"_s, 1'234'000'000},
                       {u"command_id"_s, command[u"id"_s]}});
        QVERIFY(finished.wait(10000));
        const QString text = dialog.stateLabel()->text();
        QVERIFY2(text.contains(u"1.23 GB"_s) && text.contains(u"rig-1"_s), qPrintable(text));
        const QString ref = dialog.image().ref;
        QVERIFY(ref.contains(u"/suanli-images/"_s));

        // On its host's offer: listed, launchable, saying where it lives.
        {
            ui::LaunchDialog launch(session.client(), offerOf(h, s.renter.token, s.hostId),
                                    u"CNY"_s);
            launch.show();
            auto *box = launch.findChild<QComboBox *>(u"imageBox"_s);
            QVERIFY(box);
            QTRY_VERIFY(entryOf(box, ref) >= 0);
            const int entry = entryOf(box, ref);
            QVERIFY2(box->itemText(entry).contains(u"lives on this host only"_s),
                     qPrintable(box->itemText(entry)));
            auto *items = qobject_cast<QStandardItemModel *>(box->model());
            QVERIFY(items->item(entry)->isEnabled());
        }
        // On another host's offer: there, but disabled, naming the host.
        auto lender = h.createAccount(u"lender2"_s, {u"lender"_s});
        auto created = h.post(u"/api/v1/hosts"_s, lender.token, {{u"name"_s, u"rig-2"_s}});
        const qint64 other = created.json[u"host"_s][u"id"_s].toInteger();
        QCOMPARE(h.request("PATCH", u"/api/v1/hosts/%1"_s.arg(other), lender.token,
                           R"({"listed": true, "price_gpu_hour_micro": 1000000})")
                     .status,
                 200);
        ScriptedAgent agent2(h.baseUrl(), created.json[u"token"_s].toString().toLatin1());
        QVERIFY(agent2.connectAndHello(1));
        {
            ui::LaunchDialog launch(session.client(), offerOf(h, s.renter.token, other), u"CNY"_s);
            launch.show();
            auto *box = launch.findChild<QComboBox *>(u"imageBox"_s);
            QTRY_VERIFY(entryOf(box, ref) >= 0);
            const int entry = entryOf(box, ref);
            QVERIFY2(box->itemText(entry).contains(u"lives on host rig-1 only"_s),
                     qPrintable(box->itemText(entry)));
            auto *items = qobject_cast<QStandardItemModel *>(box->model());
            QVERIFY(!items->item(entry)->isEnabled());
        }

        // My images: listed, then deleted.
        ui::MyImagesDialog mine(session.client(), u"CNY"_s);
        mine.show();
        QTRY_COMPARE(mine.table()->rowCount(), 1);
        QCOMPARE(mine.table()->item(0, 0)->text(), u"trained env"_s);
        QCOMPARE(mine.table()->item(0, 1)->text(), u"Ready"_s);
        QVERIFY(mine.table()->item(0, 3)->text().contains(u"rig-1"_s));
        QVERIFY(!mine.deleteButton()->isEnabled());
        mine.table()->selectRow(0);
        QVERIFY(mine.deleteButton()->isEnabled());
        mine.deleteSelected(false);
        QTRY_COMPARE(mine.table()->rowCount(), 0);
        QCOMPARE(s.agent->take(u"command"_s)[u"action"_s].toString(), u"delete_image"_s);
        QVERIFY(checkLedger(h.databaseUrl()).isEmpty());

        // A stopping instance has nothing to save.
        QCOMPARE(h.request("POST", u"/api/v1/instances/%1/stop"_s.arg(id), s.renter.token).status,
                 202);
        QTRY_VERIFY(model->find(id)->state == protocol::InstanceState::Stopping);
        QVERIFY(!view.saveImageButton()->isEnabled());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestUiImages)
#include "tst_ui_images.moc"
