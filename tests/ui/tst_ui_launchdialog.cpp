// The launch dialog's plan choice (docs/market.md, "Prepaid plans"): each offered plan with its
// price and what it saves against the hourly price, the renewal box, the request it produces.
// Offscreen, against a real market on loopback (the dialog loads its images from it).

#include "uitestsupport.h"

#include "support/marketharness.h"
#include "ui/launchdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::testing;

namespace {

/// ¥1.00 per GPU-hour; a day ¥20 (24 h by the hour: ¥24, saves 16.7 %), a week ¥100 (¥168,
/// saves 40.5 %), no month plan.
protocol::Offer planOffer()
{
    protocol::Offer o;
    o.id = 1;
    o.host_id = 1;
    o.host_name = u"rig-1"_s;
    o.gpu_model = u"RTX 4090"_s;
    o.gpus_total = 4;
    o.gpus_free = 4;
    o.disk_free_gb = 500;
    o.price_gpu_hour_micro = 1'000'000;
    o.price_storage_gb_month_micro = 300'000;
    o.price_gpu_day_micro = 20'000'000;
    o.price_gpu_week_micro = 100'000'000;
    return o;
}

} // namespace

class TestUiLaunchDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        isolateApp(m_dir.path());
        m_market = std::make_unique<MarketHarness>();
        QVERIFY2(m_market->ok(), qPrintable(m_market->error()));
        m_client = std::make_unique<client::MarketClient>(&m_network);
        m_client->setMarket(QUrl(m_market->baseUrl()), {});
    }

    void planChoicesAndTheirSavings()
    {
        const auto choices = ui::LaunchDialog::planChoices(planOffer(), 2);
        QCOMPARE(choices.size(), 2);
        QCOMPARE(choices[0].plan, u"day"_s);
        QCOMPARE(choices[0].price, 40'000'000);
        QCOMPARE(choices[0].byTheHour, 48'000'000);
        QCOMPARE(choices[0].savingPercent, 16); // 16.7 %, rounded down
        QCOMPARE(choices[1].plan, u"week"_s);
        QCOMPARE(choices[1].price, 200'000'000);
        QCOMPARE(choices[1].savingPercent, 40);
        const QLocale c(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(ui::LaunchDialog::planText(choices[1], u"CNY"_s, c),
                 u"7 days: CN¥200.00 (save 40% vs hourly)"_s);
        // A plan priced at exactly the hourly equivalent saves nothing, and says nothing of it.
        protocol::Offer same = planOffer();
        same.price_gpu_month_micro = 720'000'000;
        const auto month = ui::LaunchDialog::planChoices(same, 1).last();
        QCOMPARE(month.savingPercent, 0);
        QCOMPARE(ui::LaunchDialog::planText(month, u"CNY"_s, c), u"30 days: CN¥720.00"_s);
    }

    void dialogOffersThePlansAndRequestsTheChosenOne()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        ui::LaunchDialog dialog(m_client.get(), planOffer(), u"CNY"_s);
        auto *plan = dialog.findChild<QComboBox *>(u"planBox"_s);
        auto *renew = dialog.findChild<QCheckBox *>(u"renewBox"_s);
        QVERIFY(plan && renew);
        QCOMPARE(plan->count(), 3); // by the hour, a day, a week; no month plan offered
        QCOMPARE(plan->itemData(0).toString(), u"hourly"_s);
        QCOMPARE(plan->itemText(2), u"7 days: CN¥100.00 (save 40% vs hourly)"_s);
        QVERIFY(!renew->isEnabled()); // nothing to renew by the hour
        QCOMPARE(dialog.request().plan, u"hourly"_s);
        QCOMPARE(dialog.request().renew, false);

        QVERIFY(dialog.choosePlan(u"week"_s, true));
        QVERIFY(renew->isEnabled() && renew->isChecked());
        auto *breakdown = dialog.findChild<QLabel *>(u"priceBreakdown"_s);
        QVERIFY2(breakdown->text().contains(u"CN¥100.00"_s), qPrintable(breakdown->text()));
        QVERIFY2(breakdown->text().contains(u"renews"_s), qPrintable(breakdown->text()));
        QCOMPARE(dialog.request().plan, u"week"_s);
        QCOMPARE(dialog.request().renew, true);
        // The prices follow the GPU count, the choice stays.
        dialog.setGpuCount(3);
        QCOMPARE(plan->currentData().toString(), u"week"_s);
        QCOMPARE(plan->itemText(2), u"7 days: CN¥300.00 (save 40% vs hourly)"_s);
        QVERIFY(!dialog.choosePlan(u"month"_s));
        // Back to hourly: no renewal asked.
        QVERIFY(dialog.choosePlan(u"hourly"_s, true));
        QCOMPARE(dialog.request().renew, false);
    }

    void noPlansNoPlanRow()
    {
        protocol::Offer hourly = planOffer();
        hourly.price_gpu_day_micro.reset();
        hourly.price_gpu_week_micro.reset();
        ui::LaunchDialog dialog(m_client.get(), hourly, u"CNY"_s);
        dialog.show();
        auto *plan = dialog.findChild<QComboBox *>(u"planBox"_s);
        QVERIFY(plan);
        QVERIFY(!plan->isVisible());
        QCOMPARE(dialog.request().plan, u"hourly"_s);
    }

    void jupyterBoxFollowsTheChosenImage()
    {
        // The first image listed has Jupyter: the box is enabled for it (it stayed greyed out
        // when the flag was read before it was set on the item); an image without Jupyter
        // turns it off and says why.
        const auto lender = m_market->createAccount(u"jlender"_s, {u"lender"_s});
        const auto renter = m_market->createAccount(u"jrenter"_s, {u"renter"_s});
        auto created = m_market->post(u"/api/v1/hosts"_s, lender.token, {{u"name"_s, u"rig-j"_s}});
        QCOMPARE(created.status, 201);
        const qint64 hostId = created.json[u"host"_s][u"id"_s].toInteger();
        QCOMPARE(m_market
                     ->request("PATCH", u"/api/v1/hosts/%1"_s.arg(hostId), lender.token,
                               R"({"listed": true, "price_gpu_hour_micro": 1000000})")
                     .status,
                 200);
        ScriptedAgent agent(m_market->baseUrl(), created.json[u"token"_s].toString().toLatin1());
        QVERIFY(agent.connectAndHello(
            1, u"RTX 3090"_s, 24576,
            QJsonArray{QJsonObject{{u"ref"_s, u"localhost/suanli/base:bookworm"_s},
                                   {u"title"_s, u"Debian bookworm"_s},
                                   {u"has_jupyter"_s, true}},
                       QJsonObject{{u"ref"_s, u"localhost/plain:1"_s},
                                   {u"title"_s, u"Plain"_s},
                                   {u"has_jupyter"_s, false}}}));
        client::MarketClient client(&m_network);
        client.setMarket(QUrl(m_market->baseUrl()), renter.token);
        ui::LaunchDialog dialog(&client, planOffer(), u"CNY"_s);
        dialog.show();
        auto *image = dialog.findChild<QComboBox *>(u"imageBox"_s);
        auto *jupyter = dialog.findChild<QCheckBox *>(u"jupyterBox"_s);
        auto *why = dialog.findChild<QLabel *>(u"jupyterWhy"_s);
        QVERIFY(image && jupyter && why);
        QTRY_COMPARE_WITH_TIMEOUT(image->count(), 2, 10000);
        QCOMPARE(image->currentIndex(), 0);
        QVERIFY(jupyter->isEnabled());
        QVERIFY(!why->isVisible());
        jupyter->setChecked(true);
        QVERIFY(dialog.request().jupyter);
        image->setCurrentIndex(image->findData(u"localhost/plain:1"_s));
        QVERIFY(!jupyter->isEnabled());
        QVERIFY(!jupyter->isChecked());
        QVERIFY(why->isVisible());
        QVERIFY(why->text().contains(u"no Jupyter"_s));
        QVERIFY(!dialog.request().jupyter);
        image->setCurrentIndex(0);
        QVERIFY(jupyter->isEnabled());
        QVERIFY(!why->isVisible());
    }

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<MarketHarness> m_market;
    std::unique_ptr<client::MarketClient> m_client;
};

QTEST_MAIN(TestUiLaunchDialog)
#include "tst_ui_launchdialog.moc"
