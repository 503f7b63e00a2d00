// The catalog view and the first-run "Connect to a market" page against a real market on
// loopback: inline query errors, quick filters, drawn states, selection kept across updates.

#include "uitestsupport.h"

#include "app/language.h"
#include "app/offertablemodel.h"
#include "app/session.h"
#include "app/settings.h"
#include "support/marketharness.h"
#include "support/marketscenario.h"
#include "ui/catalogfilterbar.h"
#include "ui/catalogview.h"
#include "ui/firstrundialog.h"
#include "ui/offerdetailpane.h"
#include "ui/statewidget.h"

#include <QCheckBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

class TestUiCatalog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateApp(m_dir.path());
    }

    void queryErrorsFiltersAndStates()
    {
        MarketHarness h;
        QVERIFY(h.ok());
        Scenario s;
        QVERIFY(s.setUp(h, 4, 1'320'000));
        QNetworkAccessManager network;
        app::Session session(&network);
        session.connectTo(QUrl(h.baseUrl()), s.renter.token, false);
        ui::CatalogView view(session.catalog());
        view.resize(1200, 700);
        view.show();
        QTRY_COMPARE(session.catalog()->state(), app::CatalogController::State::Ready);
        QTRY_COMPARE(view.table()->model()->rowCount(), 1);

        // A syntax error is shown under the box, at its position; the table keeps the rows.
        auto *query = view.findChild<QLineEdit *>(u"queryBox"_s);
        auto *error = view.findChild<QLabel *>(u"queryError"_s);
        QTest::keyClicks(query, u"gpus>=2 pric<2"_s);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->text().startsWith(u"Column 9: "_s), qPrintable(error->text()));
        QVERIFY(error->text().contains(u"gpus>=2 ▸pric<2"_s));
        QCOMPARE(view.table()->model()->rowCount(), 1);

        // A query that matches nothing draws "No offer matches" with a way out.
        query->setText(u"price<1"_s);
        QTRY_VERIFY(!error->isVisible());
        auto *state = view.findChild<ui::StateWidget *>();
        QTRY_VERIFY(state->isVisible());
        QVERIFY(!view.table()->isVisible());
        auto *clear = state->findChild<QPushButton *>();
        QVERIFY(clear->isVisible());
        QTest::mouseClick(clear, Qt::LeftButton);
        QTRY_COMPARE(view.table()->model()->rowCount(), 1);
        QCOMPARE(query->text(), QString());

        // Quick filter: verified only (the scripted host is not verified).
        auto *verified = view.findChild<QCheckBox *>();
        verified->setChecked(true);
        QTRY_COMPARE(view.table()->model()->rowCount(), 0);
        verified->setChecked(false);
        QTRY_COMPARE(view.table()->model()->rowCount(), 1);

        // Selection survives a live update of the same offer (GPUs taken by a launch).
        view.table()->selectRow(0);
        auto *detail = view.detailPane();
        QCOMPARE(detail->offer()->gpus_free, 4);
        const qint64 id = s.launch(h, 2);
        QVERIFY(id > 0);
        session.catalog()->reload();
        QTRY_COMPARE(detail->offer()->gpus_free, 2);
        QCOMPARE(view.table()->selectionModel()->currentIndex().row(), 0);

        // Not measured yet: the pane says so, never "0"; once the agent's measurement is in,
        // the values and their time (docs/market.md, "Measured speeds").
        auto *specs = detail->findChild<QLabel *>(u"offerSpecs"_s);
        QVERIFY(specs);
        QVERIFY2(specs->text().contains(u"not measured"_s), qPrintable(specs->text()));
        QVERIFY(specs->text().contains(u"never"_s));
        s.agent->send({{u"type"_s, u"measurement"_s},
                       {u"net_down_mbps"_s, 940},
                       {u"net_up_mbps"_s, 310},
                       {u"disk_write_mbps"_s, QJsonValue::Null}});
        QVERIFY(s.agent->sync());
        session.catalog()->reload();
        QTRY_VERIFY(detail->offer()->measured_at.isValid());
        QVERIFY2(specs->text().contains(u"↓ 940 / ↑ 310 Mbit/s"_s), qPrintable(specs->text()));
        QVERIFY(!specs->text().contains(u"never"_s));
        QCOMPARE(view.table()->model()->index(0, app::OfferTableModel::Network).data().toString(),
                 u"↓ 940 / ↑ 310 Mbit/s"_s);
    }

    void unreachableMarketDrawsTheError()
    {
        QNetworkAccessManager network;
        app::Session session(&network);
        session.client()->setRetries(0);
        ui::CatalogView view(session.catalog());
        view.show();
        session.client()->setMarket(QUrl(u"http://127.0.0.1:1"_s), "sk_x");
        session.catalog()->reload();
        QTRY_COMPARE(session.catalog()->state(), app::CatalogController::State::Error);
        auto *state = view.findChild<ui::StateWidget *>();
        QVERIFY(state->isVisible());
        QVERIFY(state->findChild<QPushButton *>()->isVisible()); // "Try again"
    }

    void firstRunChecksTheToken()
    {
        MarketHarness h;
        QVERIFY(h.ok());
        auto renter = h.createAccount(u"ann"_s, {u"renter"_s});
        QNetworkAccessManager network;
        ui::FirstRunDialog dialog(&network);
        dialog.show();
        QSignalSpy chosen(&dialog, &ui::FirstRunDialog::marketChosen);
        QTest::mouseClick(dialog.remoteButton(), Qt::LeftButton);
        dialog.urlEdit()->setText(h.baseUrl());
        dialog.tabs()->setCurrentIndex(ui::FirstRunDialog::TokenTab);
        dialog.tokenEdit()->setText(u"sk_"_s + QString(43, u'x'));
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        auto *status = dialog.findChild<QLabel *>(u"connectStatus"_s);
        QTRY_COMPARE(status->text(), u"The market does not accept this token."_s);
        QCOMPARE(chosen.size(), 0);
        dialog.tokenEdit()->setText(QString::fromLatin1(renter.token));
        QTest::mouseClick(dialog.connectButton(), Qt::LeftButton);
        QTRY_COMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().at(2).value<protocol::Account>().name, u"ann"_s);
    }

    void translationsAreComplete()
    {
        // The catalogues are compiled in; zh_Hans and zh_Hant really translate.
        QVERIFY(app::installLanguage(qApp, u"zh_Hans"_s));
        QCOMPARE(QCoreApplication::translate("suanli::ui::MainWindow", "Catalog"), u"目录"_s);
        QCOMPARE(QCoreApplication::translate("suanli::app::OfferTableModel", "%n core(s)", nullptr, 8),
                 u"8 核"_s);
        QVERIFY(app::installLanguage(qApp, u"zh_Hant"_s));
        QCOMPARE(QCoreApplication::translate("suanli::ui::MainWindow", "Catalog"), u"目錄"_s);
        QVERIFY(app::installLanguage(qApp, u"en"_s));
        QCOMPARE(QCoreApplication::translate("suanli::app::OfferTableModel", "%n core(s)", nullptr, 1),
                 u"1 core"_s);
    }

    void cleanupTestCase() { QFile::remove(QSettings().fileName()); }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestUiCatalog)
#include "tst_ui_catalog.moc"
