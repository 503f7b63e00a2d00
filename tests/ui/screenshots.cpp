// suanli-screenshots: draws every view of the app against a running market and saves PNGs
// (scripts/screenshots runs it under Xvfb against a market filled by market-bench's simulated
// agents). Not a test and not part of the product: it drives the real widgets like a user.
//
//   suanli-screenshots --market URL --token sk_… --language en|zh_Hans --out DIR [--only a,b]

#include "app/appcontext.h"
#include "app/language.h"
#include "ui/accountdialog.h"
#include "ui/billingview.h"
#include "ui/catalogfilterbar.h"
#include "ui/catalogview.h"
#include "ui/charts/instancedashboard.h"
#include "ui/charts/instancehistoryview.h"
#include "ui/firstrundialog.h"
#include "ui/instancesview.h"
#include "ui/launchdialog.h"
#include "ui/logdialog.h"
#include "ui/mainwindow.h"
#include "ui/settingsdialog.h"
#include "ui/topupdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace suanli;

namespace {

QString g_out;
QString g_lang;
QStringList g_only; ///< empty: every picture

void save(QWidget *widget, const QString &name)
{
    if (!g_only.isEmpty() && !g_only.contains(name))
        return;
    const QString path = QDir(g_out).filePath(u"%1-%2.png"_s.arg(name, g_lang));
    widget->grab().save(path);
    std::printf("%s\n", qPrintable(path));
    std::fflush(stdout);
}

/// Runs the steps one after another from the event loop, `gap` ms apart.
void runSteps(std::vector<std::function<void()>> steps, int gap)
{
    auto shared = std::make_shared<std::vector<std::function<void()>>>(std::move(steps));
    auto index = std::make_shared<size_t>(0);
    auto *timer = new QTimer(qApp);
    timer->setInterval(gap);
    QObject::connect(timer, &QTimer::timeout, qApp, [shared, index, timer] {
        if (*index >= shared->size()) {
            timer->stop();
            QCoreApplication::quit();
            return;
        }
        (*shared)[(*index)++]();
    });
    timer->start();
}

} // namespace

int main(int argc, char *argv[])
{
    // Running instances get ~/.ssh/config entries (AccessController): never the real ones.
    QTemporaryDir home;
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", (home.path() + u"/config"_s).toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"SuanliScreenshots"_s);
    QCommandLineParser parser;
    parser.addOptions(
        {{u"market"_s, u"market URL"_s, u"url"_s},
         {u"token"_s, u"renter token"_s, u"token"_s},
         {u"language"_s, u"en, zh_Hans or zh_Hant"_s, u"lang"_s, u"en"_s},
         {u"out"_s, u"output folder"_s, u"dir"_s, u"docs/screenshots"_s},
         {u"only"_s, u"comma-separated names of the pictures to save"_s, u"names"_s}});
    parser.process(app);
    g_out = parser.value(u"out"_s);
    g_lang = parser.value(u"language"_s);
    if (parser.isSet(u"only"_s))
        g_only = parser.value(u"only"_s).split(u',', Qt::SkipEmptyParts);
    QDir().mkpath(g_out);
    app::installLanguage(&app, g_lang);

    QTemporaryDir dir;
    app::AppContext::Options contextOptions;
    contextOptions.settingsIni = dir.filePath(u"settings.ini"_s);
    contextOptions.secrets = std::make_unique<app::MemorySecretStore>();
    app::AppContext context(std::move(contextOptions));
    app::Settings &settings = *context.settings();
    settings.setLanguage(g_lang);
    settings.setMode(app::Settings::Mode::Remote);
    settings.setMarketUrl(QUrl(parser.value(u"market"_s)));
    app::SecretStore &secrets = *context.secrets();
    app::Session &session = *context.session();
    ui::MainWindow window(&context);
    window.resize(1400, 840);
    window.show();
    context.connectTo(QUrl(parser.value(u"market"_s)), parser.value(u"token"_s).toLatin1(), false);

    ui::CatalogView *catalog = window.catalogView();
    std::vector<std::function<void()>> steps;
    steps.push_back([] {}); // loading
    steps.push_back([&] {
        if (session.catalog()->state() != app::CatalogController::State::Ready)
            std::fprintf(stderr, "screenshots: catalog not ready\n");
        catalog->table()->selectRow(2);
    });
    steps.push_back([&] { save(&window, u"catalog"_s); });
    steps.push_back([&] {
        catalog->filterBar()->setQueryText(u"gpu in [RTX_4090,A100_80GB] gpus>=2 reliability>0.9 price<=8"_s);
    });
    steps.push_back([&] { catalog->table()->selectRow(0); });
    steps.push_back([&] { save(&window, u"catalog-query"_s); });
    steps.push_back([&] { catalog->filterBar()->setQueryText(u"gpus>=2 vram_gb>=24 pric<2"_s); });
    steps.push_back([&] { save(&window, u"catalog-query-error"_s); });
    steps.push_back([&] {
        catalog->filterBar()->setQueryText(u"gpu=RTX_4090 gpus>=1"_s);
        catalog->table()->selectRow(0);
    });
    steps.push_back([&] {
        // The first offer with prepaid plans (scripts/screenshots gives them to non-interruptible
        // hosts), so the picture shows the plan choice.
        auto *proxy = session.catalog()->proxy();
        int row = 0;
        for (int r = 0; r < proxy->rowCount(); ++r) {
            if (proxy->offerAt(r).price_gpu_week_micro) {
                row = r;
                break;
            }
        }
        catalog->table()->selectRow(row);
        const auto o = proxy->offerAt(row);
        window.openLaunchDialog(o, qMin(2, o.gpus_free), 100);
    });
    steps.push_back([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *launch = qobject_cast<ui::LaunchDialog *>(w); launch && launch->isVisible())
                launch->choosePlan(u"week"_s, true);
        }
    });
    steps.push_back([] {});
    steps.push_back([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == "launchDialog"_L1 && w->isVisible()) {
                save(w, u"launch"_s);
                w->close();
            }
        }
    });
    steps.push_back([&] { window.showView(ui::MainWindow::View::Instances); });
    // Stop one instance through the UI; the simulated agent stops it for real.
    steps.push_back([&] { window.instancesView()->table()->selectRow(1); });
    steps.push_back([&] { window.instancesView()->stopButton()->click(); });
    steps.push_back([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(w);
            if (box && box->objectName() == "confirmStop"_L1 && box->isVisible()) {
                save(box, u"confirm-stop"_s);
                for (QAbstractButton *b : box->buttons()) {
                    if (box->buttonRole(b) == QMessageBox::AcceptRole)
                        b->click();
                }
            }
        }
    });
    steps.push_back([] {});
    steps.push_back([] {});
    // The stopped one, with its release countdown.
    steps.push_back([&] {
        auto *model = session.instances()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->instance(row).state == protocol::InstanceState::Stopped)
                window.instancesView()->table()->selectRow(row);
        }
    });
    steps.push_back([&] { save(&window, u"instances"_s); });
    // A running one: its ways in (terminal, VS Code, SSH command, Jupyter) and the Ports panel.
    steps.push_back([&] {
        auto *model = session.instances()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->instance(row).state == protocol::InstanceState::Running) {
                window.instancesView()->table()->selectRow(row);
                break;
            }
        }
    });
    // (No forward is added: the simulated hosts have documentation addresses that never
    // answer, so a tunnel could only show that it fails.)
    steps.push_back([] {});
    steps.push_back([&] { save(&window, u"instances-running"_s); });
    // Its dashboard: the simulated agents' 1 Hz telemetry (the real-instance picture is
    // docs/screenshots/dashboard.png, from scripts/screenshot-dashboard).
    steps.push_back([&] {
        auto *view = window.instancesView();
        view->detailTabs()->setCurrentWidget(view->dashboard());
    });
    steps.push_back([] {});
    steps.push_back([] {});
    steps.push_back([&] { save(&window, u"instances-dashboard"_s); });
    steps.push_back([&] {
        auto *view = window.instancesView();
        view->detailTabs()->setCurrentWidget(view->history());
    });
    steps.push_back([] {});
    steps.push_back([&] { save(&window, u"instances-history"_s); });
    steps.push_back([&] { window.instancesView()->detailTabs()->setCurrentIndex(0); });
    steps.push_back([&] {
        window.instancesView()->table()->selectRow(0);
        window.instancesView()->destroyButton()->click();
    });
    steps.push_back([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == "confirmDestroy"_L1 && w->isVisible()) {
                save(w, u"confirm-destroy"_s);
                w->close();
            }
        }
    });
    steps.push_back([&] { window.showView(ui::MainWindow::View::Billing); });
    steps.push_back([&] { save(&window, u"billing"_s); });
    // ---- money in (issue 18): "Top up…", an order asked for through the dialog ----
    steps.push_back([&] { window.billingView()->topUpButton()->click(); });
    steps.push_back([&] {
        if (auto *dialog = qobject_cast<ui::TopUpDialog *>(window.billingView()->topUpDialog())) {
            dialog->amountEdit()->setText(u"100"_s);
            dialog->createButton()->click();
        }
    });
    steps.push_back([&] {
        if (QWidget *dialog = window.billingView()->topUpDialog()) {
            save(dialog, u"topup"_s);
            dialog->close();
        }
    });
    // ---- end money ----
    steps.push_back([&] {
        auto *dialog = new ui::SettingsDialog(&settings, &secrets, &window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    steps.push_back([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == "settingsDialog"_L1 && w->isVisible()) {
                save(w, u"settings"_s);
                w->close();
            }
        }
        auto *first = new ui::FirstRunDialog(context.network());
        first->setAttribute(Qt::WA_DeleteOnClose);
        first->show();
    });
    steps.push_back([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == "firstRunDialog"_L1 && w->isVisible()) {
                save(w, u"first-run"_s);
                w->close();
            }
        }
        // "Create an account" on the market's page (scripts/screenshots runs it with invite
        // sign-up, so the invite code field shows).
        auto *first = new ui::FirstRunDialog(context.network());
        first->setAttribute(Qt::WA_DeleteOnClose);
        first->show();
        first->remoteButton()->click();
        first->urlEdit()->setText(parser.value(u"market"_s));
        emit first->urlEdit()->editingFinished();
        first->tabs()->setCurrentIndex(ui::FirstRunDialog::SignUpTab);
        first->signUpNameEdit()->setText(u"ann"_s);
        first->signUpPasswordEdit()->setText(u"correct horse"_s);
        first->signUpRepeatEdit()->setText(u"correct horse"_s);
        first->lenderBox()->setChecked(true);
        first->inviteEdit()->setText(u"inv_7QW2-KD4M"_s);
    });
    steps.push_back([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == "firstRunDialog"_L1 && w->isVisible()) {
                save(w, u"sign-up"_s);
                w->close();
            }
        }
        // Two more keys, so the list shows what a user has after a while.
        session.client()->createToken({u"training script"_s, 30 * 86400}, &window,
                                      [](Result<protocol::IssuedToken>) {});
        session.client()->createToken({u"lab workstation"_s, std::nullopt}, &window,
                                      [](Result<protocol::IssuedToken>) {});
    });
    steps.push_back([&] {
        auto *account = new ui::AccountDialog(&context, &window);
        account->setAttribute(Qt::WA_DeleteOnClose);
        account->show();
    });
    steps.push_back([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == "accountDialog"_L1 && w->isVisible()) {
                save(w, u"account-keys"_s);
                static_cast<ui::AccountDialog *>(w)->newKeyButton()->click();
            }
        }
    });
    steps.push_back([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == "newKeyDialog"_L1 && w->isVisible()) {
                w->findChild<QLineEdit *>(u"newKeyLabel"_s)->setText(u"notebook"_s);
                w->findChild<QPushButton *>(u"createKeyButton"_s)->click();
            }
        }
    });
    steps.push_back([&] {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (w->objectName() == "newKeyDialog"_L1 && w->isVisible()) {
                save(w, u"account-new-key"_s);
                w->close();
            }
        }
    });
    runSteps(std::move(steps), 1500);
    return app.exec();
}
