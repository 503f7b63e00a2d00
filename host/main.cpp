// suanli-host: the headless host agent (docs/host.md). A thin shell around suanli_host.

#include "client/marketclient.h"
#include "host/containerruntime.h"
#include "host/hostengine.h"
#include "host/journal.h"
#include "host/selftest.h"
#include "protocol/version.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSaveFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTextStream>

#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;
using namespace suanli;
using namespace suanli::host;

namespace {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int fail(const QString &message)
{
    err() << "suanli-host: " << message << Qt::endl;
    return 1;
}

Result<HostConfig> loadConfig(const QString &path)
{
    return path.isEmpty() ? Result<HostConfig>(HostConfig::defaults()) : HostConfig::load(path);
}

/// [agent] ca_file: its certificates are trusted for every TLS connection of this process
/// (the market's REST API and the agent channel) together with the system's (docs/host.md).
Result<void> trustCaFile(const QString &path)
{
    if (path.isEmpty())
        return {};
    const auto certificates = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certificates.isEmpty())
        return makeError(u"invalid_config"_s,
                         u"[agent] ca_file %1 holds no PEM certificate"_s.arg(path));
    auto ssl = QSslConfiguration::defaultConfiguration();
    ssl.setCaCertificates(QSslConfiguration::systemCaCertificates() + certificates);
    QSslConfiguration::setDefaultConfiguration(ssl);
    return {};
}

QString describe(const Error &e)
{
    return u"%1 (%2)"_s.arg(e.message, e.code);
}

/// register: POST /api/v1/hosts, save the host token (0600), list the host with the
/// configured default prices. Through the app's market client (client/marketclient.h).
int registerHost(QCoreApplication &app, const QUrl &market, const QByteArray &token,
                 const QString &name, const QString &outPath, const HostConfig &config)
{
    QNetworkAccessManager network;
    client::MarketClient client(&network);
    client.setMarket(market, token);
    client.createHost(name, &app, [&](Result<client::CreatedHost> created) {
        if (!created) {
            app.exit(fail(u"cannot register: "_s + describe(created.error())));
            return;
        }
        const qint64 hostId = created->host.id;
        QSaveFile file(outPath);
        if (!file.open(QIODevice::WriteOnly) ||
            !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
            file.write(created->token + '\n') < 0 || !file.commit()) {
            app.exit(fail(u"cannot write %1: %2"_s.arg(outPath, file.errorString())));
            return;
        }
        protocol::HostListing listing;
        listing.listed = true;
        listing.price_gpu_hour_micro = config.priceGpuHourMicro;
        listing.price_storage_gb_month_micro = config.priceStorageGbMonthMicro;
        listing.interruptible = config.interruptible;
        listing.min_duration_s = config.minDurationS;
        // Prepaid plans and the no-GPU start: 0 in host.ini is "not offered" (null on the wire).
        for (auto [price, field] :
             {std::pair{config.priceGpuDayMicro, &listing.price_gpu_day_micro},
              std::pair{config.priceGpuWeekMicro, &listing.price_gpu_week_micro},
              std::pair{config.priceGpuMonthMicro, &listing.price_gpu_month_micro},
              std::pair{config.priceNoGpuHourMicro, &listing.price_nogpu_hour_micro}}) {
            if (price > 0)
                *field = price;
        }
        client.updateListing(
            hostId, listing, &app, [&app, hostId, outPath](Result<protocol::Host> listed) {
                if (!listed) {
                    app.exit(fail(
                        u"host %1 registered (token in %2) but not listed: %3"_s.arg(hostId).arg(
                            outPath, describe(listed.error()))));
                    return;
                }
                out() << hostId << Qt::endl;
                err() << "suanli-host: host " << hostId
                      << " registered and listed; token written to " << outPath << Qt::endl;
                app.exit(0);
            });
    });
    return app.exec();
}

int run(QCoreApplication &app, const QUrl &market, const QString &tokenFile,
        const HostConfig &config)
{
    QFile file(tokenFile);
    if (!file.open(QIODevice::ReadOnly))
        return fail(u"cannot read the token file %1: %2"_s.arg(tokenFile, file.errorString()));
    const QByteArray token = file.readAll().trimmed();
    if (!token.startsWith("sh_"))
        return fail(
            u"%1 holds no host token (sh_…); run `suanli-host register` first"_s.arg(tokenFile));
    HostEngine engine({market, token, config}, std::make_unique<NvmlGpuProbe>());
    QObject::connect(&engine, &HostEngine::message, &app, [](const QString &text) {
        err() << QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) << ' ' << text
              << Qt::endl;
    });
    QObject::connect(&engine, &HostEngine::failed, &app,
                     [&app](const Error &e) { app.exit(fail(e.message)); });
    engine.start();
    return app.exec();
}

int selfTest(QCoreApplication &app, const HostConfig &config)
{
    SelfTest test(config, std::make_unique<NvmlGpuProbe>());
    QObject::connect(&test, &SelfTest::check, &app,
                     [](SelfTest::Outcome o, const QString &name, const QString &detail) {
                         const char *tag = o == SelfTest::Outcome::Ok        ? "ok  "
                                           : o == SelfTest::Outcome::Warning ? "warn"
                                                                             : "FAIL";
                         out() << tag << "  " << name << ": " << detail << Qt::endl;
                     });
    QObject::connect(&test, &SelfTest::finished, &app, [&app](bool ok) { app.exit(ok ? 0 : 1); });
    test.start();
    return app.exec();
}

Result<QByteArray> readToken(const QString &tokenFile)
{
    QFile file(tokenFile);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(u"token_unreadable"_s,
                         u"cannot read the token file %1: %2"_s.arg(tokenFile, file.errorString()));
    const QByteArray token = file.readAll().trimmed();
    if (!token.startsWith("sh_"))
        return makeError(
            u"token_unreadable"_s,
            u"%1 holds no host token (sh_…); run `suanli-host register` first"_s.arg(tokenFile));
    return token;
}

QString describeRegistration(const JournalFile &f)
{
    return u"registration %1 (market %2, host %3, journal %4): %5 instance(s)"_s
        .arg(f.identity.isEmpty() ? u"(unclaimed)"_s : f.identity,
             f.market.isEmpty() ? u"unknown"_s : f.market)
        .arg(f.hostId)
        .arg(f.path)
        .arg(f.instances.size());
}

/// status: the journal of the registration the token file belongs to (without a token file:
/// journal.db), and the journals earlier registrations left in the state folder.
int status(const HostConfig &config, const QString &tokenFile, bool asJson)
{
    QString identity;
    if (!tokenFile.isEmpty() && QFile::exists(tokenFile)) {
        auto token = readToken(tokenFile);
        if (!token)
            return fail(token.error().message);
        identity = Journal::identityOf(*token);
    }
    const QString path = identity.isEmpty() ? QDir(config.stateDir).filePath(u"journal.db"_s)
                                            : Journal::pathFor(config.stateDir, identity);
    if (!QFile::exists(path))
        return fail(u"no journal at %1: the agent has not run with this configuration"_s.arg(path));
    auto journal = Journal::open(path);
    if (!journal)
        return fail(journal.error().message);
    QList<JournalFile> others = Journal::scan(config.stateDir);
    others.removeIf([&](const JournalFile &f) {
        return QFileInfo(f.path).absoluteFilePath() == QFileInfo(path).absoluteFilePath();
    });
    const QList<InstanceRecord> list = (*journal)->instances();
    if (asJson) {
        QJsonArray stale;
        for (const JournalFile &f : std::as_const(others)) {
            QJsonArray containers;
            for (const InstanceRecord &r : f.instances)
                containers.append(r.container);
            stale.append(QJsonObject{{u"identity"_s, f.identity},
                                     {u"agent_id"_s, f.agentId},
                                     {u"market"_s, f.market},
                                     {u"host_id"_s, f.hostId},
                                     {u"journal"_s, f.path},
                                     {u"containers"_s, containers}});
        }
        QJsonArray array;
        for (const InstanceRecord &r : list)
            array.append(QJsonObject{{u"id"_s, r.id},
                                     {u"state"_s, protocol::toString(r.state)},
                                     {u"reason"_s, r.reason},
                                     {u"seq"_s, r.seq},
                                     {u"container"_s, r.container},
                                     {u"port"_s, r.port},
                                     {u"image"_s, r.spec.image},
                                     {u"gpus"_s, QJsonArray::fromStringList(r.gpus)}});
        out() << QJsonDocument(QJsonObject{{u"agent_id"_s, (*journal)->agentId()},
                                           {u"identity"_s, (*journal)->identity()},
                                           {u"journal"_s, path},
                                           {u"unsent_reports"_s, (*journal)->outboxSize()},
                                           {u"instances"_s, array},
                                           {u"stale"_s, stale}})
                     .toJson(QJsonDocument::Indented);
        return 0;
    }
    out() << "agent " << (*journal)->agentId() << ", journal " << path << ", "
          << (*journal)->outboxSize() << " unsent report(s)" << Qt::endl;
    for (const JournalFile &f : std::as_const(others))
        out() << (identity.isEmpty() ? "other " : "stale ") << describeRegistration(f) << Qt::endl;
    for (const InstanceRecord &r : list) {
        out() << "instance " << r.id << "  " << protocol::toString(r.state) << "  port " << r.port
              << "  " << r.spec.image << "  " << r.container;
        if (!r.reason.isEmpty())
            out() << "  (" << r.reason << ')';
        out() << Qt::endl;
    }
    return 0;
}

/// cleanup --stale: removes what earlier registrations left in the state folder (their
/// containers, volumes, volume images and journals); the token file's registration is never
/// touched (docs/host.md "State folder and registrations").
int cleanup(QCoreApplication &app, const HostConfig &config, const QString &tokenFile)
{
    if (tokenFile.isEmpty())
        return fail(u"cleanup needs --token-file FILE (or [market] token_file): the current "
                    "registration is the one that file belongs to"_s);
    auto token = readToken(tokenFile);
    if (!token)
        return fail(token.error().message);
    const QList<JournalFile> journals =
        Journal::stale(config.stateDir, Journal::identityOf(*token));
    if (journals.isEmpty()) {
        out() << "nothing stale in " << config.stateDir << Qt::endl;
        return 0;
    }
    RuntimeDetector detector(config.podman, config.stateDir, config.runtime);
    Podman podman;
    std::unique_ptr<ContainerRuntime> runtime;
    int failures = 0;
    qsizetype journalIndex = 0;
    QStringList names;
    qsizetype nameIndex = 0;
    std::function<void()> nextJournal;
    std::function<void()> nextName;
    nextName = [&] {
        const JournalFile &f = journals.at(journalIndex);
        if (nameIndex == names.size()) {
            if (auto removed = Journal::removeFiles(f.path); !removed) {
                ++failures;
                err() << "suanli-host: " << removed.error().message << Qt::endl;
            } else {
                out() << "removed journal " << f.path << Qt::endl;
            }
            ++journalIndex;
            nextJournal();
            return;
        }
        InstanceRecord record;
        record.container = names.at(nameIndex++);
        runtime->destroy(record, [&, name = record.container](const Result<void> &destroyed) {
            if (!destroyed) {
                ++failures;
                err() << "suanli-host: " << name << ": " << destroyed.error().message << Qt::endl;
            } else {
                out() << "removed container and volume " << name << Qt::endl;
            }
            nextName();
        });
    };
    nextJournal = [&] {
        if (journalIndex == journals.size()) {
            app.exit(failures ? 1 : 0);
            return;
        }
        const JournalFile &f = journals.at(journalIndex);
        out() << "stale " << describeRegistration(f) << Qt::endl;
        runtime->listLabelled({f.agentId}, [&](const Result<QList<LabelledResource>> &found) {
            if (!found) {
                ++failures;
                err() << "suanli-host: " << found.error().message << Qt::endl;
                ++journalIndex;
                nextJournal();
                return;
            }
            names.clear();
            nameIndex = 0;
            for (const InstanceRecord &r : journals.at(journalIndex).instances) {
                if (!r.container.isEmpty())
                    names.append(r.container);
            }
            for (const LabelledResource &r : *found)
                names.append(r.name);
            names.removeDuplicates();
            nextName();
        });
    };
    QObject::connect(&detector, &RuntimeDetector::failed, &app,
                     [&app](const Error &e) { app.exit(fail(e.message)); });
    QObject::connect(
        &detector, &RuntimeDetector::detected, &app, [&](const RuntimeSettings &settings) {
            podman.setSettings(settings);
            InstanceLimits limits;
            if (!settings.rootless)
                limits.volumeImageDir = QDir(config.stateDir).filePath(u"volumes"_s);
            runtime = std::make_unique<ContainerRuntime>(podman, QString(), QString(), limits);
            nextJournal();
        });
    detector.start();
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"suanli-host"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(suanli::protocol::kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Suanli host agent: lends this machine through Podman containers (docs/host.md).\n\n"
        "Commands:\n"
        "  register --market URL --token sk_… --name NAME --out host.token [--config host.ini]\n"
        "      registers this machine with the market, writes the host token (0600) and\n"
        "      lists the host with the configured prices; prints the host id\n"
        "  run --market URL --token-file host.token [--config host.ini]\n"
        "      runs the agent: connects to the market and runs the instances it is given\n"
        "  self-test [--config host.ini]\n"
        "      checks Podman, the runtime, cgroups, ports, GPUs and limits; exits 1 on a FAIL\n"
        "  status [--config host.ini] [--token-file host.token] [--json]\n"
        "      prints the journal's instances and what earlier registrations left\n"
        "  cleanup --stale [--config host.ini] [--token-file host.token]\n"
        "      removes the containers, volumes and journals that earlier registrations\n"
        "      (other host tokens) left in the state folder; the token file's is kept\n\n"
        "In host.ini, [market] url and token_file give the defaults of --market and\n"
        "--token-file (and of register's --out)."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(u"command"_s, u"register, run, self-test, status or cleanup"_s);
    const QCommandLineOption marketOpt(u"market"_s, u"Market base URL."_s, u"URL"_s);
    const QCommandLineOption tokenOpt(u"token"_s, u"Account token (sk_…) for register."_s,
                                      u"TOKEN"_s);
    const QCommandLineOption nameOpt(u"name"_s, u"Host name for register."_s, u"NAME"_s);
    const QCommandLineOption outOpt(u"out"_s, u"Where register writes the host token."_s,
                                    u"FILE"_s);
    const QCommandLineOption tokenFileOpt(u"token-file"_s, u"Host token file for run."_s,
                                          u"FILE"_s);
    const QCommandLineOption configOpt(u"config"_s, u"INI configuration (docs/host.md)."_s,
                                       u"FILE"_s);
    const QCommandLineOption jsonOpt(u"json"_s, u"status as JSON."_s);
    const QCommandLineOption staleOpt(u"stale"_s,
                                      u"cleanup: what earlier registrations left behind."_s);
    parser.addOptions(
        {marketOpt, tokenOpt, nameOpt, outOpt, tokenFileOpt, configOpt, jsonOpt, staleOpt});
    parser.process(app);

    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return fail(
            u"expected one command: register, run, self-test, status or cleanup (see --help)"_s);
    const QString command = args.first();
    auto config = loadConfig(parser.value(configOpt));
    if (!config)
        return fail(config.error().message);
    if (const auto trusted = trustCaFile(config->caFile); !trusted)
        return fail(trusted.error().message);
    const auto marketUrl = [&]() -> std::optional<QUrl> {
        const QUrl url(parser.isSet(marketOpt) ? parser.value(marketOpt) : config->marketUrl);
        if (!url.isValid() || (url.scheme() != "http"_L1 && url.scheme() != "https"_L1) ||
            url.host().isEmpty())
            return std::nullopt;
        return url;
    };
    if (command == "register"_L1) {
        const auto url = marketUrl();
        if (!url)
            return fail(
                u"register needs --market http[s]://HOST:PORT (or [market] url in host.ini)"_s);
        if (!parser.value(tokenOpt).startsWith("sk_"_L1))
            return fail(u"register needs --token with an account token (sk_…)"_s);
        const QString outPath = parser.isSet(outOpt) ? parser.value(outOpt) : config->tokenFile;
        if (parser.value(nameOpt).trimmed().isEmpty() || outPath.isEmpty())
            return fail(u"register needs --name NAME and --out FILE"_s);
        return registerHost(app, *url, parser.value(tokenOpt).toLatin1(),
                            parser.value(nameOpt).trimmed(), outPath, *config);
    }
    if (command == "run"_L1) {
        const auto url = marketUrl();
        if (!url)
            return fail(u"run needs --market http[s]://HOST:PORT (or [market] url in host.ini)"_s);
        const QString tokenFile =
            parser.isSet(tokenFileOpt) ? parser.value(tokenFileOpt) : config->tokenFile;
        if (tokenFile.isEmpty())
            return fail(u"run needs --token-file FILE (written by register)"_s);
        return run(app, *url, tokenFile, *config);
    }
    if (command == "self-test"_L1)
        return selfTest(app, *config);
    const QString tokenFile =
        parser.isSet(tokenFileOpt) ? parser.value(tokenFileOpt) : config->tokenFile;
    if (command == "status"_L1)
        return status(*config, tokenFile, parser.isSet(jsonOpt));
    if (command == "cleanup"_L1) {
        if (!parser.isSet(staleOpt))
            return fail(u"cleanup needs --stale (it removes what earlier registrations left "
                        "in the state folder)"_s);
        return cleanup(app, *config, tokenFile);
    }
    return fail(u"unknown command '%1': expected register, run, self-test, status or cleanup"_s.arg(
        command));
}
