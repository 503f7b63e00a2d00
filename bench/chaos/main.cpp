// chaos-bench: the driving half of the chaos run (docs/benchmarks.md, "Chaos"); bench/chaos/run
// starts the markets, kills and restarts them, and checks the database afterwards.
#include "chaosrun.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Chaos run driver: simulated agents and a renter"_s);
    parser.addHelpOption();
    const QCommandLineOption seed(u"seed"_s, u"seed of every random choice"_s, u"N"_s, u"1"_s);
    const QCommandLineOption duration(u"duration"_s, u"seconds of faults"_s, u"S"_s, u"60"_s);
    const QCommandLineOption quiesce(u"quiesce"_s, u"seconds to wait for agreement"_s, u"S"_s,
                                     u"90"_s);
    const QCommandLineOption agents(u"agents"_s, u"simulated agents"_s, u"N"_s, u"20"_s);
    const QCommandLineOption instances(u"max-instances"_s, u"instances launched at most"_s, u"N"_s,
                                       u"40"_s);
    const QCommandLineOption ports(u"market-ports"_s, u"market ports, comma-separated"_s, u"P,P"_s);
    const QCommandLineOption lender(u"lender-token"_s, u"lender token"_s, u"T"_s);
    const QCommandLineOption renter(u"renter-token"_s, u"renter token"_s, u"T"_s);
    const QCommandLineOption states(u"states-out"_s, u"where the agents' view goes"_s, u"FILE"_s);
    const QCommandLineOption linger(
        u"linger-until"_s,
        u"after the states are written, keep the agents connected until FILE exists (the "
        "script stops the markets first, so none is declared lost before the checks)"_s,
        u"FILE"_s);
    parser.addOptions(
        {seed, duration, quiesce, agents, instances, ports, lender, renter, states, linger});
    parser.process(app);

    suanli::bench::ChaosRun::Options o;
    o.seed = parser.value(seed).toULongLong();
    o.durationS = parser.value(duration).toInt();
    o.quiesceS = parser.value(quiesce).toInt();
    o.agents = parser.value(agents).toInt();
    o.maxInstances = parser.value(instances).toInt();
    for (const QString &port : parser.value(ports).split(u',', Qt::SkipEmptyParts))
        o.marketPorts << quint16(port.toUInt());
    o.lenderToken = parser.value(lender).toLatin1();
    o.renterToken = parser.value(renter).toLatin1();
    o.statesOut = parser.value(states);
    if (o.marketPorts.isEmpty() || o.lenderToken.isEmpty() || o.renterToken.isEmpty() ||
        o.statesOut.isEmpty() || o.agents < 1) {
        std::fprintf(stderr, "chaos-bench: --market-ports, --lender-token, --renter-token and "
                             "--states-out are required\n");
        return 2;
    }
    std::printf("chaos-bench: seed %llu\n", static_cast<unsigned long long>(o.seed));
    suanli::bench::ChaosRun run(o);
    const QString lingerFile = parser.value(linger);
    QObject::connect(&run, &suanli::bench::ChaosRun::finished, &app, [lingerFile](int code) {
        std::fflush(stdout);
        if (lingerFile.isEmpty()) {
            QCoreApplication::exit(code);
            return;
        }
        auto *poll = new QTimer(QCoreApplication::instance());
        QObject::connect(poll, &QTimer::timeout, [lingerFile, code] {
            if (QFile::exists(lingerFile))
                QCoreApplication::exit(code);
        });
        poll->start(200);
    });
    QMetaObject::invokeMethod(&run, &suanli::bench::ChaosRun::start, Qt::QueuedConnection);
    return app.exec();
}
