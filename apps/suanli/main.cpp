// suanli: the desktop app (docs/app.md). A thin main: options, language, then the Launcher,
// which asks the first-run question and brings up the window over the app context.

#include "app/language.h"
#include "app/settings.h"
#include "protocol/version.h"
#include "ui/launcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"Suanli"_s);
    QApplication::setApplicationName(u"suanli"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(suanli::protocol::kVersion));
    QApplication::setDesktopFileName(u"org.suanli.Suanli"_s); // docs/packaging.md

    const QString language = suanli::app::resolveLanguage(suanli::app::Settings().language());
    suanli::app::installLanguage(&app, language);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Suanli: rent and lend GPUs."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {u"local"_s, QApplication::translate(
                         "main", "Run a market and a host agent in this app (local mode).")},
        {u"market"_s, QApplication::translate("main", "Connect to the market at URL."), u"url"_s},
        {u"tray"_s, QApplication::translate("main", "Start in the tray (contributor mode); the "
                                                    "window shows when no system tray exists.")},
        {u"background"_s, QApplication::translate("main", "Same as --tray.")},
    });
    parser.process(app);

    suanli::ui::StartOptions options;
    options.local = parser.isSet(u"local"_s);
    if (parser.isSet(u"market"_s))
        options.market = QUrl::fromUserInput(parser.value(u"market"_s));
    // The Launcher keeps the window hidden only when a tray can hold the app.
    options.background = parser.isSet(u"background"_s) || parser.isSet(u"tray"_s);

    suanli::ui::Launcher launcher(options);
    // For bench/catalog: how long from process start to the catalog's first paint.
    if (qEnvironmentVariableIsSet("SUANLI_TRACE_STARTUP")) {
        QObject::connect(&launcher, &suanli::ui::Launcher::catalogPainted, &app, [&sinceStart] {
            std::fprintf(stderr, "suanli: catalog first painted %lld ms after start\n",
                         static_cast<long long>(sinceStart.elapsed()));
            std::fflush(stderr);
        });
    }
    launcher.start();
    return app.exec();
}
