// catalog-bench (docs/benchmarks.md, "Desktop app (bench/catalog)").
//
//   catalog-bench [--offers 100000] [--runs 5] [--suanli build/apps/suanli/suanli --starts 3]
//
// Times, on the app's own OfferTableModel and OfferFilterProxy: loading N offers into the model
// (the proxy attached and sorting, as in the app), filtering with a query of the catalog language (docs/architecture.md), and
// sorting by price; then the process's peak RSS. With --suanli, starts `suanli --local` with a
// fresh data folder each time and reads how long it took to the catalog's first paint
// (SUANLI_TRACE_STARTUP), and the wall time seen from here.

#include "machines.h"

#include "app/offerfilterproxy.h"
#include "app/offertablemodel.h"
#include "protocol/json.h"
#include "server/gpucatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace suanli;

namespace {

std::vector<protocol::Offer> makeOffers(int count)
{
    QRandomGenerator rng(20250101);
    std::vector<protocol::Offer> offers;
    offers.reserve(size_t(count));
    for (int i = 0; i < count; ++i) {
        const bench::Machine m = bench::makeMachine(i, rng);
        const auto &spec = m.hello.spec;
        protocol::Offer o;
        o.id = i + 1;
        o.host_id = o.id;
        o.host_name = m.name;
        o.gpus_total = int(spec.gpus.size());
        o.gpus_free = o.gpus_total - int(rng.bounded(o.gpus_total + 1)) / 2;
        if (!spec.gpus.isEmpty()) {
            o.gpu_model = spec.gpus.first().model;
            o.gpu_memory_mb = spec.gpus.first().memory_mb;
            if (auto per = server::perfTflopsPerGpu(o.gpu_model))
                o.perf_tflops = *per * o.gpus_total;
        }
        o.cpu_cores = spec.cpu_cores;
        o.ram_mb = spec.ram_mb;
        o.disk_free_gb = spec.disk_free_gb;
        o.price_gpu_hour_micro = m.listing.price_gpu_hour_micro;
        o.price_storage_gb_month_micro = m.listing.price_storage_gb_month_micro;
        o.inet_down_mbps = spec.inet_down_mbps;
        o.inet_up_mbps = spec.inet_up_mbps;
        o.reliability = 0.9 + 0.1 * rng.generateDouble();
        o.region = spec.region;
        o.verified = rng.bounded(3) == 0;
        o.interruptible = m.listing.interruptible;
        o.min_duration_s = m.listing.min_duration_s;
        o.cuda_version = spec.cuda_version;
        o.driver_version = spec.driver_version;
        offers.push_back(std::move(o));
    }
    return offers;
}

qint64 statusKb(const char *field)
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

double ms(qint64 ns)
{
    return double(ns) / 1e6;
}

struct Stat
{
    double median = 0, max = 0;
};

Stat stat(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v.back()};
}

void row(const char *what, const Stat &s, double limit)
{
    std::printf("  %-44s median %8.1f ms   max %8.1f ms   %s (≤ %.0f ms)\n", what, s.median, s.max,
                s.max <= limit ? "ok" : "OVER", limit);
}

int coldStarts(const QString &suanli, int starts)
{
    std::printf("\nCold start of `suanli --local` to the catalog's first paint (%d starts, each with "
                "a new data folder):\n", starts);
    int failures = 0;
    for (int i = 0; i < starts; ++i) {
        QTemporaryDir home;
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, home.path());
        env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
        env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
        env.insert(u"SUANLI_TRACE_STARTUP"_s, u"1"_s);
        // A runtime folder of its own: a suanli the user runs on this display would otherwise
        // take the launch over (docs/decisions.md, "Single instance").
        QDir(home.path()).mkdir(u"run"_s);
        QFile::setPermissions(home.filePath(u"run"_s), QFileDevice::ReadOwner |
                                                           QFileDevice::WriteOwner |
                                                           QFileDevice::ExeOwner);
        env.insert(u"XDG_RUNTIME_DIR"_s, home.filePath(u"run"_s));
        env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
        if (!env.contains(u"DISPLAY"_s))
            env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        process.setProcessEnvironment(env);
        QElapsedTimer wall;
        wall.start();
        process.setReadChannel(QProcess::StandardError);
        process.start(suanli, {u"--local"_s});
        QByteArray err;
        qint64 seen = -1;
        static const QRegularExpression re(u"first painted (\\d+) ms"_s);
        while (wall.elapsed() < 20000 && seen < 0) {
            process.waitForReadyRead(100); // a benchmark driver may block
            err += process.readAllStandardError();
            const auto m = re.match(QString::fromLocal8Bit(err));
            if (m.hasMatch())
                seen = m.captured(1).toLongLong();
        }
        const qint64 wallMs = wall.elapsed();
        process.kill();
        process.waitForFinished(5000);
        if (seen < 0) {
            std::printf("  start %d: no first paint within 20 s\n%s\n", i + 1, err.constData());
            ++failures;
            continue;
        }
        std::printf("  start %d: first paint %lld ms after main(), %lld ms after exec   %s (≤ 1500 ms)\n",
                    i + 1, static_cast<long long>(seen), static_cast<long long>(wallMs),
                    wallMs <= 1500 ? "ok" : "OVER");
    }
    return failures;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Catalog benchmark of the Suanli app."_s);
    parser.addHelpOption();
    parser.addOptions({{u"offers"_s, u"offers in the catalog"_s, u"n"_s, u"100000"_s},
                       {u"runs"_s, u"runs of each measurement"_s, u"n"_s, u"5"_s},
                       {u"suanli"_s, u"path of the suanli executable for cold starts"_s, u"path"_s},
                       {u"starts"_s, u"cold starts"_s, u"n"_s, u"3"_s}});
    parser.process(app);
    const int count = parser.value(u"offers"_s).toInt();
    const int runs = qMax(1, parser.value(u"runs"_s).toInt());

    const std::vector<protocol::Offer> offers = makeOffers(count);
    // What the app receives: the same offers as JSON, decoded with the protocol codecs.
    QElapsedTimer t;
    std::vector<double> decode, load, filter, sortPrice, sortBack;
    const QString query = u"gpu in [RTX_4090,A100_80GB] gpus>=2 price<8 reliability>0.95"_s;
    int matched = 0;
    {
        QList<QJsonObject> json;
        for (size_t i = 0; i < 1000 && i < offers.size(); ++i)
            json.append(protocol::toJson(offers[i]));
        t.start();
        for (int r = 0; r < 100; ++r)
            for (const auto &o : json)
                (void)protocol::offerFromJson(o);
        decode.push_back(ms(t.nsecsElapsed()) / 100.0 * (double(count) / double(json.size())));
    }
    app::OfferTableModel model;
    app::OfferFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(app::OfferTableModel::TflopsPerPrice, Qt::DescendingOrder); // the app's default
    for (int r = 0; r < runs; ++r) {
        std::vector<protocol::Offer> copy = offers;
        (void)proxy.setQueryText(QString());
        proxy.sort(app::OfferTableModel::TflopsPerPrice, Qt::DescendingOrder);
        model.setOffers({});
        t.start();
        model.setOffers(std::move(copy));
        (void)proxy.rowCount(); // and the proxy's first mapping, as the view asks for it
        load.push_back(ms(t.nsecsElapsed()));

        t.start();
        (void)proxy.setQueryText(query);
        matched = proxy.rowCount(); // the proxy maps lazily: this is where rows are tested
        filter.push_back(ms(t.nsecsElapsed()));
        (void)proxy.setQueryText(QString());

        (void)proxy.rowCount();

        t.start();
        proxy.sort(app::OfferTableModel::Price, Qt::AscendingOrder);
        (void)proxy.index(0, 0);
        sortPrice.push_back(ms(t.nsecsElapsed()));
        t.start();
        proxy.sort(app::OfferTableModel::Price, Qt::DescendingOrder);
        (void)proxy.index(0, 0);
        sortBack.push_back(ms(t.nsecsElapsed()));
    }
    std::printf("Catalog with %d offers (%d runs; the proxy attached and sorting, as in the app):\n",
                count, runs);
    std::printf("  %-44s %8.1f ms   (informational)\n", "decode from JSON (protocol codecs)", decode.front());
    row("load into the model", stat(load), 50);
    row("filter with a query (all offers tested)", stat(filter), 50);
    std::printf("    query: %s → %d offers\n", qPrintable(query), matched);
    row("sort by price, ascending", stat(sortPrice), 50);
    row("sort by price, descending", stat(sortBack), 50);
    const qint64 rssKb = statusKb("VmHWM:");
    std::printf("  %-44s %8.1f MB   %s (≤ 200 MB)\n", "peak RSS of this process", rssKb / 1024.0,
                rssKb / 1024.0 <= 200 ? "ok" : "OVER");

    int failures = 0;
    if (parser.isSet(u"suanli"_s))
        failures = coldStarts(parser.value(u"suanli"_s), qMax(1, parser.value(u"starts"_s).toInt()));
    return failures ? 1 : 0;
}
