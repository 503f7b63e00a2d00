// market-bench: load tool for suanli-market (results: docs/benchmarks.md). Driven by
// bench/market/run, which starts the market on SQLite and PostgreSQL and creates the accounts.
//
//   market-bench run --url http://127.0.0.1:PORT --lender-token sk_… --renter-token sk_…
//                    --market-pid PID --label SQLite --out sqlite.json [--hosts 10000 …]
//   market-bench report sqlite.json postgresql.json

#include "benchmark.h"
#include "report.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QUrl>

#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace suanli::bench;

namespace {

volatile std::sig_atomic_t g_terminate = 0;

void onTerminate(int)
{
    g_terminate = 1; // only this in a signal handler; the event loop looks at it
}

int fail(const QString &message)
{
    std::fprintf(stderr, "market-bench: %s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"market-bench"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Load benchmark for suanli-market.\n\n"
        "  run --url URL --lender-token T --renter-token T --market-pid PID [options]\n"
        "  report RESULT.json …"_s);
    parser.addHelpOption();
    const Benchmark::Options d;
    auto number = [](int value) {
        return QString::number(value);
    };
    parser.addOptions({
        {u"url"_s, u"the market, http://127.0.0.1:PORT (loopback only)"_s, u"url"_s},
        {u"lender-token"_s, u"sk_ token of an account with the lender role"_s, u"token"_s},
        {u"renter-token"_s, u"sk_ token of a renter account with a balance"_s, u"token"_s},
        {u"market-pid"_s, u"process id of the market, for its CPU use"_s, u"pid"_s},
        {u"database-pid"_s, u"PostgreSQL's postmaster, for the database's CPU use"_s, u"pid"_s},
        {u"label"_s, u"name of this run in the report"_s, u"text"_s, u"market"_s},
        {u"out"_s, u"write the results here as JSON"_s, u"file"_s},
        {u"hosts"_s, u"hosts to register, each with its agent"_s, u"n"_s, number(d.hosts)},
        {u"register-lanes"_s, u"registrations in flight"_s, u"n"_s, number(d.registerLanes)},
        {u"connections"_s, u"search connections"_s, u"n"_s, number(d.connections)},
        {u"warmup-seconds"_s, u"search warm-up"_s, u"s"_s, number(d.warmupSeconds)},
        {u"search-seconds"_s, u"measured search time"_s, u"s"_s, number(d.searchSeconds)},
        {u"instances"_s, u"instances sending telemetry"_s, u"n"_s, number(d.instances)},
        {u"idle-seconds"_s, u"idle CPU baseline"_s, u"s"_s, number(d.idleSeconds)},
        {u"telemetry-seconds"_s, u"each telemetry window"_s, u"s"_s, number(d.telemetrySeconds)},
        {u"heartbeat-seconds"_s, u"usage heartbeat period"_s, u"s"_s, number(d.heartbeatSeconds)},
        {u"agent-threads"_s, u"threads the agents are spread over"_s, u"n"_s,
         number(d.agentThreads)},
        {u"hook"_s, u"run `PROGRAM EVENT MARKET_PID` around measured windows (profiling)"_s,
         u"program"_s},
        {u"phase-timeout"_s, u"limit for registration and creation"_s, u"s"_s,
         number(d.phaseTimeoutSeconds)},
    });
    parser.addPositionalArgument(u"command"_s, u"run or report"_s);
    parser.process(app);
    const QStringList args = parser.positionalArguments();
    if (args.value(0) == "report"_L1)
        return printReport(args.mid(1));
    if (args.value(0) != "run"_L1)
        return fail(u"give a command: run or report (see --help)"_s);

    Benchmark::Options o;
    const QUrl url(parser.value(u"url"_s));
    const QString host = url.host();
    // Traffic goes to this machine only: the benchmark opens thousands of connections.
    if (url.scheme() != "http"_L1 || url.port() <= 0 ||
        (host != "127.0.0.1"_L1 && host != "localhost"_L1))
        return fail(u"--url must be http://127.0.0.1:PORT"_s);
    o.host = u"127.0.0.1"_s;
    o.port = quint16(url.port());
    o.lenderToken = parser.value(u"lender-token"_s).toLatin1();
    o.renterToken = parser.value(u"renter-token"_s).toLatin1();
    o.marketPid = parser.value(u"market-pid"_s).toLongLong();
    o.databasePid = parser.value(u"database-pid"_s).toLongLong();
    if (o.lenderToken.isEmpty() || o.renterToken.isEmpty() || o.marketPid <= 0)
        return fail(u"--lender-token, --renter-token and --market-pid are required"_s);
    o.label = parser.value(u"label"_s);
    o.outPath = parser.value(u"out"_s);
    o.hook = parser.value(u"hook"_s);
    struct IntOption
    {
        QString name;
        int *target;
        int min;
        int max;
    };
    const IntOption ints[] = {
        {u"hosts"_s, &o.hosts, 1, 50'000},
        {u"register-lanes"_s, &o.registerLanes, 1, 512},
        {u"connections"_s, &o.connections, 1, 1024},
        {u"warmup-seconds"_s, &o.warmupSeconds, 0, 600},
        {u"search-seconds"_s, &o.searchSeconds, 1, 600},
        {u"instances"_s, &o.instances, 1, 50'000},
        {u"idle-seconds"_s, &o.idleSeconds, 1, 600},
        {u"telemetry-seconds"_s, &o.telemetrySeconds, 1, 600},
        {u"heartbeat-seconds"_s, &o.heartbeatSeconds, 1, 600},
        {u"agent-threads"_s, &o.agentThreads, 1, 64},
        {u"phase-timeout"_s, &o.phaseTimeoutSeconds, 10, 3600},
    };
    for (const IntOption &option : ints) {
        bool ok = false;
        const int value = parser.value(option.name).toInt(&ok);
        if (!ok || value < option.min || value > option.max)
            return fail(u"--%1 takes %2 to %3"_s.arg(option.name).arg(option.min).arg(option.max));
        *option.target = value;
    }

    Benchmark benchmark(o);
    QObject::connect(&benchmark, &Benchmark::finished, &app,
                     [](int code) { QCoreApplication::exit(code); });
    // SIGTERM/SIGINT (the run script's timeout, Ctrl-C) end the run with the figures so far.
    std::signal(SIGTERM, onTerminate);
    std::signal(SIGINT, onTerminate);
    QTimer terminateCheck;
    QObject::connect(&terminateCheck, &QTimer::timeout, &benchmark, [&benchmark] {
        if (g_terminate)
            benchmark.abort(u"terminated by a signal"_s);
    });
    terminateCheck.start(200);
    benchmark.start();
    return app.exec();
}
