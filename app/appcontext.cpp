#include "appcontext.h"

#include "keychainsecretstore.h"

#ifdef SUANLI_HAVE_DATASETS
#include "app/datasets/datasetscontroller.h"
#include "app/datasets/datasetsizes.h"
#endif

#ifdef SUANLI_HAVE_HOST_ENGINE
#include "host/gpuprobe.h"
#include "host/hostconfig.h"
#include "host/hostengine.h"
#include "host/selftest.h"
#endif

#include <QDir>
#include <QFile>

using namespace Qt::StringLiterals;

namespace suanli::app {

namespace {

std::unique_ptr<SecretStore> defaultSecrets(const Settings &settings)
{
    const QString secretFile = settings.secretFileAllowed()
                                   ? QDir(settings.dataFolder()).filePath(u"secrets.json"_s)
                                   : QString();
    return std::make_unique<KeychainSecretStore>(u"suanli"_s, secretFile);
}

} // namespace

AppContext::AppContext(Options options, QObject *parent)
    : QObject(parent)
    , m_settings(options.settingsIni)
    , m_secrets(options.secrets ? std::move(options.secrets) : defaultSecrets(m_settings))
    , m_keys(m_settings.dataFolder())
    , m_session(&m_network, m_clock)
    , m_access(m_session.instances()->model())
    , m_dashClient(m_session.client())
    , m_feed(&m_dashClient, m_session.events())
    , m_spend(m_session.client(), m_session.events())
{
    // Instances use this market's key (its passphrase lives with the secrets); the market is
    // known once the session is ready. Launches put its public key into the request.
    m_keys.setSecretStore(m_secrets.get());
    m_session.instances()->setSshKeys(&m_keys);
    auto setKey = [this] {
        m_access.setSshKey(&m_keys, m_session.marketUrl());
    };
    setKey();
    connect(&m_session, &Session::ready, &m_access, setKey);

    m_feed.setClock(m_clock);
    m_notifier.setClock(m_clock);
    setUpDashboard();
    setUpDatasets();
}

AppContext::~AppContext()
{
    // The host agent talks to the session; it goes first, the market last.
    m_localHost.reset();
}

QString AppContext::tokenKey(const QUrl &market)
{
    return u"token/"_s +
           market.toString(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::StripTrailingSlash);
}

void AppContext::setUpDashboard()
{
    client::EventStream *events = m_session.events();
    InstanceListModel *model = m_session.instances()->model();
    // Release warnings already shown do not repeat after a restart.
    m_notifier.restoreFiredKeys(m_settings.notifiedKeys());
    connect(&m_notifier, &dashboard::Notifier::notify, this,
            [this] { m_settings.setNotifiedKeys(m_notifier.firedKeys()); });
    connect(events, &client::EventStream::instanceChanged, &m_notifier,
            &dashboard::Notifier::observeInstance);
    connect(events, &client::EventStream::balanceEvent, &m_notifier, &dashboard::Notifier::observeBalance);
    connect(events, &client::EventStream::instanceNotice, &m_notifier, &dashboard::Notifier::observeNotice);
    // A reload of the list is how instances first become known (and after a reconnect).
    auto observeAll = [this, model] {
        QList<protocol::Instance> all;
        all.reserve(model->rowCount());
        for (int row = 0; row < model->rowCount(); ++row)
            all.append(model->instance(row));
        m_notifier.observeInstances(all);
    };
    connect(model, &QAbstractItemModel::modelReset, &m_notifier, observeAll);
    connect(model, &QAbstractItemModel::rowsInserted, &m_notifier, observeAll);
    m_releaseCheck.setInterval(60 * 1000);
    connect(&m_releaseCheck, &QTimer::timeout, &m_notifier, &dashboard::Notifier::tick);
    m_releaseCheck.start();

    connect(&m_session, &Session::ready, this, [this](const protocol::Account &account) {
        m_notifier.setCurrency(account.currency);
        m_spend.reload();
    });
}

void AppContext::setUpDatasets()
{
#ifdef SUANLI_HAVE_DATASETS
    // The pairs live in the app's settings; the journal with the history next to the
    // market's data.
    const QString dataFolder = m_settings.dataFolder();
    QDir().mkpath(dataFolder);
    m_datasets = std::make_unique<datasets::DatasetsController>(
        m_settings.store(), QDir(dataFolder).filePath(u"sync.sqlite"_s));
    // Before renting: how long the upload folders take to reach each offer. They are counted
    // in a pool thread when the pairs change (and when the catalog is shown: the UI asks).
    m_datasetSizes = std::make_unique<datasets::DatasetSizes>();
    rescanDatasetSizes(true);
    connect(m_datasets->pairs(), &QAbstractItemModel::modelReset, m_datasetSizes.get(),
            [this] { rescanDatasetSizes(true); });
#endif
}

void AppContext::rescanDatasetSizes(bool always)
{
#ifdef SUANLI_HAVE_DATASETS
    if (!always && m_sinceSizesScan.isValid() && m_sinceSizesScan.elapsed() <= 60'000)
        return;
    m_sinceSizesScan.start();
    QStringList folders;
    for (const datasets::DatasetPair &pair : m_datasets->pairs()->pairs()) {
        if (pair.direction == sync::Direction::Upload)
            folders.append(pair.localFolder);
    }
    m_datasetSizes->scan(folders);
#else
    Q_UNUSED(always);
#endif
}

void AppContext::connectTo(const QUrl &marketUrl, const QByteArray &token, bool local)
{
    m_session.connectTo(marketUrl, token, local);
}

void AppContext::connectRemote(const QUrl &marketUrl, const QByteArray &token, qint64 tokenId)
{
    m_settings.setMode(Settings::Mode::Remote);
    m_settings.setMarketUrl(marketUrl);
    m_settings.setTokenId(marketUrl, tokenId);
    m_settings.sync();
    m_secrets->write(tokenKey(marketUrl), QString::fromLatin1(token), this, [](Result<void>) {});
    m_session.connectTo(marketUrl, token, false);
}

void AppContext::currentTokenId(QObject *context, std::function<void(Result<qint64>)> done)
{
    const QUrl market = m_session.marketUrl();
    if (const qint64 saved = m_settings.tokenId(market); saved > 0)
        return postToContext(context, [done = std::move(done), saved] { done(saved); });
    // A pasted token: the market lists every key by its first 12 characters.
    const QString prefix = QString::fromLatin1(m_session.client()->token().left(12));
    m_session.client()->tokens(context, [this, market, prefix, done = std::move(done)](
                                            Result<QList<protocol::ApiToken>> keys) {
        if (!keys)
            return done(keys.error());
        for (const protocol::ApiToken &key : *keys) {
            if (key.prefix == prefix) {
                m_settings.setTokenId(market, key.id);
                return done(key.id);
            }
        }
        done(qint64(0));
    });
}

void AppContext::signOut(QObject *context, std::function<void(Result<void>)> done)
{
    const QUrl market = m_session.marketUrl();
    auto forget = [this, market, context, done] {
        m_session.disconnect();
        m_settings.setTokenId(market, 0);
        m_settings.setMode(Settings::Mode::Unset);
        m_settings.sync();
        m_secrets->remove(tokenKey(market), context, done);
    };
    currentTokenId(context, [this, context, done, forget](Result<qint64> id) {
        if (!id) {
            // A key the market refuses already is as good as revoked.
            if (id.error().code == "unauthorized"_L1)
                return forget();
            return done(id.error());
        }
        if (*id == 0)
            return forget();
        m_session.client()->revokeToken(*id, context, [done, forget](Result<void> revoked) {
            if (!revoked && revoked.error().code != "unauthorized"_L1 &&
                revoked.error().code != "not_found"_L1)
                return done(revoked.error());
            forget();
        });
    });
}

void AppContext::readToken(const QUrl &marketUrl, QObject *context,
                           std::function<void(Result<QByteArray>)> done)
{
    m_secrets->read(tokenKey(marketUrl), context, [done = std::move(done)](Result<QString> token) {
        if (!token)
            done(token.error());
        else
            done(token->toLatin1());
    });
}

void AppContext::startLocal()
{
    m_localMarket =
        std::make_unique<LocalMarket>(m_settings.dataFolder(), quint16(m_settings.localPort()));
    m_hostFolder = m_settings.dataFolder();
    m_localHost = std::make_unique<LocalHost>(m_session.client(), m_secrets.get(), m_hostFolder);
    emit localHostCreated(m_localHost.get());
    connect(m_localMarket.get(), &LocalMarket::started, this,
            [this](const QUrl &url, const QByteArray &token) {
                m_session.connectTo(url, token, true);
                connect(
                    &m_session, &Session::ready, m_localHost.get(),
                    [this, url] { m_localHost->start(url); }, Qt::SingleShotConnection);
            });
    connect(m_localMarket.get(), &LocalMarket::failed, this, &AppContext::localMarketFailed);
    m_localMarket->start();
}

void AppContext::destroyLocalHost()
{
    m_localHost.reset();
}

QString AppContext::hostFolder() const
{
    return m_hostFolder.isEmpty() ? QDir(m_settings.dataFolder()).filePath(u"contributor"_s)
                                  : m_hostFolder;
}

void AppContext::registerThisMachine()
{
    if (!m_session.marketUrl().isValid())
        return;
    if (!m_localHost) {
        // Remote mode: the same engine as local mode, against the market the app uses, with
        // its own state folder so local mode's journal is never mixed with this one.
        m_hostFolder = QDir(m_settings.dataFolder()).filePath(u"contributor"_s);
        QDir().mkpath(m_hostFolder);
        m_localHost =
            std::make_unique<LocalHost>(m_session.client(), m_secrets.get(), m_hostFolder);
        emit localHostCreated(m_localHost.get());
    } else if (m_localHost->state() != LocalHost::State::Failed &&
               m_localHost->state() != LocalHost::State::Stopped) {
        return; // registering, starting or lending already
    }
    m_localHost->start(m_session.marketUrl());
}

void AppContext::updateListing(std::function<void(protocol::HostListing &)> edit, QObject *context,
                               std::function<void(Result<protocol::HostListing>)> done)
{
#ifdef SUANLI_HAVE_HOST_ENGINE
    host::HostEngine *engine = m_localHost ? m_localHost->engine() : nullptr;
    if (!engine || !engine->hostId())
        return;
    const qint64 hostId = engine->hostId();
    client::MarketClient *client = m_session.client();
    client->listHosts(context, [client, context, hostId, edit = std::move(edit),
                                done = std::move(done)](Result<QList<protocol::Host>> hosts) {
        if (!hosts)
            return;
        for (const protocol::Host &h : *hosts) {
            if (h.id != hostId)
                continue;
            if (!edit) {
                done(h.listing);
                return;
            }
            protocol::HostListing listing = h.listing;
            listing.listed = true;
            edit(listing);
            client->updateListing(hostId, listing, context, [done](Result<protocol::Host> updated) {
                if (!updated)
                    done(updated.error());
                else
                    done(updated->listing);
            });
        }
    });
#else
    Q_UNUSED(edit);
    Q_UNUSED(context);
    Q_UNUSED(done);
#endif
}

#ifdef SUANLI_HAVE_HOST_ENGINE
std::unique_ptr<host::SelfTest> AppContext::makeSelfTest() const
{
    const QDir data(hostFolder());
    host::HostConfig config = host::HostConfig::defaults();
    if (const QString ini = data.filePath(u"host.ini"_s); QFile::exists(ini)) {
        if (auto loaded = host::HostConfig::load(ini))
            config = *loaded;
    }
    config.stateDir = data.filePath(u"host"_s);
    return std::make_unique<host::SelfTest>(config, std::make_unique<host::NvmlGpuProbe>());
}
#endif

} // namespace suanli::app
