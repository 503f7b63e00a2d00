#include "localhost.h"

#include "client/marketclient.h"
#include "secretstore.h"

#ifdef SUANLI_HAVE_HOST_ENGINE
#include "host/hostengine.h"
#endif

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace suanli::app {

Q_LOGGING_CATEGORY(lcLocalHost, "suanli.localhost")

namespace {
QString hostTokenKey(const QUrl &market)
{
    return u"host-token/"_s + market.toString(QUrl::RemovePath | QUrl::RemoveQuery);
}
} // namespace

LocalHost::LocalHost(client::MarketClient *client, SecretStore *secrets, const QString &dataFolder,
                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_secrets(secrets)
    , m_dataFolder(dataFolder)
{}

LocalHost::~LocalHost()
{
    // The engine disconnects; containers keep running and the next start adopts them.
    m_engine.reset();
}

bool LocalHost::engineAvailable()
{
#ifdef SUANLI_HAVE_HOST_ENGINE
    return true;
#else
    return false;
#endif
}

void LocalHost::setState(State state, const QString &detail)
{
    m_state = state;
    m_detail = detail;
    emit stateChanged(state, detail);
}

void LocalHost::start(const QUrl &marketUrl)
{
    m_marketUrl = marketUrl;
    if (!engineAvailable()) {
        setState(State::Unavailable,
                 tr("This build has no host agent engine, so this computer is not lent; "
                    "the catalog shows other hosts of this market."));
        return;
    }
    ensureHostToken();
}

void LocalHost::stop()
{
    m_engine.reset();
    setState(State::Stopped, tr("Not lending this computer."));
}

void LocalHost::ensureHostToken()
{
    setState(State::Registering, tr("Registering this computer with the local market…"));
    const QString key = hostTokenKey(m_marketUrl);
    m_secrets->read(key, this, [this, key](Result<QString> token) {
        if (token) {
            startEngine(token->toLatin1());
            return;
        }
        m_client->createHost(
            QSysInfo::machineHostName(), this, [this, key](Result<client::CreatedHost> created) {
                if (!created) {
                    setState(State::Failed,
                             tr("Cannot register this computer: %1").arg(created.error().message));
                    return;
                }
                const QByteArray hostToken = created->token;
                m_listAfterOnline = true;
                m_secrets->write(key, QString::fromLatin1(hostToken), this,
                                 [this, hostToken](Result<void>) { startEngine(hostToken); });
            });
    });
}

void LocalHost::startEngine(const QByteArray &hostToken)
{
    setState(State::Starting, tr("Starting the host agent…"));
#ifdef SUANLI_HAVE_HOST_ENGINE
    // An operator may tune local lending with the same host.ini as suanli-host (docs/host.md);
    // without one every default applies and the state lives in the app's data folder.
    const QDir data(m_dataFolder);
    host::HostConfig config = host::HostConfig::defaults();
    if (const QString ini = data.filePath(u"host.ini"_s); QFile::exists(ini)) {
        auto loaded = host::HostConfig::load(ini);
        if (!loaded) {
            setState(State::Failed,
                     tr("This computer is not lent: %1 in %2").arg(loaded.error().message, ini));
            return;
        }
        config = *loaded;
        m_cpuOnlyPrice = config.priceGpuHourMicro;
    }
    // The journal belongs with the market database it reports to, whatever the ini says.
    config.stateDir = data.filePath(u"host"_s);
    m_storagePrice = config.priceStorageGbMonthMicro;
    m_gpuPrice = config.priceGpuHourMicro;
    m_lastError.clear();
    m_engine = std::make_unique<host::HostEngine>(
        host::HostEngine::Options{m_marketUrl, hostToken, config},
        std::make_unique<host::NvmlGpuProbe>());
    connect(m_engine.get(), &host::HostEngine::statusChanged, this,
            [this](host::HostEngine::Status status) { onEngineStatus(int(status)); });
    // The engine reports Failed first and the reason right after.
    connect(m_engine.get(), &host::HostEngine::failed, this, [this](const Error &error) {
        m_lastError = error.message;
        if (m_state == State::Failed)
            onEngineStatus(int(host::HostEngine::Status::Failed));
    });
    connect(m_engine.get(), &host::HostEngine::message, this,
            [](const QString &text) { qCInfo(lcLocalHost, "%s", qUtf8Printable(text)); });
    m_engine->start();
#else
    Q_UNUSED(hostToken);
#endif
}

void LocalHost::onEngineStatus(int status)
{
#ifdef SUANLI_HAVE_HOST_ENGINE
    switch (host::HostEngine::Status(status)) {
    case host::HostEngine::Status::Stopped:
        setState(State::Stopped, tr("Not lending this computer."));
        break;
    case host::HostEngine::Status::Starting:
        setState(State::Starting, tr("Starting the host agent (checking Podman)…"));
        break;
    case host::HostEngine::Status::Connecting:
        setState(State::Starting, tr("The host agent is connecting to the local market…"));
        break;
    case host::HostEngine::Status::Online: {
        const int gpus = int(m_engine->machine().gpus.size());
        setState(State::Lending, gpus == 0
                                     ? tr("Lending this computer: CPU only (no GPU found).")
                                     : tr("Lending this computer: %n GPU(s).", nullptr, gpus));
        if (m_listAfterOnline)
            listOnce();
        break;
    }
    case host::HostEngine::Status::Failed:
        setState(State::Failed,
                 tr("This computer is not lent: %1")
                     .arg(m_lastError.isEmpty() ? tr("the host agent stopped.") : m_lastError));
        break;
    }
#else
    Q_UNUSED(status);
#endif
}

void LocalHost::listOnce()
{
#ifdef SUANLI_HAVE_HOST_ENGINE
    m_listAfterOnline = false;
    protocol::HostListing listing;
    listing.listed = true;
    // Without GPUs the "GPU-hour" price is the whole machine's hourly price (docs/market.md); a
    // laptop's cores are worth far less than a GPU, so a new CPU-only host starts low.
    listing.price_gpu_hour_micro = m_engine->machine().gpus.isEmpty() ? m_cpuOnlyPrice : m_gpuPrice;
    listing.price_storage_gb_month_micro = m_storagePrice;
    const qint64 hostId = m_engine->hostId();
    m_client->updateListing(hostId, listing, this, [this](Result<protocol::Host> host) {
        if (!host)
            setState(State::Failed,
                     tr("This computer could not be listed: %1").arg(host.error().message));
    });
    // A host registered by an earlier start whose token is gone (secrets kept in memory only)
    // would stay in the catalog as an offline twin of this one: unlist it.
    m_client->listHosts(this, [this, hostId](Result<QList<protocol::Host>> hosts) {
        if (!hosts)
            return;
        for (const protocol::Host &h : *hosts) {
            if (h.id == hostId || h.online || !h.listing.listed)
                continue;
            protocol::HostListing unlisted = h.listing;
            unlisted.listed = false;
            m_client->updateListing(h.id, unlisted, this, [](Result<protocol::Host>) {});
        }
    });
#endif
}

} // namespace suanli::app
