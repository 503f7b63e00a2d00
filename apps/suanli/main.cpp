// suanli: the desktop app (docs/app.md). A thin main: options, language, then the Launcher,
// which asks the first-run question and brings up the window over the app context.

#include "app/language.h"
#include "app/settings.h"
#include "app/singleinstance.h"
#include "protocol/version.h"
#include "ui/launcher.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>

#include <cstdio>
#include <memory>

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
    suanli::ui::addStartOptions(parser);
    parser.process(app); // --help and --version exit here, before the single-instance guard

    // One suanli per user and desktop (docs/decisions.md, "Single instance"): a second
    // launch hands its arguments to the first, which brings up its window.
    suanli::app::SingleInstance instance(suanli::app::SingleInstance::defaultSocketPath());
    QObject::connect(&instance, &suanli::app::SingleInstance::forwarded, &app,
                     [] { QCoreApplication::exit(0); });
    QObject::connect(&instance, &suanli::app::SingleInstance::failed, &app,
                     [](const suanli::Error &error) {
                         std::fprintf(stderr, "suanli: %s\n", qPrintable(error.message));
                         QCoreApplication::exit(1);
                     });
    std::unique_ptr<suanli::ui::Launcher> launcher;
    QObject::connect(&instance, &suanli::app::SingleInstance::primary, &app, [&] {
        launcher = std::make_unique<suanli::ui::Launcher>(suanli::ui::startOptions(parser));
        // For bench/catalog: how long from process start to the catalog's first paint.
        if (qEnvironmentVariableIsSet("SUANLI_TRACE_STARTUP")) {
            QObject::connect(
                launcher.get(), &suanli::ui::Launcher::catalogPainted, &app, [&sinceStart] {
                    std::fprintf(stderr, "suanli: catalog first painted %lld ms after start\n",
                                 static_cast<long long>(sinceStart.elapsed()));
                    std::fflush(stderr);
                });
        }
        QObject::connect(&instance, &suanli::app::SingleInstance::activationRequested,
                         launcher.get(), [&launcher](const QStringList &arguments) {
                             QCommandLineParser requested;
                             suanli::ui::addStartOptions(requested);
                             requested.parse(QStringList{QCoreApplication::applicationFilePath()} +
                                             arguments);
                             std::fprintf(stderr, "suanli: a second launch asked for the window\n");
                             launcher->activate(suanli::ui::startOptions(requested));
                         });
        launcher->start();
    });
    instance.start(QCoreApplication::arguments().mid(1));
    const int status = app.exec();
    launcher.reset(); // before the application object, as when it lived on the stack
    return status;
}
